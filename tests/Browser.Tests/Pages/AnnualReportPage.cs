using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// The organization's view of its report at /Inspections/Report/{id}: what was submitted, the result, and the
/// rectification form while a rectification is due.
/// </summary>
public sealed class AnnualReportPage(IPage page, int id)
{
    public static string PathFor(int id) => $"/Inspections/Report/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator State => page.GetByTestId("report-state");

    public ILocator Finances => page.GetByTestId("finances");

    /// <summary>The value of a finances row by its label, e.g. 期末净资产.</summary>
    public ILocator Finance(string label) =>
        Finances.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator("th", new PageLocatorOptions { HasTextString = label }) }).Locator("td");

    public ILocator Documents => page.Locator("section[aria-labelledby='report-docs']");

    public ILocator Result => page.GetByTestId("result");

    public ILocator RectificationState => page.GetByTestId("rectification-state");

    public ILocator RectifyForm => page.GetByTestId("rectify-form");

    public ILocator RectificationReport => RectifyForm.Locator("textarea[name='RectificationReport']");

    public ILocator SubmitRectification => page.GetByTestId("submit-rectification");

    public static async Task<AnnualReportPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page, id);
    }

    public static async Task<AnnualReportPage> AttachAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(id));
        var report = new AnnualReportPage(page, id);
        await Assertions.Expect(report.State).ToBeVisibleAsync();
        await report.Chrome.EnsureStyledAsync();
        return report;
    }

    /// <summary>Submits the rectification report and waits for the page to come back with the flash.</summary>
    public async Task SubmitRectificationAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        await RectificationReport.FillAsync(text);
        await FormOutcome.SubmitAsync(page, SubmitRectification, $"Submitting the rectification of report {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
    }
}
