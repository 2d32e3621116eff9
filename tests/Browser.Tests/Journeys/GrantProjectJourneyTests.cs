using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Core.Calendar;
using Registry.Grants.Domain;
using Registry.Organizations.Domain;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The funded project of issue #8 in the browsers of an officer and the organization: an award (arranged in the database:
/// part 1's journey is the review) gets its agreement drawn up and signed with the signed PDF; the first tranche (50%) is
/// paid; the organization files the mid-term report (indicators actual against target, beneficiaries, spending by budget
/// line, a photo); the officer seats themselves as evaluator, declares no conflict, scores the rubric and records a pass;
/// the second tranche (30%) is paid; the final report is filed and passed the same way; the last tranche (20%) is paid and
/// the project closed; the organization's public page shows it closed with its result. The project ran over the seven
/// months before today, so both reports may be filed now.
/// </summary>
[Collection(ClockedBrowserJourneys.Name)]
public sealed class GrantProjectJourneyTests(ClockedBrowserFixture fixture)
{
    private const string Journey = nameof(GrantProject_AgreementTranchesBothReportsPassed_ClosedOnThePublicPage);

    /// <summary>A member organization of applicant@demo.local in Recipes/data/demo-register.json.</summary>
    private const string Organization = "宁波市海曙区老年协会";

    private const string ProjectTitle = "邻里守望·高龄老人助餐助行服务";

