using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Registry.Core.Finance;
using Registry.Reports.Domain;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Reports;

/// <summary>The app with the test-sector recipe: five accepted 2025 reports with known figures and one never concluded (data/test-sector.py).</summary>
public abstract class SectorApp(DatabaseKind kind) : ClockedApp(kind, "test-sector.recipe.json", new Dictionary<string, string?>())
{
    public async Task<IHtmlDocument> OfficerPageAsync(string url) => await (await SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync(url);
}

public sealed class SectorSqliteApp() : SectorApp(DatabaseKind.Sqlite);

public sealed class SectorPostgreSqlApp() : SectorApp(DatabaseKind.PostgreSql);

/// <summary>
/// The sector statistics (issue 22) over HTTP: totals and distributions of the accepted annual reports of 2025 (reported
/// in 2026) against the recipe's known figures, every figure linked to a list of the reports that states the same total.
/// </summary>
public abstract class SectorStatisticsTests<TApp>(TApp app)
    where TApp : SectorApp
{
    private const string Dashboard = "/Reports?year=2026";

    private static readonly string[] PartyColumns = ["Required", "Covered", "Uncovered", "CoveragePercent", "WorkCovered"];

    private static readonly string[] CoverageColumns = ["Required", "Covered", "CoveragePercent"];

    [Theory]
    [InlineData("Reports", "5")]
    [InlineData("FullTimeStaff", "22")]
    [InlineData("PartTimeStaff", "7")]
    [InlineData("Volunteers", "335")]
    [InlineData("IndividualMembers", "180")]
    [InlineData("UnitMembers", "10")]
    public async Task Dashboard_SectorCase_TotalsPeopleOfTheAcceptedReportsOnly(string column, string expected)
    {
        var page = await app.OfficerPageAsync(Dashboard);

        Cell(page, "sector-people", "Total", column).ShouldBe(expected);
    }

    [Fact]
    public async Task Dashboard_SectorCase_DistributesByOrganizationType()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        (Cell(page, "sector-people", "SocialGroup", "Reports"), Cell(page, "sector-people", "PrivateNonEnterprise", "FullTimeStaff"), Cell(page, "sector-people", "Foundation", "Volunteers"))
            .ShouldBe(("2", "14", "200"));
        (Cell(page, "sector-finance", "SocialGroup", "IncomeYuan"), Cell(page, "sector-finance", "PrivateNonEnterprise", "ExpenditureYuan"), Cell(page, "sector-finance", "Foundation", "NetAssetsYuan"))
            .ShouldBe(("169,000.00", "830,000.00", "3,370,000.00"));
    }

    [Theory]
    [InlineData("sector-income", "IncomeGovernment", "250,000.00")]
    [InlineData("sector-income", "IncomeDonations", "2,020,000.00")]
    [InlineData("sector-income", "IncomeServices", "680,000.00")]
    [InlineData("sector-income", "IncomeMembership", "48,000.00")]
    [InlineData("sector-income", "IncomeOther", "51,000.00")]
    [InlineData("sector-income", "Total", "3,049,000.00")]
    [InlineData("sector-expenditure", "ExpenseProgramme", "2,202,000.00")]
    [InlineData("sector-expenditure", "ExpenseStaff", "330,000.00")]
    [InlineData("sector-expenditure", "ExpenseAdministrative", "129,000.00")]
    [InlineData("sector-expenditure", "ExpenseOther", "5,000.00")]
    [InlineData("sector-expenditure", "Total", "2,666,000.00")]
    public async Task Dashboard_SectorCase_IncomeBySourceAndExpenditureByKind(string table, string row, string expected)
    {
        var page = await app.OfficerPageAsync(Dashboard);

        Cell(page, table, row, "AmountYuan").ShouldBe(expected);
    }

