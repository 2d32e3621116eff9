using System.Globalization;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// An expert's sheet at /Ratings/Review/{id}: first the conflict-of-interest declaration (the file stays hidden until
/// then), then a score and comment per indicator with the organization's self-assessment beside it.
/// </summary>
public sealed class ExpertSheetPage(IPage page, int id)
{
    public static string PathFor(int id) => $"/Ratings/Review/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator DeclarationForm => page.GetByTestId("declaration-form");

    public ILocator ScoreForm => page.GetByTestId("score-form");

    /// <summary>The self-assessment lines (shown only after the declaration).</summary>
    public ILocator SelfAssessment => page.GetByTestId("self");

    public ILocator Submitted => page.GetByTestId("submitted");

    public static async Task<ExpertSheetPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        await Arrival.AtAsync(page, PathFor(id));
        var sheet = new ExpertSheetPage(page, id);
        await Assertions.Expect(sheet.DeclarationForm.Or(sheet.ScoreForm).First).ToBeVisibleAsync();
        await sheet.Chrome.EnsureStyledAsync();
        return sheet;
    }

    public async Task DeclareNoConflictAsync()
    {
        await page.GetByTestId("no-conflict").CheckAsync();
        await FormOutcome.SubmitAsync(page, page.GetByTestId("declare"), $"Declaring no conflict on application {Id}");
        await Assertions.Expect(ScoreForm).ToBeVisibleAsync();
    }

    /// <summary>Scores every indicator at <paramref name="share"/> of its maximum (0.1 point steps), the bonus 0, with a comment each.</summary>
    public async Task ScoreAllAsync(decimal share, string comment)
    {
        var inputs = ScoreForm.Locator("input[data-testid^='points-']");
        var count = await inputs.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var input = inputs.Nth(i);
            var code = (await input.GetAttributeAsync("data-testid"))!["points-".Length..];
            var max = decimal.Parse((await input.GetAttributeAsync("max"))!, CultureInfo.InvariantCulture);
            var points = code == "BONUS" ? 0 : Math.Round(max * share, 1);
            await input.FillAsync(points.ToString("0.#", CultureInfo.InvariantCulture));
            await ScoreForm.GetByTestId($"comment-{code}").FillAsync(comment);
        }
    }

    /// <summary>Submits the scores (final) and waits for the sheet to show them as submitted.</summary>
    public async Task SubmitAsync()
    {
        await FormOutcome.SubmitAsync(page, page.GetByTestId("submit-scores"), $"Submitting scores on application {Id}");
        await Assertions.Expect(Submitted).ToBeVisibleAsync();
    }
}