    private static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    /// <summary>The default evaluation rubric's weights (E1–E5) and the officer's points: 88 of 100.</summary>
    private static readonly (string Code, int Points)[] Scores = [("E1", 27), ("E2", 18), ("E3", 17), ("E4", 13), ("E5", 13)];

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    [Fact]
    public async Task GrantProject_AgreementTranchesBothReportsPassed_ClosedOnThePublicPage()
    {
        await fixture.EnsureDemoRegisterAsync();
        var (roundId, organizationId) = await ArrangeAwardAsync();
        await using var officer = await fixture.OpenSessionAsync();
        await using var applicant = await fixture.OpenSessionAsync();

        // 1. The officer draws up the agreement from the award and signs it with the signed PDF: three tranches 15,000 / 9,000 / 6,000.
        var login = await LoginPage.OpenAsync(officer.Page, returnUrl: $"/Grants/Projects/Admin/Round/{roundId}");
        await login.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var award = officer.Page.GetByTestId("award").Filter(new() { HasText = ProjectTitle });
        await Screenshots.SaveAsync(officer.Page, "01-officer-awards", Journey);
        await award.GetByTestId("create").ClickAsync();
        await Arrival.AtPatternAsync(officer.Page, @"/Grants/Projects/Admin/Agreement/\d+");
        var agreementUrl = new Uri(officer.Page.Url).AbsolutePath;
        await officer.Page.Locator("#signedOn").FillAsync(Day(fixture.Today));
        await officer.Page.Locator("#signedFile").SetInputFilesAsync(new FilePayload { Name = "资助协议.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await officer.Page.GetByTestId("sign").ClickAsync();
        await Assertions.Expect(officer.Page.GetByTestId("agreement-state")).ToHaveTextAsync("已签订");
        await Assertions.Expect(officer.Page.GetByTestId("tranche")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(officer.Page, "02-officer-agreement-signed", Journey);

        // 2. The first tranche (on signing) is paid; the next one waits for the mid-term evaluation.
        await PayAsync(officer.Page, 1, "HS-2026-0001");
        await Assertions.Expect(officer.Page.GetByTestId("total-paid")).ToHaveTextAsync("¥15,000.00");
        await Assertions.Expect(officer.Page.GetByTestId("pay-form-2")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(officer.Page, "03-officer-first-tranche-paid", Journey);

        // 3. The organization files the mid-term report: indicators, beneficiaries, spending by line (variance shown as typed), a photo.
        var applicantLogin = await LoginPage.OpenAsync(applicant.Page, returnUrl: "/Grants/Progress");
        await applicantLogin.SubmitAsync(DemoApplicant.Email, DemoApplicant.Password);
        await FileReportAsync(applicant.Page, "中期报告", "已开展助餐服务2100人次、助行陪同180人次，组建志愿者队伍一支。", "85", ["2100人次", "92%"], ["12000", "9800.50"], "04");

        // 4. The officer seats themselves, declares no conflict, scores the rubric and passes the mid-term report.
        await EvaluateAsync(officer.Page, "中期报告", "05");

        // 5. The second tranche is now payable and paid.
        await officer.Page.GotoAsync(agreementUrl);
        await PayAsync(officer.Page, 2, "HS-2026-0002");
        await Assertions.Expect(officer.Page.GetByTestId("total-paid")).ToHaveTextAsync("¥24,000.00");
        await Screenshots.SaveAsync(officer.Page, "06-officer-second-tranche-paid", Journey);

        // 6. The final report, filed and passed the same way.
        await FileReportAsync(applicant.Page, "结项报告", "全年助餐服务4300人次、助行陪同360人次，服务对象满意度95%。", "126", ["4300人次", "95%"], ["25000", "19990"], "07");
        await EvaluateAsync(officer.Page, "结项报告", "08");

        // 7. The last tranche is paid and the project closed: the final evaluation passed and every payable tranche is paid.
        await officer.Page.GotoAsync(agreementUrl);
        await PayAsync(officer.Page, 3, "HS-2026-0003");
        await Assertions.Expect(officer.Page.GetByTestId("total-paid")).ToHaveTextAsync("¥30,000.00");
        await officer.Page.GetByTestId("close").ClickAsync();
        await Assertions.Expect(officer.Page.GetByTestId("agreement-state")).ToHaveTextAsync("已结项");
        await Screenshots.SaveAsync(officer.Page, "09-officer-project-closed", Journey);

        // 8. The organization's public page lists the project as closed, with its result.
        await applicant.Page.GotoAsync($"/Organizations/Org/{organizationId}");
        var project = applicant.Page.GetByTestId("funded-project").Filter(new() { HasText = ProjectTitle });
        await Assertions.Expect(project.GetByTestId("project-result")).ToContainTextAsync("已结项");
        await Assertions.Expect(project.GetByTestId("project-result")).ToContainTextAsync("通过");
        await Screenshots.SaveAsync(applicant.Page, "10-public-page-closed-project", Journey);

        officer.Problems.ShouldBeEmpty();
        applicant.Problems.ShouldBeEmpty();
    }

    /// <summary>The organization opens its report of <paramref name="kind"/>, fills it in (autosave runs), attaches a photo and submits.</summary>
    private static async Task FileReportAsync(IPage page, string kind, string narrative, string reached, string[] actuals, string[] spent, string step)
    {
        await page.GotoAsync("/Grants/Progress");
        var row = page.GetByTestId("report").Filter(new() { HasText = ProjectTitle }).Filter(new() { HasText = kind });
        await Assertions.Expect(row.GetByTestId("report-state")).ToHaveTextAsync("草稿");
        await row.GetByRole(AriaRole.Link, new() { Name = ProjectTitle }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("草稿");
        await page.GetByTestId("narrative").FillAsync(narrative);
        await page.GetByTestId("reached").FillAsync(reached);
        for (var i = 0; i < actuals.Length; i++)
        {
            await page.GetByTestId($"actual-{i}").FillAsync(actuals[i]);
        }

        var autosaved = page.WaitForResponseAsync(r => r.Url.Contains("handler=Autosave", StringComparison.Ordinal));
        for (var i = 0; i < spent.Length; i++)
        {
            await page.GetByTestId($"spent-{i}").FillAsync(spent[i]);
        }

        (await autosaved).Status.ShouldBe(200);
        await page.GetByTestId("upload").SetInputFilesAsync(new FilePayload { Name = "活动照片.png", MimeType = "image/png", Buffer = Png });
        await page.GetByTestId("caption").FillAsync("志愿者陪同老人就餐");
        await Screenshots.SaveAsync(page, $"{step}-applicant-{(kind == "中期报告" ? "mid-term" : "final")}-report", Journey);
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("已提交，待评估");
        await Assertions.Expect(page.GetByTestId("evidence")).ToContainTextAsync("活动照片.png");
        await Assertions.Expect(page.GetByTestId("budget-execution")).ToBeVisibleAsync();
    }

    /// <summary>The officer opens the report from the queue, seats themselves, declares, scores, submits the sheet and records a pass.</summary>
    private static async Task EvaluateAsync(IPage page, string kind, string step)
    {
        await page.GotoAsync("/Grants/Evaluation/Admin");
        var row = page.GetByTestId("report").Filter(new() { HasText = ProjectTitle }).Filter(new() { HasText = kind });
        await Assertions.Expect(row.GetByTestId("report-state")).ToHaveTextAsync("已提交，待评估");
        await row.GetByRole(AriaRole.Link, new() { Name = ProjectTitle }).ClickAsync();
        await page.Locator("label").Filter(new() { HasText = TestAccounts.Officer.Email }).GetByTestId("evaluator").CheckAsync();
        await page.GetByTestId("assign").ClickAsync();
        await page.GetByTestId("no-conflict").CheckAsync();
        await page.GetByTestId("declare").ClickAsync();
        foreach (var (code, points) in Scores)
        {
            await page.GetByTestId($"points-{code}").FillAsync(points.ToString(CultureInfo.InvariantCulture));
        }

        await page.GetByTestId("submit-scores").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mean-total")).ToContainTextAsync("88");
        await page.GetByTestId("outcome-Pass").CheckAsync();
        await Screenshots.SaveAsync(page, $"{step}-officer-{(kind == "中期报告" ? "mid-term" : "final")}-evaluation", Journey);
        await page.GetByTestId("record-outcome").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome-value")).ToHaveTextAsync("通过");
    }

    private static async Task PayAsync(IPage page, int tranche, string reference)
    {
        var form = page.GetByTestId($"pay-form-{tranche}");
        await form.Locator("input[name=reference]").FillAsync(reference);
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"pay-form-{tranche}")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A round of three tranches (50/30/20) whose call and review are over, and the association's project awarded ¥30,000
    /// (with ¥20,000 matched), run over the seven months before today; calendar years the reports need are added plain if missing.
    /// </summary>
    private Task<(int RoundId, int OrganizationId)> ArrangeAwardAsync() => fixture.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<DbContext>();
        var today = fixture.Today;
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-7);
        var end = start.AddMonths(6).AddDays(-1);
        var calendars = s.GetRequiredService<ICalendarProvider>();
        var known = (await calendars.GetAsync(CancellationToken.None)).Years;
        await calendars.SaveYearsAsync(Enumerable.Range(start.Year, today.Year + 1 - start.Year + 1).Where(y => !known.Contains(y)).Select(y => new CalendarYearData(y, "journey", [], [])), CancellationToken.None);
        var organization = await db.Set<Organization>().SingleAsync(o => o.Name == Organization);
        var opens = start.AddMonths(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var round = new GrantRound
        {
            Name = "海曙区公益创投（项目管理浏览器测试）",
            Year = start.Year,
            BudgetFen = 20_000_000,
            Categories = [new RoundCategory("为老服务")],
            ProjectCapFen = 5_000_000,
            MaxGrantShareBasisPoints = 6000,
            MinMonths = 6,
            MaxMonths = 12,
            OpensAt = opens,
            ClosesAt = opens.AddDays(30),
            Rubric = [new RubricCriterion("C1", "公益性", 100)],
            ReviewersPerApplication = 3,
            TranchePlan = [50, 30, 20],
            Stage = RoundStage.Awarded,
            CreatedAt = opens,
        };
        db.Add(round);
        await db.SaveChangesAsync();
        db.Add(new GrantApplication
        {
            RoundId = round.Id,
            OrganizationId = organization.Id,
            OrganizationName = organization.Name,
            State = GrantState.Awarded,
            Title = ProjectTitle,
            Summary = "为辖区高龄独居老人提供社区助餐和就医出行陪同。",
            Category = "为老服务",
            Beneficiaries = "辖区80周岁以上独居老人",
            BeneficiaryCount = 120,
            Location = "鼓楼街道",
            StartOn = start,
            EndOn = end,
            Need = "高龄独居老人用餐和出行困难。",
            Objectives = "建立助餐点和志愿陪同队伍。",
            IndicatorsJson = JsonSerializer.Serialize(new[] { new ProjectIndicator("Output", "助餐服务人次", "4000人次"), new ProjectIndicator("Outcome", "服务对象满意度", "90%") }),
            ActivityPlan = "第1月筹备，第2—6月每日助餐、每周陪同。",
            Team = "社工2名，志愿者30名。",
            NoOtherGovernmentFunding = true,
            BudgetLines =
            [
                new BudgetLine { Position = 0, Category = BudgetCategory.SocialWork, Item = "专业社工服务", RequestedFen = 2_500_000, MatchingFen = 0 },
                new BudgetLine { Position = 1, Category = BudgetCategory.Activities, Item = "助餐及陪同活动", RequestedFen = 500_000, MatchingFen = 2_000_000 },
            ],
            RequestedFen = 3_000_000,
            MatchingFen = 2_000_000,
            SubmittedAt = opens.AddDays(10),
            AllocatedFen = 3_000_000,
            AwardedFen = 3_000_000,
            AwardedOn = start.AddDays(-14),
            CreatedAt = opens.AddDays(1),
            UpdatedAt = opens.AddDays(10),
        });
        await db.SaveChangesAsync();
        return (round.Id, organization.Id);
    });

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
