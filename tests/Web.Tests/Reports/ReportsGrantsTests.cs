using AngleSharp.Html.Dom;
using Registry.Testing;

namespace Registry.Web.Tests.Reports;

/// <summary>
/// The venture fund's money on the dashboard and in the work summary, over HTTP, on the test-reports seed's 2026 round:
/// agreements for ¥110,000 (为老服务 ¥65,000, 助残服务 ¥45,000), ¥82,500 paid (¥60,000 and ¥22,500), ¥5,000 paid back
/// (为老服务); one project closed and one failed, both 为老服务.
/// </summary>
public abstract class ReportsGrantsTests<TApp>(TApp app)
    where TApp : ReportsApp
{
    private static readonly string[] Money = ["CommittedYuan", "PaidYuan", "RefundedYuan", "Closed", "Failed"];

    [Fact]
    public async Task Dashboard_SeedCase_CountsTheFundsMoneyByRoundAndCategory()
    {
        var page = await app.OfficerPageAsync($"/Reports?year={ReportsApp.Year}");

        Money.Select(c => page.QuerySelector($"[data-testid^='cell-grant-rounds-'][data-testid$='-{c}']")!.TextContent.Trim()).ShouldBe(["110,000.00", "82,500.00", "5,000.00", "1", "1"]);
        Money.Select(c => Cell(page, "为老服务", c)).ShouldBe(["65,000.00", "60,000.00", "5,000.00", "1", "1"]);
        Money.Select(c => Cell(page, "助残服务", c)).ShouldBe(["45,000.00", "22,500.00", "0.00", "0", "0"]);
    }

    [Fact]
    public async Task Summary_SeedCase_StatesTheFundsMoneyInChineseAndEnglish()
    {
        var page = await app.OfficerPageAsync($"/Reports/Summary?year={ReportsApp.Year}");

        Paragraph(page, "zh-CN", "公益创投").ShouldContain("签订资助协议金额110,000元，已拨付82,500元，退回5,000元");
        Paragraph(page, "zh-CN", "公益创投").ShouldContain("结项1个，终期评估未通过1个");
        Paragraph(page, "en", "venture fund").ShouldContain("agreements committed 110,000 yuan, of which 82,500 yuan paid and 5,000 yuan refunded");
        Paragraph(page, "en", "venture fund").ShouldContain("1 project closed and 1 failed the final evaluation");
    }

    private static string Cell(IHtmlDocument page, string category, string column) =>
        page.QuerySelector($"[data-testid='cell-grant-categories-{category}-{column}']").ShouldNotBeNull($"{category}/{column}").TextContent.Trim();

    private static string Paragraph(IHtmlDocument page, string culture, string about) =>
        page.QuerySelectorAll($"[data-testid=summary-{culture}] p").Select(p => p.TextContent.Trim()).Single(p => p.Contains(about, StringComparison.Ordinal));

}

public sealed class ReportsGrantsTestsOnSqlite(ReportsSqliteApp app) : ReportsGrantsTests<ReportsSqliteApp>(app), IClassFixture<ReportsSqliteApp>;

public sealed class ReportsGrantsTestsOnPostgreSql(ReportsPostgreSqlApp app) : ReportsGrantsTests<ReportsPostgreSqlApp>(app), IClassFixture<ReportsPostgreSqlApp>;
