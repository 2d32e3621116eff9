using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The spot-check plans at /Supervision/Admin/Plans with the form that creates one.</summary>
public sealed class InspectionPlansPage(IPage page)
{
    public const string Path = "/Supervision/Admin/Plans";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Title => page.Locator("#title");

    public ILocator Year => page.Locator("#year");

    public ILocator Types => page.Locator("#types");

    public ILocator DrawCount => page.Locator("#count");

    public ILocator InspectorsPerCheck => page.Locator("#per");

    public ILocator Items => page.Locator("#items");

    public ILocator Inspectors => page.Locator("#pool");

    public static async Task<InspectionPlansPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var plans = new InspectionPlansPage(page);
        await Assertions.Expect(plans.Title).ToBeVisibleAsync();
        await plans.Chrome.EnsureStyledAsync();
        return plans;
    }

    /// <summary>Submits the filled form; the app shows the new plan.</summary>
    public async Task<InspectionPlanPage> CreateAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "创建计划" }).ClickAsync();
        return await InspectionPlanPage.AttachAsync(page);
    }
}

/// <summary>One plan in the back office: commit, draw, the drawn checks and their results.</summary>
public sealed class InspectionPlanPage(IPage page)
{
    public ILocator Heading => page.Locator("main h1");

    public ILocator State => page.GetByTestId("plan-state");

    public ILocator Errors => page.GetByTestId("plan-errors");

    public ILocator Checks => page.GetByTestId("check-row");

    public ILocator PublicPageLink => page.Locator("main a[href^='/Supervision/Plans/']");

    public static async Task<InspectionPlanPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var plan = new InspectionPlanPage(page);
        await Assertions.Expect(plan.State).ToBeVisibleAsync();
        return plan;
    }

    public Task CommitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "固定对象库并公布种子承诺" }).ClickAsync();

    public Task DrawAsync() => page.GetByRole(AriaRole.Button, new() { Name = "随机抽取" }).ClickAsync();

    /// <summary>Records the first drawn check's result with its findings.</summary>
    public async Task RecordResultAsync(string findings, string result)
    {
        var row = Checks.First;
        await row.Locator("textarea[name=findings]").FillAsync(findings);
        await row.Locator("select[name=result]").SelectOptionAsync(result);
        await row.GetByRole(AriaRole.Button, new() { Name = "录入结果" }).ClickAsync();
    }

    public Task PublishAsync() => Checks.First.GetByRole(AriaRole.Button, new() { Name = "公开结果" }).ClickAsync();

    /// <summary>Opens the penalty case the first check was referred to.</summary>
    public async Task<PenaltyCasePage> OpenCaseAsync()
    {
        await Checks.First.Locator("a[href^='/Supervision/Admin/Cases/']").ClickAsync();
        return await PenaltyCasePage.AttachAsync(page);
    }
}

/// <summary>A penalty case in the back office: its state, its deadlines and the form of the next step.</summary>
public sealed class PenaltyCasePage(IPage page)
{
    public ILocator State => page.GetByTestId("case-state");

    public ILocator DecisionNumber => page.GetByTestId("decision-number");

    public ILocator DecisionDue => page.GetByTestId("decision-due");

    public ILocator Errors => page.GetByTestId("case-step-errors");

    public ILocator Measures => page.GetByTestId("measures");

    public static async Task<PenaltyCasePage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var penaltyCase = new PenaltyCasePage(page);
        await Assertions.Expect(penaltyCase.State).ToBeVisibleAsync();
        return penaltyCase;
    }

    /// <summary>Records the next step (a trigger of the case workflow), with a fine in yuan and the reasoning where given.</summary>
    public async Task StepAsync(string trigger, string? fineYuan = null, string? reasoning = null)
    {
        await page.Locator("#trigger").SelectOptionAsync(trigger);
        if (fineYuan is not null)
        {
            await page.Locator("#fine").FillAsync(fineYuan);
        }

        if (reasoning is not null)
        {
            await page.Locator("#note").FillAsync(reasoning);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();
    }

    public Task WaiveHearingAsync() => page.GetByRole(AriaRole.Button, new() { Name = "记录当事人放弃听证" }).ClickAsync();
}
