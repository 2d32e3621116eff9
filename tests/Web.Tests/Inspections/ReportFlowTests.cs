using System.Net;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;
using Registry.Testing;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>An organization files its annual report; the officer concludes it and verifies the rectification; over HTTP, on each provider.</summary>
public abstract class ReportFlowTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    private const int Year = 2025;

    [Fact]
    public async Task OpenCampaign_ByOfficerForm_ExpectsTheTickedTypesOnly()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        // 2024: the other tests share this app and its 2025 campaign.
        using var response = await officer.OpenCampaignAsync(2024, new DateOnly(2025, 5, 31), OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);

        await ExpectRedirectAsync(response, "/Inspections/Admin/Campaign/2024");
        (await app.ReportAsync(2024, MemberSocialGroup)).State.ShouldBe(ReportState.NotStarted);
        (await app.ReportAsync(2024, MemberServiceCentre)).State.ShouldBe(ReportState.NotStarted);
        await Should.ThrowAsync<InvalidOperationException>(() => app.ReportAsync(2024, "宁波市海曙区教育发展基金会"));
    }

    [Fact]
    public async Task AnnualReport_DraftSavedAndResumed_SubmitRefusedOnIdentityThenAccepted()
    {
        var id = await ReportIdAsync(MemberSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var unbalanced = BalancedReport();
        unbalanced["Input.Amounts[NetAssetsEndFen]"] = "11500";

        using (var saved = await applicant.PostReportAsync(id, "Save", unbalanced))
        {
            await ExpectRedirectAsync(saved, $"/Inspections/Report/Edit/{id}");
        }

        var resumed = await applicant.GetDocumentAsync($"/Inspections/Report/Edit/{id}");
        resumed.QuerySelector("textarea[name='Input.WorkSummary']")!.TextContent.Trim().ShouldBe(unbalanced["Input.WorkSummary"]);
        resumed.QuerySelector("[data-testid=amount-IncomeServicesFen]")!.GetAttribute("value").ShouldBe("2000.00");
        resumed.QuerySelector("[data-testid=amount-NetAssetsEndFen]")!.GetAttribute("value").ShouldBe("11500.00");
        (await app.ReportAsync(Year, MemberSocialGroup)).State.ShouldBe(ReportState.Draft);

        using (var refused = await applicant.PostReportAsync(id, "Submit", unbalanced, withDocuments: true))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ErrorsAsync(refused)).ShouldContain("净资产不平衡：期初 ¥10,000.00 + 收入 ¥5,000.00 − 支出 ¥3,000.00 + 调整 ¥0.00 = ¥12,000.00，但期末填写为 ¥11,500.00");
        }

        var draft = await app.ReportAsync(Year, MemberSocialGroup);
        draft.State.ShouldBe(ReportState.Draft);
        draft.Documents.Select(d => d.ItemCode).ShouldBe([ReportDocuments.FinancialStatements, ReportDocuments.AuditReport], ignoreOrder: true);

        // The documents kept from the refused attempt are enough: only the figure is corrected.
        using (var submitted = await applicant.PostReportAsync(id, "Submit", new Dictionary<string, string> { ["Input.Amounts[NetAssetsEndFen]"] = "12000.00" }))
        {
            await ExpectRedirectAsync(submitted, $"/Inspections/Report/{id}");
        }

        var report = await app.ReportAsync(Year, MemberSocialGroup);
        report.State.ShouldBe(ReportState.Submitted);
        report.SubmittedLate.ShouldBeFalse();
        report.Content.NetAssetsEndFen.ShouldBe(1_200_000);
    }

    [Fact]
    public async Task Result_BasicallyQualifiedRectifiedAndVerified_ShowsOnThePublicPage()
    {
        var id = await ReportIdAsync(MemberServiceCentre);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        await applicant.SubmitBalancedReportAsync(id);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var due = app.Today.AddMonths(1);

        using (var recorded = await officer.SubmitFormAsync($"/Inspections/Admin/Report/{id}", new Dictionary<string, string>
        {
            ["Result"] = nameof(InspectionResult.BasicallyQualified),
            ["Reasons"] = "财务管理制度不健全。",
            ["RectificationRequirements"] = "建立并执行财务报销审批制度。",
            ["RectificationDueOn"] = Date(due),
        }, "form[data-testid=result-form]"))
        {
            await ExpectRedirectAsync(recorded, $"/Inspections/Admin/Report/{id}");
        }

        using (var rectified = await applicant.SubmitFormAsync($"/Inspections/Report/{id}", new Dictionary<string, string> { ["RectificationReport"] = "已制定财务报销审批制度并经理事会通过。" }, "form[data-testid=rectify-form]"))
        {
            await ExpectRedirectAsync(rectified, $"/Inspections/Report/{id}");
        }

        using (var verified = await officer.SubmitFormAsync($"/Inspections/Admin/Report/{id}", new Dictionary<string, string>(), "form[data-testid=verify-form]", handler: "Verify"))
        {
            await ExpectRedirectAsync(verified, $"/Inspections/Admin/Report/{id}");
        }

        var report = await app.ReportAsync(Year, MemberServiceCentre);
        (report.State, report.Result, report.Rectification, report.RectificationDueOn, report.RectificationVerifiedOn)
            .ShouldBe((ReportState.Concluded, InspectionResult.BasicallyQualified, RectificationState.Verified, due, app.Today));
        var publicPage = await app.Client().GetDocumentAsync($"/Organizations/Org/{report.OrganizationId}");
        var line = publicPage.QuerySelector($"[data-testid=inspection-{Year}]")!.TextContent;
        line.ShouldContain("基本合格");
        line.ShouldContain(Date(app.Today));
    }

    [Theory]
    [InlineData("/Inspections/Admin")]
    [InlineData("/Inspections/Admin/Campaign/2025")]
    [InlineData("/Inspections/Admin/Import")]
    [InlineData("/Inspections/Admin/CreditLists")]
    [InlineData("/Inspections/Admin/Report/{id}")]
    public async Task OfficerPage_Applicant_IsForbidden(string url)
    {
        var id = await ReportIdAsync(MemberSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        using var response = await applicant.GetAsync(new Uri(url.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Result")]
    [InlineData("Verify")]
    public async Task OfficerHandler_Applicant_IsForbiddenAndChangesNothing(string handler)
    {
        var id = await ReportIdAsync(MemberSocialGroup);
        var before = await app.ReportAsync(Year, MemberSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var form = await applicant.FormTokenForAsync($"/Inspections/Admin/Report/{id}");

        using var response = await applicant.PostFormAsync(form, new Dictionary<string, string> { ["Result"] = nameof(InspectionResult.Qualified), ["Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ReportAsync(Year, MemberSocialGroup)).Version.ShouldBe(before.Version);
    }

    [Theory]
    [InlineData("/Inspections/Report/{id}")]
    [InlineData("/Inspections/Report/Edit/{id}")]
    public async Task OtherOrganizationsReport_ApplicantWhoIsNotAMember_NotFound(string url)
    {
        var id = await ReportIdAsync(OtherSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        using var response = await applicant.GetAsync(new Uri(url.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<int> ReportIdAsync(string organizationName)
    {
        await app.EnsureCampaignAsync(Year, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        return (await app.ReportAsync(Year, organizationName)).Id;
    }
}

public sealed class ReportFlowTestsOnSqlite(InspectionsSqliteApp app) : ReportFlowTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class ReportFlowTestsOnPostgreSql(InspectionsPostgreSqlApp app) : ReportFlowTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
