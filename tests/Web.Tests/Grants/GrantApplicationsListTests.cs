using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Registry.Grants.Contracts;
using Registry.Testing;
using Registry.Web.Tests.Reports;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// The officers' applications list behind the fund's figures (/Grants/Admin/Applications), over HTTP on each provider, on
/// the test-reports seed's 2026 round: 8 applications (为老服务 3, 助残服务 3, 社区治理 2), 6 passed screening, 5
/// shortlisted, 4 funded; ¥213,000 requested, ¥145,000 shortlisted, ¥130,000 awarded, ¥110,000 committed, ¥82,500 paid,
/// ¥5,000 refunded; one project closed, one failed.
/// </summary>
public abstract class GrantApplicationsListTests<TApp>(TApp app)
    where TApp : ReportsApp
{
    private const string List = "/Grants/Admin/Applications";

    [Theory]
    [InlineData("All", 8)]
    [InlineData("PassedScreening", 6)]
    [InlineData("Shortlisted", 5)]
    [InlineData("Funded", 4)]
    [InlineData("Closed", 1)]
    [InlineData("Failed", 1)]
    public async Task List_RoundAndStage_StatesTheFiguresCount(string stage, int expected)
    {
        var page = await app.OfficerPageAsync($"{List}?round={await RoundIdAsync()}&stage={stage}");

        (page.StatedTotal(), page.QuerySelectorAll("[data-testid=grant-application]").Length).ShouldBe((expected, expected));
        page.QuerySelector("[data-testid=list-sum]").ShouldBeNull();
    }

    [Theory]
    [InlineData("Requested", 8, 21_300_000L)]
    [InlineData("Shortlisted", 5, 14_500_000L)]
    [InlineData("Awarded", 4, 13_000_000L)]
    [InlineData("Committed", 3, 11_000_000L)]
    [InlineData("Paid", 3, 8_250_000L)]
    [InlineData("Refunded", 1, 500_000L)]
    public async Task List_Amount_ListsWhatItSumsAndStatesTheSumInFen(string amount, int rows, long fen)
    {
        var page = await app.OfficerPageAsync($"{List}?round={await RoundIdAsync()}&amount={amount}");

        (page.StatedTotal(), Sum(page)).ShouldBe((rows, fen));
    }

    [Fact]
    public async Task List_YearAndCategory_ShowsEachApplicationsAmountInYuan()
    {
        var page = await app.OfficerPageAsync($"{List}?year=2026&category={Uri.EscapeDataString("为老服务")}&amount=Paid");

        (page.StatedTotal(), Sum(page)).ShouldBe((2, 6_000_000L));
        page.QuerySelector("[data-testid=list-sum]")!.TextContent.ShouldContain("¥60,000.00");
        page.QuerySelectorAll("[data-testid=grant-application]").Select(r => r.QuerySelectorAll("td")[^1].TextContent.Trim())
            .ShouldBe(["¥40,000.00", "¥20,000.00"], ignoreOrder: true);
    }

    [Fact]
    public async Task List_NothingMatches_EmptyStateAndATotalOfNothing()
    {
        var page = await app.OfficerPageAsync($"{List}?year=2026&category={Uri.EscapeDataString("社区治理")}&stage=Funded&amount=Awarded");

        (page.StatedTotal(), Sum(page)).ShouldBe((0, 0L));
        page.QuerySelector("[data-testid=empty]").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("stage=Bogus", "进展：无法识别“Bogus”，请从列表中选择。")]
    [InlineData("amount=1", "合计金额：无法识别“1”，请从列表中选择。")]
    [InlineData("year=abc", "年度：无法识别“abc”，请从列表中选择。")]
    [InlineData("round=99999", "轮次：无法识别“99999”，请从列表中选择。")]
    [InlineData("category=%E4%B8%8D%E5%AD%98%E5%9C%A8", "类别：无法识别“不存在”，请从列表中选择。")]
    public async Task List_BadFilter_ExplainedInsteadOfAList(string query, string message)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri($"{List}?{query}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain(message);
        page.QuerySelector("[data-testid=list-total]").ShouldBeNull();
    }

    [Fact]
    public async Task List_Applicant_IsForbidden()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.GetAsync(new Uri($"{List}?year=2026", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<int> RoundIdAsync() =>
        (await app.WithAsync<IGrantFigures, IReadOnlyList<GrantRoundFigures>>(f => f.ForYearAsync(ReportsApp.Year, CancellationToken.None))).ShouldHaveSingleItem().RoundId;

    private static long Sum(IHtmlDocument page) =>
        long.Parse(page.QuerySelector("[data-testid=list-sum]").ShouldNotBeNull().GetAttribute("data-sum-fen")!, CultureInfo.InvariantCulture);

}

public sealed class GrantApplicationsListTestsOnSqlite(ReportsSqliteApp app) : GrantApplicationsListTests<ReportsSqliteApp>(app), IClassFixture<ReportsSqliteApp>;

public sealed class GrantApplicationsListTestsOnPostgreSql(ReportsPostgreSqlApp app) : GrantApplicationsListTests<ReportsPostgreSqlApp>(app), IClassFixture<ReportsPostgreSqlApp>;
