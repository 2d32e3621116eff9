using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>An officer's page of one application at /Organizations/Admin/Applications/{id}: particulars, name check, decision.</summary>
public sealed class ReviewPage(IPage page, int id)
{
    public static string PathFor(int id) => $"/Organizations/Admin/Applications/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Receipt => page.GetByTestId("receipt");

    public ILocator State => page.GetByTestId("state");

    public ILocator Errors => page.GetByTestId("decision-errors");

    /// <summary>The reason (不予) or deficiencies (退回补正) that Reject and Return require.</summary>
    public ILocator Note => page.Locator("#note");

    /// <summary>A decision button: Accept, StartReview, Approve, Return, Reject.</summary>
    public ILocator Decision(string trigger) => page.GetByTestId($"decide-{trigger}");

    public static async Task<ReviewPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page, id);
    }

    public static async Task<ReviewPage> AttachAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(id));
        var review = new ReviewPage(page, id);
        await Assertions.Expect(review.Receipt).ToBeVisibleAsync();
        await review.Chrome.EnsureStyledAsync();
        return review;
    }

    /// <summary>
    /// Clicks a decision and waits until the reloaded page shows <paramref name="expectedState"/> (the app redirects
    /// back to this page on success). A refused decision comes back with an error summary: that fails here, with the
    /// summary in the message.
    /// </summary>
    public async Task DecideAsync(string trigger, string expectedState)
    {
        ArgumentNullException.ThrowIfNull(expectedState);
        await Decision(trigger).ClickAsync();
        var shownErrors = page.Locator("[data-testid='decision-errors'] li:visible");
        var decided = State.Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(expectedState)}\\s*$") });
        await Assertions.Expect(decided.Or(shownErrors).First).ToBeVisibleAsync();
        if (await shownErrors.CountAsync() > 0)
        {
            var errors = await shownErrors.AllInnerTextsAsync();
            throw new InvalidOperationException($"Decision {trigger} on application {Id} was refused: {string.Join(" | ", errors)}");
        }

        await Arrival.AtAsync(page, PathFor(Id));
    }
}
