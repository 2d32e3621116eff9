using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Core.Localization;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The annual inspection journey of issue #5 in two browsers, and the NGO's year of issue #20: an officer opens the 2025
/// campaign; the demo applicant sees the report among the association's obligations in the workspace, opens it pre-filled,
/// files it with its finances and documents, saves a draft and submits; the officer finds it 基本合格 with a rectification
/// due; the applicant rectifies, the officer verifies; the public page shows the result; the applicant rates the service.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class InspectionJourneyTests(BrowserFixture fixture)
{
    private const string Journey = nameof(Inspection_ApplicantFilesReportFoundBasicallyQualifiedAndRectifies_PublicPageShowsResultAndRectification);
    private const int Year = 2025;

    /// <summary>A member organization of applicant@demo.local in Recipes/data/demo-register.json, founded 2008 (not exempt).</summary>
    private const string Organization = "宁波市海曙区老年协会";

    private static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    [Fact]
    public async Task Inspection_ApplicantFilesReportFoundBasicallyQualifiedAndRectifies_PublicPageShowsResultAndRectification()
    {
        // Campaigns list the register as it is when they open: load it first.
        await fixture.EnsureDemoRegisterAsync();
        await using var officer = await fixture.OpenSessionAsync();
        await using var applicant = await fixture.OpenSessionAsync();
        var today = ChinaTime.Today(TimeProvider.System);

        // 1. An officer opens the 2025 campaign for all three types, with a deadline still ahead so the report is on time.
        var officerLogin = await LoginPage.OpenAsync(officer.Page, returnUrl: InspectionCampaignsPage.Path);
        await officerLogin.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var campaigns = await InspectionCampaignsPage.AttachAsync(officer.Page);
        foreach (var type in new[] { "SocialGroup", "PrivateNonEnterprise", "Foundation" })
        {
            await Assertions.Expect(campaigns.Type(type)).ToBeCheckedAsync();
        }

        await Screenshots.SaveAsync(officer.Page, "01-officer-campaigns", Journey);
        var campaign = await campaigns.OpenCampaignAsync(Year, today.AddDays(60));
        await Assertions.Expect(campaign.Heading).ToContainTextAsync("2025年度年检");
        await Screenshots.SaveAsync(officer.Page, "02-officer-campaign-opened", Journey);

        // 2. The demo applicant's workspace names the 2025 report among the association's obligations, with the working
        //    days left and what happens if it is missed; then the report, not started, among their reports.
        var applicantLogin = await LoginPage.OpenAsync(applicant.Page, returnUrl: "/Organizations/Workspace");
        await applicantLogin.SubmitAsync(DemoApplicant.Email, DemoApplicant.Password);
        await applicant.Page.GetByTestId("workspace-choices").GetByRole(AriaRole.Link, new() { Name = Organization, Exact = true }).ClickAsync();
        var obligation = applicant.Page.GetByTestId("obligation").Filter(new() { HasText = "2025" });
        await Assertions.Expect(obligation.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(applicant.Page, "03-applicant-workspace-obligations", Journey);
        var mine = await MyAnnualReportsPage.OpenAsync(applicant.Page);
        await Assertions.Expect(mine.State(Organization, Year)).ToHaveTextAsync("未填写");
        await Screenshots.SaveAsync(applicant.Page, "03-applicant-my-reports", Journey);
        var form = await mine.FillAsync(Organization, Year);

        // Fill once: the people come pre-filled (from last year's report or the register), marked until confirmed.
        await Assertions.Expect(applicant.Page.GetByTestId("prefill-notice")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Page.Locator("[data-testid^='prefilled-']").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(applicant.Page, "03-applicant-report-prefilled", Journey);

        // 3. Work, people and finances in yuan: 120,000.00 + 131,800.50 − 128,500.25 + (−500.00) = 122,800.25.
        await form.WorkSummary.FillAsync("全年组织老年文体活动42场，开展为老志愿服务1,860人次，协助调解涉老纠纷17件。");
        await form.NextYearPlan.FillAsync("扩大社区老年学校覆盖面，新建3支为老志愿服务队，完善会员服务档案。");
        await form.IndividualMembers.FillAsync("1260");
        await form.UnitMembers.FillAsync("12");
        await form.FullTimeStaff.FillAsync("3");
        await form.Volunteers.FillAsync("85");
        await form.PartyOrganization.SelectOptionAsync("Joint");
        await form.PartyMembers.FillAsync("9");
        var amounts = new Dictionary<string, string>
        {
            ["IncomeGovernmentFen"] = "80000",
            ["IncomeDonationsFen"] = "15500.50",
            ["IncomeServicesFen"] = "30000",
            ["IncomeMembershipFen"] = "6300",
            ["ExpenseProgrammeFen"] = "90000",
            ["ExpenseStaffFen"] = "25000",
            ["ExpenseAdministrativeFen"] = "12000.25",
            ["ExpenseOtherFen"] = "1500",
            ["NetAssetsStartFen"] = "120000",
            ["AdjustmentFen"] = "-500",
            ["NetAssetsEndFen"] = "122800.25",
        };
        foreach (var (field, yuan) in amounts)
        {
            await form.Amount(field).FillAsync(yuan);
        }

        await form.AdjustmentExplanation.FillAsync("以前年度损益调整");
        await form.AttachPdfAsync("FinancialStatements");
        await form.AttachPdfAsync("AuditReport");
        await Screenshots.SaveAsync(applicant.Page, "04-applicant-report-filled", Journey);

        // 4. The draft keeps every figure and both files.
        await form.SaveDraftAsync();
        await Assertions.Expect(form.Chrome.Flash).ToHaveTextAsync("草稿已保存。");
        await Assertions.Expect(form.State).ToHaveTextAsync("草稿");
        await Assertions.Expect(form.WorkSummary).ToHaveValueAsync(new Regex("^全年组织老年文体活动42场"));
        await Assertions.Expect(form.Amount("IncomeDonationsFen")).ToHaveValueAsync("15500.50");
        await Assertions.Expect(form.Amount("AdjustmentFen")).ToHaveValueAsync("-500.00");
        await Assertions.Expect(form.Amount("NetAssetsEndFen")).ToHaveValueAsync("122800.25");
        await Assertions.Expect(form.CurrentFile("FinancialStatements")).ToHaveTextAsync("FinancialStatements.pdf");
        await Assertions.Expect(form.CurrentFile("AuditReport")).ToHaveTextAsync("AuditReport.pdf");
        await Assertions.Expect(form.Warnings).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(applicant.Page, "05-applicant-draft-saved", Journey);

        // 5. Submitted: the report shows the totals as the officer will see them.
        var report = await form.SubmitAsync();
        await Assertions.Expect(report.State).ToHaveTextAsync("已提交待审查");
        await Assertions.Expect(report.Finance("收入合计")).ToHaveTextAsync("¥131,800.50");
        await Assertions.Expect(report.Finance("期末净资产")).ToHaveTextAsync("¥122,800.25");
        await Assertions.Expect(report.Documents).ToContainTextAsync("FinancialStatements.pdf");
        await Assertions.Expect(report.Documents).ToContainTextAsync("AuditReport.pdf");
        await Assertions.Expect(report.RectifyForm).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(applicant.Page, "06-applicant-report-submitted", Journey);

        // 6. The officer finds it in the campaign and records 基本合格 with a rectification due.
        campaign = await InspectionCampaignPage.OpenAsync(officer.Page, Year);
        await campaign.FilterAsync(Organization);
        await Assertions.Expect(campaign.Row(Organization)).ToContainTextAsync("已提交待审查");
        await Screenshots.SaveAsync(officer.Page, "07-officer-campaign-reports", Journey);
        var review = await campaign.OpenReportAsync(Organization);
        review.Id.ShouldBe(report.Id);
        await Assertions.Expect(review.State).ToHaveTextAsync("已提交待审查");
        await Assertions.Expect(review.Warnings).ToHaveCountAsync(0);
        var organizationId = await review.OrganizationIdAsync();
        await Screenshots.SaveAsync(officer.Page, "08-officer-review", Journey);
        await review.RecordResultAsync(
            "BasicallyQualified",
            "财务报告中限定性净资产未单独列示；部分志愿服务记录不完整。",
            "一、按《民间非营利组织会计制度》重新列示限定性净资产；二、补全2025年度志愿服务记录。",
            today.AddDays(30));
        await Assertions.Expect(review.State).ToHaveTextAsync("已出结论");
        await Assertions.Expect(review.Result).ToContainTextAsync("基本合格");
        await Assertions.Expect(review.RectificationState).ToHaveTextAsync(new Regex(@"^\s*待整改\s*$"));
        await Screenshots.SaveAsync(officer.Page, "09-officer-result-recorded", Journey);

        // 7. The applicant sees the rectification due and submits one.
        mine = await MyAnnualReportsPage.OpenAsync(applicant.Page);
        await Assertions.Expect(mine.State(Organization, Year)).ToContainTextAsync("待整改");
        report = await AnnualReportPage.OpenAsync(applicant.Page, report.Id);
        await Assertions.Expect(report.RectifyForm).ToBeVisibleAsync();
        await Assertions.Expect(report.RectifyForm).ToContainTextAsync("重新列示限定性净资产");
        await Screenshots.SaveAsync(applicant.Page, "10-applicant-rectification-due", Journey);
        await report.SubmitRectificationAsync("已按会计制度调整财务报表，单独列示限定性净资产；已补全全年志愿服务记录并建立月度核对制度。");
        await Assertions.Expect(report.RectifyForm).ToHaveCountAsync(0);
        await Assertions.Expect(report.RectificationState).ToHaveTextAsync(new Regex(@"^\s*整改待验收\s*$"));
        await Screenshots.SaveAsync(applicant.Page, "11-applicant-rectification-submitted", Journey);

        // 8. The officer verifies it.
        review = await AnnualReportReviewPage.OpenAsync(officer.Page, review.Id);
        await Assertions.Expect(review.VerifyForm).ToContainTextAsync("单独列示限定性净资产");
        await review.VerifyRectificationAsync("经核查，整改到位。");
        await Assertions.Expect(review.VerifyForm).ToHaveCountAsync(0);
        await Assertions.Expect(review.RectificationState).ToContainTextAsync("整改已验收");
        await Screenshots.SaveAsync(officer.Page, "12-officer-rectification-verified", Journey);

        // 9. Anyone sees the 2025 result and the rectification done on the association's public page.
        await using var visitor = await fixture.OpenSessionAsync();
        var organization = await OrganizationPage.OpenAsync(visitor.Page, organizationId);
        await Assertions.Expect(organization.Name).ToHaveTextAsync(Organization);
        await Assertions.Expect(organization.Inspection(Year)).ToHaveTextAsync(RectifiedPattern());
        await Screenshots.SaveAsync(visitor.Page, "13-public-page", Journey);

        // 10. 好差评: the completed inspection is among the applicant's services (from the change feed) and is rated.
        await applicant.Page.GotoAsync("/Feedback/My");
        var service = applicant.Page.Locator("[data-testid=my-service][data-kind=Inspection]").Filter(new() { HasText = Organization }).Filter(new() { HasText = Year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Eventually.HoldsAsync(async () =>
        {
            if (await service.CountAsync() > 0)
            {
                return true;
            }

            await applicant.Page.ReloadAsync();
            return false;
        }, "the 2025 inspection is among the applicant's completed services", interval: TimeSpan.FromMilliseconds(500));
        await Screenshots.SaveAsync(applicant.Page, "14-applicant-services-to-rate", Journey);
        await service.GetByTestId("rate-link").ClickAsync();
        var rateForm = applicant.Page.GetByTestId("rate-form");
        await rateForm.GetByLabel("非常满意").CheckAsync();
        await rateForm.Locator("textarea[name='Input.Comment']").FillAsync("年检指导细致，整改要求一次讲清。");
        await rateForm.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(applicant.Page.Locator("[data-testid=rating][data-level=VerySatisfied]")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(applicant.Page, "15-applicant-service-rated", Journey);

        officer.Problems.ShouldBeEmpty();
        applicant.Problems.ShouldBeEmpty();
        visitor.Problems.ShouldBeEmpty();
    }

    [GeneratedRegex(@"^\s*基本合格\s*·\s*已于 \d{4}-\d{2}-\d{2} 完成整改\s*$")]
    private static partial Regex RectifiedPattern();
}
