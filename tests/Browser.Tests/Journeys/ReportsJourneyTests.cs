using Microsoft.Playwright;
using MiniExcelLibs;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The reports journey of issue #9: an officer opens the 2026 dashboard on the seed's figures (test-reports recipe), sees
/// the charts and the numbers, downloads the XLSX export (read back here), and opens the work summary in both languages,
/// also as it prints.
/// </summary>
[Collection(ReportsBrowserJourneys.Name)]
public sealed class ReportsJourneyTests(ReportsBrowserFixture fixture)
{
    private const string Journey = nameof(Reports_OfficerOpensTheDashboardExportsXlsxAndWritesTheSummary_FiguresMatchTheSeed);

    [Fact]
    public async Task Reports_OfficerOpensTheDashboardExportsXlsxAndWritesTheSummary_FiguresMatchTheSeed()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var officer = await fixture.OpenSessionAsync();

        // 1. The dashboard of 2026: registrations, the 2025 inspection carried out in 2026, charts with their tables.
        var login = await LoginPage.OpenAsync(officer.Page, returnUrl: ReportsPage.Path + "?year=2026");
        await login.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var dashboard = await ReportsPage.AttachAsync(officer.Page);
        await Assertions.Expect(dashboard.Heading).ToHaveTextAsync("统计报表");
        await Assertions.Expect(dashboard.Cell("registrations", "NameApproval", "Total")).ToHaveTextAsync("11");
        await Assertions.Expect(dashboard.Cell("inspection-results", "Qualified", "Count")).ToHaveTextAsync("242");
        await Assertions.Expect(dashboard.Section("inspections")).ToHaveTextAsync("年检：2025年度（2026年开展）");
        (await dashboard.Charts.CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
        await Assertions.Expect(dashboard.Charts.First).ToBeVisibleAsync();
        await Assertions.Expect(dashboard.Print).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer.Page, "01-dashboard", Journey);

        // 2. The XLSX export downloads and holds the registrations table.
        var (fileName, content) = await dashboard.DownloadXlsxAsync();
        fileName.ShouldBe("report-2026.xlsx");
        using (var xlsx = new MemoryStream(content))
        {
            MiniExcel.GetSheetNames(xlsx).ShouldContain("registrations");
            var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "registrations", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            var nameApprovals = rows.Single(r => Equals(r["项目"], "名称核准"));
            (Convert.ToInt32(nameApprovals["社会团体"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(nameApprovals["民办非企业单位"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(nameApprovals["合计"], System.Globalization.CultureInfo.InvariantCulture))
                .ShouldBe((7, 4, 11));
        }

        // 3. The work summary in the seeds' words, and in English; the copy button appears once the script runs.
        var summary = await dashboard.OpenSummaryAsync();
        await Assertions.Expect(summary.Chinese).ToContainTextAsync("完成社会组织名称核准11家，其中社会团体7家，民办非企业单位4家");
        await Assertions.Expect(summary.Chinese).ToContainTextAsync("共有277家社会组织参加年检，合格242家，基本合格18家，不合格17家");
        await Assertions.Expect(summary.English).ToContainTextAsync("11 organization names approved");
        await Assertions.Expect(summary.CopyChinese).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer.Page, "02-summary", Journey);

        // 4. Printed, the period form and the buttons stay off the paper.
        await officer.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(summary.PeriodForm).ToBeHiddenAsync();
        await Assertions.Expect(summary.CopyChinese).ToBeHiddenAsync();
        await Screenshots.SaveAsync(officer.Page, "03-summary-print", Journey);

        officer.Problems.ShouldBeEmpty();
    }
}

/// <summary>A browser fixture of its own whose app holds the seed's figures (Recipes/test-reports.recipe.json, 282 organizations).</summary>
public sealed class ReportsBrowserFixture : BrowserFixture
{
    protected override string DemoRegisterRecipe => "test-reports.recipe.json";
}

/// <summary>Journeys on the <see cref="ReportsBrowserFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ReportsBrowserJourneys : ICollectionFixture<ReportsBrowserFixture>
{
    public const string Name = "Browser journeys on the reports' seed figures";
}
