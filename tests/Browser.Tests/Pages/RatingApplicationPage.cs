using System.Globalization;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// The organization's rating application at /Ratings/Application/{id}: in draft the self-assessment per indicator with
/// evidence files (one multipart form), afterwards the state, eligibility and the proposed or announced grade.
/// </summary>
public sealed class RatingApplicationPage(IPage page, int id)
{
    public const string PathPattern = @"/Ratings/Application/(\d+)";

    public static string PathFor(int id) => $"/Ratings/Application/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    /// <summary>The state badge beside the title (草稿, 已提交, …).</summary>
    public ILocator State => page.GetByTestId("state");

    public ILocator SelfAssessmentForm => page.GetByTestId("self-assessment");

    public ILocator EvidenceCount => page.GetByTestId("evidence-count");

    public ILocator ClaimedTotal => page.GetByTestId("claimed-total");

    /// <summary>The grade proposed during 公示 or announced afterwards.</summary>
    public ILocator Grade => page.GetByTestId("grade");

    public ILocator PublicityEnds => page.GetByTestId("publicity-ends");

    public static async Task<RatingApplicationPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page);
    }

    public static async Task<RatingApplicationPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var id = await Arrival.AtIdAsync(page, PathPattern);
        var application = new RatingApplicationPage(page, id);
        await Assertions.Expect(application.State).ToBeVisibleAsync();
        await application.Chrome.EnsureStyledAsync();
        return application;
    }

    /// <summary>Claims <paramref name="share"/> of every indicator's maximum (0.1 point steps) with a note each.</summary>
    public async Task SelfAssessAsync(decimal share, string note)
    {
        var inputs = SelfAssessmentForm.Locator("input[data-testid^='points-']:not([data-testid='points-BONUS'])");
        var count = await inputs.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var input = inputs.Nth(i);
            var code = (await input.GetAttributeAsync("data-testid"))!["points-".Length..];
            var max = decimal.Parse((await page.GetByTestId($"indicator-{code}").GetAttributeAsync("data-max"))!, CultureInfo.InvariantCulture);
            await input.FillAsync(Math.Round(max * share, 1).ToString("0.#", CultureInfo.InvariantCulture));
            await SelfAssessmentForm.GetByTestId($"note-{code}").FillAsync(note);
        }
    }

    /// <summary>Chooses a small PDF as evidence for the application as a whole; uploaded with the next save or submit.</summary>
    public Task AttachGeneralEvidenceAsync(string fileName) =>
        page.GetByTestId("file-general").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = ApplicationFormPage.MinimalPdf });

    /// <summary>Saves the draft (uploads included) and waits for the form with the "draft saved" flash.</summary>
    public async Task SaveDraftAsync()
    {
        await FormOutcome.SubmitAsync(page, page.GetByTestId("save-draft"), $"Saving rating application {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
    }

    /// <summary>
    /// Submits the application; a refused submission fails here with the error summary. Under the 2010 measures the
    /// applicant first makes the declaration of article 7 (no penalty, no investigation).
    /// </summary>
    public async Task SubmitAsync()
    {
        if (await page.GetByTestId("declaration").CountAsync() > 0)
        {
            await page.GetByTestId("declare-no-penalty").CheckAsync();
            await page.GetByTestId("declare-no-investigation").CheckAsync();
        }

        await FormOutcome.SubmitAsync(page, page.GetByTestId("submit-application"), $"Submitting rating application {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
    }
}
