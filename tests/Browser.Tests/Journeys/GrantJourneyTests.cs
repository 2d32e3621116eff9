using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The venture fund journey of issue #7 in the browsers of an officer, an organization and three reviewers: the officer
/// opens a round (¥200,000, the default categories and rubric, three reviewers per application); the demo applicant fills
/// in a project for their association with a budget within the cap and the 60% share, the draft autosaves, and submits
/// for a receipt; the officer reads the eligibility report and passes it, then seats three reviewers (the one linked to
/// the association is not offered); each reviewer declares no conflict and scores; the officer sees the raw mean, cuts
/// the amount with a reason, watches the remaining budget and publishes the shortlist for 公示; the association sees its
/// project shortlisted with the amount. Runs on the clocked fixture for its reviewers (Recipes/test-ratings.recipe.json).
/// </summary>
[Collection(ClockedBrowserJourneys.Name)]
public sealed class GrantJourneyTests(ClockedBrowserFixture fixture)
{
    private const string Journey = nameof(Grant_OrganizationAppliesOfficerScreensThreeReviewersScore_OfficerAllocatesAndPublishesShortlist);

    /// <summary>A member organization of applicant@demo.local in Recipes/data/demo-register.json.</summary>
    private const string Organization = "宁波市海曙区老年协会";

    private const string RoundName = "海曙区公益创投（浏览器测试）";

    private const string ProjectTitle = "银龄互助·社区老年人居家探访服务";

    private const string ReviewerPassword = "Test-expert-2026";

    /// <summary>Recipes/test-ratings.recipe.json: a member of <see cref="Organization"/>, so never offered as its reviewer.</summary>
    private const string LinkedReviewer = "关联专家";

    private static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    /// <summary>The three reviewers (Recipes/test-ratings.recipe.json) and their points on C1 (30), C2 (20), C3 (30), C4 (20): totals 84, 88 and 80, a raw mean of 84.</summary>
    private static readonly (string Email, string Name, int[] Points)[] Panel =
    [
        ("expert1@test.local", "评估专家一", [26, 17, 25, 16]),
        ("expert2@test.local", "评估专家二", [27, 18, 26, 17]),
        ("expert3@test.local", "评估专家三", [25, 16, 24, 15]),
    ];

    private static readonly string[] Criteria = ["C1", "C2", "C3", "C4"];

    [Fact]
    public async Task Grant_OrganizationAppliesOfficerScreensThreeReviewersScore_OfficerAllocatesAndPublishesShortlist()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var officer = await fixture.OpenSessionAsync();
        await using var applicant = await fixture.OpenSessionAsync();
        var today = fixture.Today;

        // 1. The officer opens a round whose call runs from yesterday to a month ahead, with the default rules.
        var officerLogin = await LoginPage.OpenAsync(officer.Page, returnUrl: "/Grants/Admin");
        await officerLogin.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var roundForm = officer.Page.GetByTestId("round-form");
        await Assertions.Expect(roundForm).ToBeVisibleAsync();
        await officer.Page.GetByTestId("round-name").FillAsync(RoundName);
        await officer.Page.GetByTestId("round-budget").FillAsync("200000");
        await officer.Page.GetByTestId("round-opens").FillAsync(Instant(today.AddDays(-1), "09:00"));
        await officer.Page.GetByTestId("round-closes").FillAsync(Instant(today.AddDays(30), "17:00"));

        // Issue 25 item 13: instants are typed and shown year first with a Chinese hint, whatever the browser's locale;
        // a button beside each opens the browser's calendar.
        await Assertions.Expect(officer.Page.GetByTestId("round-opens")).ToHaveAttributeAsync("placeholder", "年-月-日 时:分");
        await Assertions.Expect(officer.Page.GetByTestId("round-opens")).ToHaveValueAsync(Instant(today.AddDays(-1), "09:00"));
        await Assertions.Expect(roundForm.GetByRole(AriaRole.Button, new() { Name = "选择日期和时间" }).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer.Page, "01-officer-new-round", Journey);
        await officer.Page.GetByTestId("create-round").ClickAsync();
        var roundId = await IdFromUrlAsync(officer.Page, "/Grants/Admin/Round/");
        await Assertions.Expect(officer.Page.Locator("h1")).ToHaveTextAsync(RoundName);
        await Assertions.Expect(officer.Page.GetByTestId("no-applications")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer.Page, "02-officer-round-opened", Journey);

