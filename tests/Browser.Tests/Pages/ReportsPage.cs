using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The reports dashboard at /Reports: sections of tables with SVG charts, the exports and the link to the work summary.</summary>
public sealed class ReportsPage(IPage page)
{
    public const string Path = "/Reports";

    public ILocator Heading => page.Locator("main h1");

    public ILocator Charts => page.Locator("main svg.bar-chart[role=img]");

    public ILocator ExportXlsx => page.GetByTestId("export-xlsx");

    public ILocator Print => page.Locator("main [data-print]");

    /// <summary>A figure, by table id, row key and column key (e.g. registrations / NameApproval / Total).</summary>
    public ILocator Cell(string table, string row, string column) => page.GetByTestId($"cell-{table}-{row}-{column}");

    public ILocator Section(string id) => page.Locator($"#section-{id}");

    public static async Task<ReportsPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Reports"));
        return new ReportsPage(page);
    }

    /// <summary>Clicks the XLSX export and gives back the downloaded file's bytes.</summary>
    public async Task<(string FileName, byte[] Content)> DownloadXlsxAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => ExportXlsx.ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    public async Task<WorkSummaryPage> OpenSummaryAsync()
    {
        await page.GetByTestId("summary-link").ClickAsync();
        return new WorkSummaryPage(page);
    }
}

/// <summary>The work summary at /Reports/Summary: the figures written in Chinese and English, with copy and print buttons.</summary>
public sealed class WorkSummaryPage(IPage page)
{
    public ILocator Chinese => page.GetByTestId("summary-zh-CN");

    public ILocator English => page.GetByTestId("summary-en");

    public ILocator CopyChinese => page.Locator("button[data-copy='summary-zh-CN']");

    public ILocator PeriodForm => page.Locator("main form.filters");
}
