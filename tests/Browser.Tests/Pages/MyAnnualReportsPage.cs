using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The applicant's annual reports at /Inspections/My: every year of every organization they act for.</summary>
public sealed class MyAnnualReportsPage(IPage page)
{
    public const string Path = "/Inspections/My";

    private const string FillPrefix = "fill-";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Heading => page.Locator("#main h1");

    public ILocator Reports => page.GetByTestId("my-reports");

    /// <summary>The row of an organization's report of a year (cells: year, organization, state, result, action).</summary>
    public ILocator Row(string organization, int year) =>
        Reports.Locator("tbody tr")
            .Filter(new LocatorFilterOptions { Has = page.Locator("td:nth-child(1)").Filter(new LocatorFilterOptions { HasTextRegex = Exact(year.ToString(CultureInfo.InvariantCulture)) }) })
            .Filter(new LocatorFilterOptions { Has = page.Locator("td:nth-child(2)").Filter(new LocatorFilterOptions { HasTextRegex = Exact(organization) }) });

    /// <summary>The state cell of a row (with a 待整改 badge while a rectification is due).</summary>
    public ILocator State(string organization, int year) => Row(organization, year).Locator("td:nth-child(3)");

    /// <summary>The 填写 / 继续填写 button of a row, shown while the organization may edit the report.</summary>
    public ILocator FillButton(string organization, int year) => Row(organization, year).Locator($"a[data-testid^='{FillPrefix}']");

    public static async Task<MyAnnualReportsPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return await AttachAsync(page);
    }

    /// <summary>Waits until the browser shows the list (e.g. after signing in with it as the return URL).</summary>
    public static async Task<MyAnnualReportsPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var reports = new MyAnnualReportsPage(page);
        await Assertions.Expect(reports.Heading).ToBeVisibleAsync();
        await reports.Chrome.EnsureStyledAsync();
        return reports;
    }

    /// <summary>Opens the report form from the row's button (data-testid fill-{id}).</summary>
    public async Task<AnnualReportFormPage> FillAsync(string organization, int year)
    {
        var button = FillButton(organization, year);
        var testId = await button.GetAttributeAsync("data-testid")
            ?? throw new InvalidOperationException($"The {year} report of {organization} has no fill button.");
        var id = int.Parse(testId[FillPrefix.Length..], CultureInfo.InvariantCulture);
        await button.ClickAsync();
        return await AnnualReportFormPage.AttachAsync(page, id);
    }

    private static Regex Exact(string text) => new($@"^\s*{Regex.Escape(text)}\s*$");
}