        // 2. The round is public; the demo applicant starts a project for the association from it.
        var applicantLogin = await LoginPage.OpenAsync(applicant.Page, returnUrl: $"/Grants/Round/{roundId}");
        await applicantLogin.SubmitAsync(DemoApplicant.Email, DemoApplicant.Password);
        await Assertions.Expect(applicant.Page.Locator("h1")).ToHaveTextAsync(RoundName);
        await Assertions.Expect(applicant.Page.GetByTestId("categories")).ToContainTextAsync("为老服务");
        await Screenshots.SaveAsync(applicant.Page, "03-applicant-round", Journey);
        await applicant.Page.GetByTestId("apply").ClickAsync();
        await Assertions.Expect(applicant.Page.GetByTestId("start-round")).ToHaveValueAsync(Id(roundId));
        await applicant.Page.GetByTestId("start-organization").SelectOptionAsync(new SelectOptionValue { Label = Organization });
        await applicant.Page.GetByTestId("start").ClickAsync();
        var applicationId = await IdFromUrlAsync(applicant.Page, "/Grants/Application/");
        await Assertions.Expect(applicant.Page.GetByTestId("state")).ToHaveTextAsync("草稿");

        // 3. The project, with a budget the form totals live: ¥33,000 requested and ¥27,000 matched, a 55% grant share.
        var page = applicant.Page;
        await page.GetByTestId("title").FillAsync(ProjectTitle);
        await page.GetByTestId("category").SelectOptionAsync("为老服务");
        await page.GetByTestId("summary").FillAsync("组织社区志愿者对高龄独居老人开展每周居家探访、健康提醒和精神慰藉服务。");
        await page.GetByTestId("beneficiaries").FillAsync("辖区80周岁以上独居、空巢老人");
        await page.GetByTestId("beneficiary-count").FillAsync("120");
        await page.GetByTestId("location").FillAsync("鼓楼街道、南门街道");
        var start = new DateOnly(today.Year + 1, 1, 1);
        await page.GetByTestId("start").FillAsync(Day(start));
        await page.GetByTestId("end").FillAsync(Day(start.AddMonths(12).AddDays(-1)));
        await page.GetByTestId("need").FillAsync("两个街道有高龄独居老人三百余名，日常照护和精神关爱缺口明显。");
        await page.GetByTestId("objectives").FillAsync("建立固定探访关系，及时发现并转介老人的健康与生活风险。");
        await page.GetByTestId("indicator-0").FillAsync("居家探访人次");
        await page.GetByTestId("target-0").FillAsync("2400");
        await page.Locator("select[name='Form.Indicators[1].Kind']").SelectOptionAsync("Outcome");
        await page.GetByTestId("indicator-1").FillAsync("服务对象满意度");
        await page.GetByTestId("target-1").FillAsync("90%");
        await page.GetByTestId("plan").FillAsync("1月：招募培训志愿者；2—11月：每周探访；12月：总结评估。");
        await page.GetByTestId("team").FillAsync("项目负责人1名（社工师），专职社工2名，志愿者40名。");
        await BudgetLineAsync(page, 0, "SocialWork", "专业社工服务", "25000", "15000");
        await BudgetLineAsync(page, 1, "Activities", "探访活动及志愿者培训", "8000", "12000");
        await Assertions.Expect(page.GetByTestId("total-requested")).ToHaveTextAsync("¥33,000.00");
        await Assertions.Expect(page.GetByTestId("total-matching")).ToHaveTextAsync("¥27,000.00");
        await Assertions.Expect(page.GetByTestId("share")).ToHaveTextAsync("55.00%");

        // The draft autosaves a few seconds after the last change; waiting for it keeps the saves in order.
        var autosaved = page.WaitForResponseAsync(r => r.Url.Contains("handler=Autosave", StringComparison.Ordinal));
        await page.GetByTestId("no-other-funding").CheckAsync();
        (await autosaved).Status.ShouldBe(200);
        // The round bars major violations within 3 years: without penalty records the applicant declares it.
        await page.GetByTestId("no-major-violation").CheckAsync();

        await Screenshots.SaveAsync(page, "04-applicant-project-filled", Journey);