    [Fact]
    public async Task Dashboard_SectorCase_NetAssetsAndPartyCoverage()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        Cell(page, "sector-finance", "Total", "NetAssetsYuan").ShouldBe("3,683,000.00");
        // Required: 5, 4, 3 and 6 members; covered: the two with their own party organization (joint one has 2 members, the instructor is work coverage only).
        string.Join(' ', PartyColumns.Select(c => Cell(page, "sector-party", "Total", c))).ShouldBe("4 2 2 50 4");
        string.Join(' ', CoverageColumns.Select(c => Cell(page, "sector-party", "PrivateNonEnterprise", c))).ShouldBe("1 0 0");
    }

    [Fact]
    public async Task Dashboard_SectorCase_DistributesByStreet_WithoutTheReportNeverConcluded()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        (Cell(page, "sector-streets", "鼓楼街道", "Reports"), Cell(page, "sector-streets", "月湖街道", "FullTimeStaff"), Cell(page, "sector-streets", "南门街道", "IncomeYuan"), Cell(page, "sector-streets", "月湖街道", "PartyRequired"))
            .ShouldBe(("2", "14", "2,050,000.00", "1"));
    }

    /// <summary>Each figure's list states the same number: its count (<c>data-total</c>), its sum (<c>data-sum</c>) or its amount (<c>data-sum-fen</c>).</summary>
    [Theory]
    [InlineData("sector-people")]
    [InlineData("sector-finance")]
    [InlineData("sector-income")]
    [InlineData("sector-expenditure")]
    [InlineData("sector-party")]
    [InlineData("sector-streets")]
    public async Task Dashboard_SectorCase_EveryFigureLinksToExactlyItsReports(string table)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await officer.GetDocumentAsync(Dashboard);
        var cells = page.QuerySelectorAll($"[data-testid^='cell-{table}-']");
        cells.Length.ShouldBeGreaterThan(3);

        var mismatches = new List<string>();
        foreach (var cell in cells)
        {
            var (id, text) = (cell.GetAttribute("data-testid")!, cell.TextContent.Trim());
            if (id.EndsWith("-CoveragePercent", StringComparison.Ordinal))
            {
                cell.QuerySelector("a").ShouldBeNull("a ratio has no list of its own");
                continue;
            }

            if (cell.QuerySelector("a")?.GetAttribute("href") is not { } href)
            {
                mismatches.Add($"{id}: {text} has no link");
                continue;
            }

            var list = await officer.GetDocumentAsync(href);
            var sum = list.QuerySelector("[data-testid=list-sum]");
            var stated = sum is null
                ? list.QuerySelector("[data-testid=list-total]")?.GetAttribute("data-total")
                : sum.GetAttribute("data-sum-fen") is { } fen ? BarChart.Amount(new Money(long.Parse(fen, CultureInfo.InvariantCulture)).ToYuan()) : sum.GetAttribute("data-sum");
            if (stated != text)
            {
                mismatches.Add($"{id}: {text}, but {href} states {stated ?? "nothing"}");
            }
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task SectorList_AcceptedReportsOfTheYear_ListsFiveAndStatesTheirVolunteers()
    {
        var page = await app.OfficerPageAsync("/Inspections/Admin/Sector/2025?measure=Volunteers");

        page.QuerySelector("[data-testid=list-total]")!.GetAttribute("data-total").ShouldBe("5");
        page.QuerySelector("[data-testid=list-sum]")!.GetAttribute("data-sum").ShouldBe("335");
        page.QuerySelectorAll("[data-testid=sector-reports] tbody tr").Length.ShouldBe(5);
        page.QuerySelector("[data-testid=sector-reports]")!.TextContent.ShouldNotContain("第6号", Case.Sensitive, "never concluded");
    }

    [Theory]
    [InlineData("?measure=Nonsense")]
    [InlineData("?party=Most")]
    [InlineData("?type=Company")]
    [InlineData("?p=-4&street=%3Cscript%3E")]
    public async Task SectorList_FilterNotUnderstood_SaysSoWithoutAServerError(string query)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri("/Inspections/Admin/Sector/2025" + query, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>");
        if (!query.StartsWith("?p=", StringComparison.Ordinal))
        {
            html.ShouldContain("data-testid=\"filter-invalid\"");
        }
    }

    [Fact]
    public async Task SectorList_Applicant_IsForbidden()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.GetAsync(new Uri("/Inspections/Admin/Sector/2025", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Summary_SectorCase_WritesTheFiguresInBothLanguages()
    {
        var page = await app.OfficerPageAsync("/Reports/Summary?year=2026");

        var zh = page.QuerySelector("[data-testid=summary-zh-CN]")!.TextContent;
        zh.ShouldContain("2025年度年报通过的5家社会组织共有专职工作人员22人、兼职工作人员7人，志愿者335人，个人会员180个、单位会员10个");
        zh.ShouldContain("全年总收入3,049,000元，其中政府补助250,000元");
        zh.ShouldContain("应建立党组织的4家社会组织中已建2家，党组织覆盖率50%");
        var en = page.QuerySelector("[data-testid=summary-en]")!.TextContent;
        en.ShouldContain("The 5 organizations whose 2025 annual reports were accepted have 22 full-time and 7 part-time staff, 335 volunteers");
        en.ShouldContain("of the 4 organizations that should have a party organization, 2 have one (coverage 50%)");
    }

    [Fact]
    public async Task OrgPage_AcceptedReportWithFigures_ShowsThemInThePublicFinances()
    {
        var list = await app.OfficerPageAsync("/Inspections/Admin/Sector/2025?type=Foundation");
        var reportLink = list.QuerySelector("[data-testid=sector-reports] tbody a")!.GetAttribute("href")!;
        var report = await app.OfficerPageAsync(reportLink);
        var orgLink = report.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h is not null && h.StartsWith("/Organizations/Org/", StringComparison.Ordinal))!;

        var page = await app.Client().GetDocumentAsync(orgLink);

        var cells = page.QuerySelectorAll("[data-testid=finance-2025] td").Select(c => c.TextContent.Trim()).ToList();
        cells.ShouldBe(["¥2,050,000.00", "¥1,680,000.00", "¥3,370,000.00"]);
    }

    private static string Cell(IHtmlDocument page, string table, string row, string column) =>
        page.QuerySelector($"[data-testid='cell-{table}-{row}-{column}']").ShouldNotBeNull($"{table}/{row}/{column}").TextContent.Trim();
}

public sealed class SectorStatisticsTestsOnSqlite(SectorSqliteApp app) : SectorStatisticsTests<SectorSqliteApp>(app), IClassFixture<SectorSqliteApp>;

public sealed class SectorStatisticsTestsOnPostgreSql(SectorPostgreSqlApp app) : SectorStatisticsTests<SectorPostgreSqlApp>(app), IClassFixture<SectorPostgreSqlApp>;
