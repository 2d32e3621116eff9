using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using Registry.Testing;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// The results export over HTTP, on each provider: two applications scored by the same three reviewers (84/85/86 and
/// 70/70/70), so every figure is computed by hand: raw 85 and 70; z-scores +1 and −1 (each reviewer's totals lie one
/// population standard deviation either side of their mean); strictness −0.5, 0, +0.5 against the overall mean 77.5.
/// </summary>
public abstract class GrantResultsExportTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private async Task<(int RoundId, int First, int Second)> ScoredRoundAsync()
    {
        var roundId = await app.OpenRoundAsync();
        var ids = await app.ScoredAllAsync(roundId, (MemberServiceCentre, Project("导出一"), null), (MemberSocialGroup, Project("导出二"), 0.7m));
        var (first, second) = (ids[0], ids[1]);
        return (roundId, first, second);
    }

    [Fact]
    public async Task Xlsx_Officer_EveryScoreReadBack()
    {
        var (roundId, first, second) = await ScoredRoundAsync();
        var names = await ReviewerNamesAsync(first);

        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(new Uri($"/Grants/Admin/Round/{roundId}?handler=Xlsx", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"grant-results-{roundId}.xlsx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(stream).ShouldBe(["评审结果", "评审专家"]);
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "评审结果", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["项目名称"]).ShouldBe(["导出一", "导出二"]);
        rows.Select(r => Cells(r, "排名", "回执编号", "平均分", "去极值平均", "标准分均值", "极差", "分歧较大", names[0], names[1], names[2])).ShouldBe(
        [
            $"1|{(await app.ApplicationAsync(first)).ReceiptNumber}|85|85|1|2|否|84|85|86",
            $"2|{(await app.ApplicationAsync(second)).ReceiptNumber}|70|70|-1|0|否|70|70|70",
        ]);
        var reviewers = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "评审专家", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        reviewers.Select(r => Cells(r, "评审专家", "已提交评分表", "平均给分", "标准差", "宽严度（相对总平均）")).ShouldBe(
            new[] { $"{names[0]}|2|77|7|-0.5", $"{names[1]}|2|77.5|7.5|0", $"{names[2]}|2|78|8|0.5" }.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Csv_Officer_HeadingAndScoresInOrder()
    {
        var (roundId, first, _) = await ScoredRoundAsync();
        var names = await ReviewerNamesAsync(first);

        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(new Uri($"/Grants/Admin/Round/{roundId}?handler=Csv", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        lines[0].ShouldBe("评审结果");
        lines[1].ShouldStartWith("排名,回执编号,项目名称,申报组织,类别,申请资助（元）,已提交评分表,平均分,去极值平均,标准分均值,极差,分歧较大,");
        var columns = lines[1].Split(',')[12..];
        columns.Order(StringComparer.Ordinal).ShouldBe(names.Order(StringComparer.Ordinal));
        lines[2].ShouldContain(",导出一,");
        lines[2].ShouldEndWith(",30000,3,85,85,1,2,否," + string.Join(',', columns.Select(c => 84 + names.IndexOf(c))));
        lines[3].ShouldEndWith(",30000,3,70,70,-1,0,否,70,70,70");
    }

    /// <summary>The names of <see cref="GrantsApp.Reviewers"/> 1–3 as seated (they gave 84, 85 and 86 to the first application).</summary>
    private async Task<List<string>> ReviewerNamesAsync(int applicationId)
    {
        var seats = await app.SeatsAsync(applicationId);
        var names = new List<string>();
        foreach (var email in Reviewers.Take(3))
        {
            var userId = await app.UserIdAsync(email);
            names.Add(seats.Single(s => s.ReviewerUserId == userId).ReviewerName);
        }

        return names;
    }

    private static string Cells(IDictionary<string, object?> row, params string[] columns) =>
        string.Join('|', columns.Select(c => Convert.ToString(row[c], CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Xlsx")]
    [InlineData("Csv")]
    public async Task Export_ReviewerOrApplicant_IsForbidden(string handler)
    {
        var (roundId, _, _) = await ScoredRoundAsync();
        var url = new Uri($"/Grants/Admin/Round/{roundId}?handler={handler}", UriKind.Relative);

        using var reviewer = await (await app.SignedInClientAsync((Reviewers[0], ReviewerPassword))).GetAsync(url);
        using var applicant = await (await app.SignedInClientAsync(DemoApplicant)).GetAsync(url);

        (reviewer.StatusCode, applicant.StatusCode).ShouldBe((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden));
    }
}

public sealed class GrantResultsExportTestsOnSqlite(GrantsSqliteApp app) : GrantResultsExportTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantResultsExportTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantResultsExportTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