        // 4. Saved, then submitted: a receipt, and the project to read but not edit.
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Flash(page)).ToHaveTextAsync("草稿已保存。");
        await Assertions.Expect(page.GetByTestId("title")).ToHaveValueAsync(ProjectTitle);
        await Assertions.Expect(page.GetByTestId("share")).ToHaveTextAsync("55.00%");
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("已提交，待初筛");
        await Assertions.Expect(page.GetByTestId("receipt-number")).ToHaveTextAsync(new Regex(@"\S"));
        await Assertions.Expect(Flash(page)).ToContainTextAsync("申报已提交");
        await Assertions.Expect(page.GetByTestId("submit")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "05-applicant-receipt", Journey);

        // 5. The officer reads the eligibility report built from the register and passes the application.
        await officer.Page.GotoAsync($"/Grants/Admin/Round/{roundId}");
        var row = officer.Page.GetByTestId("application").Filter(new() { HasText = ProjectTitle });
        await Assertions.Expect(row).ToContainTextAsync("已提交，待初筛");
        await Screenshots.SaveAsync(officer.Page, "06-officer-applications", Journey);
        await row.GetByRole(AriaRole.Link, new() { Name = ProjectTitle }).ClickAsync();
        await Assertions.Expect(officer.Page).ToHaveURLAsync(new Regex($"/Grants/Admin/Application/{applicationId}$"));
        await Assertions.Expect(officer.Page.GetByTestId("check").First).ToBeVisibleAsync();
        await Assertions.Expect(officer.Page.GetByTestId("check").First).ToHaveAttributeAsync("data-passed", new Regex("^(true|false)$"));
        await Screenshots.SaveAsync(officer.Page, "07-officer-eligibility-report", Journey);
        await officer.Page.GetByTestId("pass").CheckAsync();
        await officer.Page.GetByTestId("note").FillAsync("登记、年检、信用记录均已核对，符合申报条件。");
        await officer.Page.GetByTestId("screen").ClickAsync();
        await Assertions.Expect(officer.Page.GetByTestId("state")).ToHaveTextAsync("通过初筛，评审中");

        // 6. Three reviewers seated by hand; the reviewer linked to the association is never offered.
        var candidates = officer.Page.Locator("#reviewer option");
        await Assertions.Expect(candidates.Filter(new() { HasText = Panel[0].Name })).ToHaveCountAsync(1);
        await Assertions.Expect(candidates.Filter(new() { HasText = LinkedReviewer })).ToHaveCountAsync(0);
        foreach (var (_, name, _) in Panel)
        {
            var value = await candidates.Filter(new() { HasText = name }).GetAttributeAsync("value");
            await officer.Page.GetByTestId("reviewer").SelectOptionAsync(value!);
            await officer.Page.GetByTestId("assign").ClickAsync();
            await Assertions.Expect(officer.Page.GetByTestId("seat").Filter(new() { HasText = name })).ToContainTextAsync("待声明");
        }

        await Assertions.Expect(officer.Page.GetByTestId("seat")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(officer.Page, "08-officer-reviewers-seated", Journey);

        // 7. Each reviewer declares no conflict before the project opens, then scores every criterion and submits.
        foreach (var (email, _, points) in Panel)
        {
            await using var reviewer = await fixture.OpenSessionAsync();
            var login = await LoginPage.OpenAsync(reviewer.Page, returnUrl: "/Grants/Review");
            await login.SubmitAsync(email, ReviewerPassword);
            var seat = reviewer.Page.GetByTestId("seat").Filter(new() { HasText = ProjectTitle });
            await Assertions.Expect(seat).ToContainTextAsync("待声明");
            await seat.GetByRole(AriaRole.Link, new() { Name = ProjectTitle }).ClickAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("declaration-form")).ToBeVisibleAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("title")).ToHaveCountAsync(0);
            await reviewer.Page.GetByTestId("no-conflict").CheckAsync();
            await reviewer.Page.GetByTestId("declare").ClickAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("title")).ToHaveTextAsync(ProjectTitle);
            for (var i = 0; i < Criteria.Length; i++)
            {
                await reviewer.Page.GetByTestId($"points-{Criteria[i]}").FillAsync(points[i].ToString(CultureInfo.InvariantCulture));
                await reviewer.Page.GetByTestId($"comment-{Criteria[i]}").FillAsync("需求明确，服务设计可行。");
            }

            if (email == Panel[0].Email)
            {
                await Screenshots.SaveAsync(reviewer.Page, "09-reviewer-scores", Journey);
            }

            await reviewer.Page.GetByTestId("submit-scores").ClickAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("submitted")).ToBeVisibleAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("submit-scores")).ToHaveCountAsync(0);
            reviewer.Problems.ShouldBeEmpty();
        }

        // 8. The officer sees the scores (raw mean 84) and cuts the amount to ¥30,000 with a reason; the remaining budget follows.
        await officer.Page.GotoAsync($"/Grants/Admin/Round/{roundId}");
        var ranked = officer.Page.GetByTestId("ranked").Filter(new() { HasText = ProjectTitle });
        await Assertions.Expect(ranked.GetByTestId("raw")).ToHaveTextAsync("84");
        await Assertions.Expect(ranked.GetByTestId("allocated")).ToHaveTextAsync("¥33,000.00");
        await Assertions.Expect(officer.Page.GetByTestId("remaining")).ToContainTextAsync("¥167,000.00");
        await Screenshots.SaveAsync(officer.Page, "10-officer-results", Journey);
        await ranked.GetByTestId($"cut-{applicationId}").FillAsync("30000");
        await ranked.GetByTestId($"cut-reason-{applicationId}").FillAsync("宣传及活动经费测算偏高，核减至3万元。");
        await ranked.GetByTestId($"cut-save-{applicationId}").ClickAsync();
        await Assertions.Expect(Flash(officer.Page)).ToHaveTextAsync("已保存核减。");
        await Assertions.Expect(ranked.GetByTestId("allocated")).ToHaveTextAsync("¥30,000.00");
        await Assertions.Expect(officer.Page.GetByTestId("remaining")).ToContainTextAsync("¥170,000.00");
        await Screenshots.SaveAsync(officer.Page, "11-officer-allocation-cut", Journey);

        // 9. Not before the call closes; a month later the shortlist is published for 7 days of 公示 with a notice.
        await Assertions.Expect(officer.Page.GetByTestId("publish")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.Page.GetByTestId("publish-after-close")).ToBeVisibleAsync();
        fixture.Clock.Skip(TimeSpan.FromDays(31));
        officerLogin = await LoginPage.OpenAsync(officer.Page, returnUrl: $"/Grants/Admin/Round/{roundId}");
        await officerLogin.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        await officer.Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(Flash(officer.Page)).ToHaveTextAsync("入围名单已公示。");
        await Assertions.Expect(officer.Page.Locator("#main .flash")).ToHaveCountAsync(1);
        await Assertions.Expect(officer.Page.GetByTestId("application").Filter(new() { HasText = ProjectTitle })).ToContainTextAsync("入围公示中");
        await Assertions.Expect(officer.Page.GetByTestId("figures-line")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Page.GetByTestId("notice-link")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Page.GetByTestId("publish")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(officer.Page, "12-officer-shortlist-published", Journey);

        // 10. The association sees its project shortlisted with the amount allocated.
        var applicantAgain = await LoginPage.OpenAsync(applicant.Page, returnUrl: $"/Grants/Application/{applicationId}");
        await applicantAgain.SubmitAsync(DemoApplicant.Email, DemoApplicant.Password);
        await Assertions.Expect(applicant.Page.GetByTestId("state")).ToHaveTextAsync("入围公示中");
        await Assertions.Expect(applicant.Page.GetByTestId("allocated")).ToHaveTextAsync("¥30,000.00");
        await Screenshots.SaveAsync(applicant.Page, "13-applicant-shortlisted", Journey);

        officer.Problems.ShouldBeEmpty();
        applicant.Problems.ShouldBeEmpty();
    }

    /// <summary>The layout's one confirmation message.</summary>
    private static ILocator Flash(IPage page) => new SiteChrome(page).Flash;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local value in Beijing time.</summary>
    private static string Instant(DateOnly day, string time) => $"{Day(day)} {time}";

    private static async Task BudgetLineAsync(IPage page, int row, string category, string item, string requested, string matching)
    {
        await page.Locator($"select[name='Form.Lines[{row}].Category']").SelectOptionAsync(category);
        await page.GetByTestId($"item-{row}").FillAsync(item);
        await page.GetByTestId($"requested-{row}").FillAsync(requested);
        await page.GetByTestId($"matching-{row}").FillAsync(matching);
    }

    /// <summary>Waits for the page to land on <paramref name="prefix"/>{id} and returns the id.</summary>
    private static async Task<int> IdFromUrlAsync(IPage page, string prefix)
    {
        return await Arrival.AtIdAsync(page, $@"{Regex.Escape(prefix)}(\d+)");
    }
}
