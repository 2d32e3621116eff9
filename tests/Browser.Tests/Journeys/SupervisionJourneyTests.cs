using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Core.Localization;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The supervision journey of issue #21: an officer creates a spot-check plan (双随机), commits its seed, draws one social
/// group, records the check with 移交立案, takes the case it opened through 调查取证 and 告知 to a 决定 of a ¥60,000 fine,
/// and publishes the check's result; from the change feed the organization enters the 严重违法失信名单 (a fine of ¥50,000
/// or more), and its public page shows the decision (行政处罚信息公示), also on a phone.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class SupervisionJourneyTests(BrowserFixture fixture)
{
    private const string Journey = nameof(Supervision_SpotCheckReferredToACaseDecidedWithALargeFine_SeriousListAndPublicPenalty);

    private const int Phone = 390;

    [Fact]
    public async Task Supervision_SpotCheckReferredToACaseDecidedWithALargeFine_SeriousListAndPublicPenalty()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var officer = await fixture.OpenSessionAsync();
        var today = ChinaTime.Today(TimeProvider.System);

        // 1. A plan: social groups, one drawn, two inspectors a check from a pool of officers and an outside expert.
        var login = await LoginPage.OpenAsync(officer.Page, returnUrl: InspectionPlansPage.Path);
        await login.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var plans = await InspectionPlansPage.AttachAsync(officer.Page);
        await plans.Title.FillAsync($"{today.Year}年社会团体双随机抽查（浏览器）");
        await plans.Year.FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await plans.Types.FillAsync("SocialGroup");
        await plans.DrawCount.FillAsync("1");
        await plans.InspectorsPerCheck.FillAsync("2");
        await plans.Items.FillAsync("章程执行情况；财务收支；收费与募捐");
        await plans.Inspectors.FillAsync("王检查\n赵检查\n钱专家|external");
        await Screenshots.SaveAsync(officer.Page, "01-officer-new-plan", Journey);
        var plan = await plans.CreateAsync();
        await Assertions.Expect(plan.State).ToHaveTextAsync("草稿");

        // 2. The population is fixed and the seed's commitment published, then the draw reveals the seed.
        await plan.CommitAsync();
        await Assertions.Expect(plan.Errors).ToBeHiddenAsync();
        await Assertions.Expect(plan.State).ToHaveTextAsync("已公布种子承诺");
        await Assertions.Expect(officer.Page.Locator("dl code")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(officer.Page, "02-officer-plan-committed", Journey);
        await plan.DrawAsync();
        await Assertions.Expect(plan.Checks).ToHaveCountAsync(1);
        await Assertions.Expect(plan.State).ToHaveTextAsync("已抽取");
        var planUrl = officer.Page.Url;
        var drawn = (await plan.Checks.First.Locator("td").First.TextContentAsync())!.Trim();
        var name = drawn[..drawn.LastIndexOf(" (", StringComparison.Ordinal)];
        await Screenshots.SaveAsync(officer.Page, "03-officer-plan-drawn", Journey);

        // 3. The check finds fees charged outside the charter and is referred for a case (移交立案).
        await plan.RecordResultAsync("超出章程规定的业务范围向会员收取培训费共计人民币八万元。", "CaseOpened");
        await Assertions.Expect(plan.Checks.First).ToContainTextAsync("移交立案");
        await Screenshots.SaveAsync(officer.Page, "04-officer-check-referred", Journey);
        var penaltyCase = await plan.OpenCaseAsync();
        await Assertions.Expect(penaltyCase.State).ToHaveTextAsync("已立案");
        await Assertions.Expect(officer.Page.Locator("main")).ToContainTextAsync(name);
        var caseUrl = officer.Page.Url;
        await Screenshots.SaveAsync(officer.Page, "05-officer-case-filed", Journey);

        // 4. 调查取证, then 告知 of a ¥60,000 fine: a hearing may be asked for (第六十三条); the party waives it.
        await penaltyCase.StepAsync("Investigate");
        await Assertions.Expect(penaltyCase.State).ToHaveTextAsync("调查取证");
        await penaltyCase.StepAsync("Notify", fineYuan: "60000");
        await Assertions.Expect(penaltyCase.State).ToHaveTextAsync("已告知");
        await Assertions.Expect(officer.Page.GetByTestId("hearing-due")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer.Page, "06-officer-case-notified", Journey);
        await penaltyCase.WaiveHearingAsync();
        await Assertions.Expect(officer.Page.GetByTestId("hearing-due")).ToContainTextAsync("放弃听证");

        // 5. 决定: the fine as notified, with the reasoning; the decision gets its number.
        await penaltyCase.StepAsync("Decide", fineYuan: "60000", reasoning: "事实清楚，证据确凿，依据《社会团体登记管理条例》第三十条处以罚款。");
        await Assertions.Expect(penaltyCase.State).ToHaveTextAsync("已决定");
        await Assertions.Expect(penaltyCase.DecisionNumber).ToContainTextAsync("民罚决字");
        var decisionNumber = (await penaltyCase.DecisionNumber.TextContentAsync())!.Trim();
        await Screenshots.SaveAsync(officer.Page, "07-officer-case-decided", Journey);

        // 6. The check's result is published (一公开) on the plan's public page.
        await officer.Page.GotoAsync(planUrl);
        plan = await InspectionPlanPage.AttachAsync(officer.Page);
        await plan.PublishAsync();
        await Assertions.Expect(plan.Checks.First).ToContainTextAsync("已公开");
        await plan.PublicPageLink.ClickAsync();
        await Assertions.Expect(officer.Page.GetByTestId("public-check")).ToContainTextAsync("移交立案");
        await Screenshots.SaveAsync(officer.Page, "08-public-plan-result", Journey);

        // 7. From the change feed: the organization is on the serious list for the large fine.
        await using var visitor = await fixture.OpenSessionAsync();
        var listed = visitor.Page.GetByTestId("credit-entries").Locator("tr", new() { HasText = name }).Filter(new() { HasText = decisionNumber });
        await Eventually.HoldsAsync(
            async () =>
            {
                await visitor.Page.GotoAsync($"/Inspections/CreditLists?q={Uri.EscapeDataString(name)}&list=Serious");
                return await listed.CountAsync() > 0;
            },
            "the decided fine puts the organization on the serious list",
            interval: TimeSpan.FromMilliseconds(500));
        await Assertions.Expect(listed.First).ToContainTextAsync("严重违法失信名单");
        await Screenshots.SaveAsync(visitor.Page, "09-public-serious-list", Journey);

        // 8. Its public page shows the decision (行政处罚信息公示), also at phone width without sideways scrolling.
        await listed.First.Locator("a").First.ClickAsync();
        var penalties = visitor.Page.GetByTestId("org-penalties");
        await Assertions.Expect(penalties).ToContainTextAsync(decisionNumber);
        await Assertions.Expect(penalties).ToContainTextAsync("罚款");
        await Screenshots.SaveAsync(visitor.Page, "10-public-organization-penalty", Journey);
        await visitor.Page.SetViewportSizeAsync(Phone, 844);
        await Assertions.Expect(penalties).ToBeVisibleAsync();
        (await visitor.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(Phone);
        await Screenshots.SaveAsync(visitor.Page, "11-public-organization-penalty-phone", Journey);

        caseUrl.ShouldContain("/Supervision/Admin/Cases/");
        officer.Problems.ShouldBeEmpty();
        visitor.Problems.ShouldBeEmpty();
    }
}
