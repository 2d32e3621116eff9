using System.Globalization;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// One rating application as the officer works it at /Ratings/Admin/Application/{id}: eligibility, the expert panel and
/// the field assessment date, the score matrix, and the committee's decision.
/// </summary>
public sealed class RatingApplicationAdminPage(IPage page, int id)
{
    public const string PathPattern = @"/Ratings/Admin/Application/(\d+)";

    public static string PathFor(int id) => $"/Ratings/Admin/Application/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    /// <summary>The state badge beside the organization's name (已提交, 专家评估中, …).</summary>
    public ILocator State => page.GetByTestId("application-state");

    /// <summary>The automatic eligibility checks, one item each.</summary>
    public ILocator Checks => page.GetByTestId("check");

    /// <summary>The checks marked failed.</summary>
    public ILocator FailedChecks => Checks.Filter(new LocatorFilterOptions { Has = page.Locator(".badge.danger") });

    public ILocator PanelMembers => page.GetByTestId("panel-member");

    /// <summary>A candidate's checkbox on the assignment form, by the expert's e-mail.</summary>
    public ILocator Candidate(string email) =>
        page.GetByTestId("assign-form").Locator("div").Filter(new LocatorFilterOptions { HasText = email }).GetByTestId("candidate");

    public ILocator ScoreRows => page.GetByTestId("score-row");

    public ILocator Total => page.GetByTestId("total");

    public ILocator ComputedGrade => page.GetByTestId("computed-grade");

    public ILocator DecidedGrade => page.GetByTestId("decided-grade");

    public static async Task<RatingApplicationAdminPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page);
    }

    public static async Task<RatingApplicationAdminPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var id = await Arrival.AtIdAsync(page, PathPattern);
        var application = new RatingApplicationAdminPage(page, id);
        await Assertions.Expect(application.State).ToBeVisibleAsync();
        await application.Chrome.EnsureStyledAsync();
        return application;
    }

    /// <summary>Confirms the automatic result "eligible" and waits for the flash.</summary>
    public async Task ConfirmEligibleAsync()
    {
        await page.GetByTestId("eligible-yes").CheckAsync();
        await SubmitAsync("decide-eligibility", "Confirming eligibility");
    }

    /// <summary>Ticks the experts (by e-mail) and assigns them; waits for the flash.</summary>
    public async Task AssignAsync(params string[] emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        foreach (var email in emails)
        {
            await Candidate(email).CheckAsync();
        }

        await SubmitAsync("assign", "Assigning the panel");
    }

    public async Task SetFieldAssessmentAsync(DateOnly on)
    {
        await page.Locator("input[name='FieldAssessmentOn']").FillAsync(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await SubmitAsync("set-field-assessment", "Recording the field assessment");
    }

    /// <summary>The committee takes the grade the means earn (the form's default) and waits for the flash.</summary>
    public Task DecideAsync() => SubmitAsync("decide", "Recording the committee's decision");

    private async Task SubmitAsync(string buttonTestId, string action)
    {
        await FormOutcome.SubmitAsync(page, page.GetByTestId(buttonTestId), $"{action} (application {Id})");
        await Arrival.AtAsync(page, PathFor(Id));
    }
}
