using System.Net;
using AngleSharp.Html.Dom;
using Registry.Testing;
using Registry.Web.Tests.Reports;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// The officers' credit-list filters over HTTP on the test-reports recipe's entries: in 2026 3 entries into the abnormal
/// list and 2 exits, 1 serious entry and 1 exit; in 2025 3 abnormal entries and 1 serious; one organization (第262号)
/// on the abnormal list twice at once, for two causes.
/// </summary>
public abstract class CreditListFilterTests<TApp>(TApp app)
    where TApp : ReportsApp
{
    private const string Page = "/Inspections/Admin/CreditLists";

    [Theory]
    [InlineData("list=Abnormal&movement=Entered&from=2026-01-01&to=2026-12-31", 3)]
    [InlineData("list=Abnormal&movement=Entered&from=2025-01-01&to=2025-12-31", 3)]
    [InlineData("list=Abnormal&movement=Entered&from=2026-01-13&to=2026-02-02", 2)]
    [InlineData("list=Abnormal&movement=Exited&from=2026-01-01&to=2026-12-31", 2)]
    [InlineData("list=Serious&movement=Entered&from=2026-01-01&to=2026-12-31", 1)]
    [InlineData("list=Serious&movement=Exited&from=2026-01-01&to=2026-12-31", 1)]
    [InlineData("list=Serious&movement=Exited&from=2025-01-01&to=2025-12-31", 0)]
    [InlineData("movement=Entered&from=2025-01-01&to=2026-12-31", 8)]
    public async Task Movement_InAPeriod_ListsExactlyTheEntriesDatedInIt(string query, int expected)
    {
        var page = await OfficerPageAsync(query);

        (Total(page), page.QuerySelectorAll("[data-testid=current-entries] tbody tr").Length).ShouldBe((expected, expected));
    }

    [Fact]
    public async Task Listed_OnADay_ListsEachOrganizationOnceAlsoWithTwoEntries()
    {
        var page = await OfficerPageAsync("list=Abnormal&movement=Listed&on=2026-12-31");

        Total(page).ShouldBe(3);
        Names(page).ShouldBe(["宁波市海曙区年检统计第262号协会", "宁波市海曙区年检统计第266号协会", "宁波市海曙区年检统计第267号服务中心"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("list=Abnormal&movement=Listed&on=2025-12-31", 3)]
    [InlineData("list=Serious&movement=Listed&on=2025-12-31", 1)]
    [InlineData("list=Serious&movement=Listed&on=2026-02-27", 1)]
    [InlineData("list=Serious&movement=Listed&on=2026-12-31", 1)]
    public async Task Listed_OnADay_CountsWhoWasListedAtItsEnd(string query, int expected) =>
        Total(await OfficerPageAsync(query)).ShouldBe(expected);

    [Fact]
    public async Task Filter_None_ListsTheCurrentEntriesAsBefore()
    {
        var page = await OfficerPageAsync("");

        // 第262号 twice, 266, 267 and 264: an exited entry is not current.
        Total(page).ShouldBe(5);
    }

    [Theory]
    [InlineData("movement=Entered&from=2026-13-45&to=2026-12-31", "起始日期：“2026-13-45”")]
    [InlineData("movement=Entered&from=2026-12-31&to=2026-01-01", "2026-12-31")]
    [InlineData("movement=Entered&from=2026-01-01", "须填写起始日期和截止日期")]
    [InlineData("movement=Listed", "须填写指定日期")]
    [InlineData("list=Both", "名录：无法识别“Both”")]
    [InlineData("movement=1&on=2026-12-31", "变动：无法识别“1”")]
    [InlineData("from=2026-01-01&to=2026-12-31", "日期仅用于按变动筛选")]
    public async Task Filter_NotUnderstood_SaysWhyAndListsNothing(string query, string message)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri($"{Page}?{query}", UriKind.Relative));
        var page = await response.ParseAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain(message);
        page.QuerySelector("[data-testid=filter-invalid]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=list-total]").ShouldBeNull();
    }

    [Fact]
    public async Task Filter_InEnglish_SaysWhyInEnglish()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync($"{Page}?movement=Exited&from=2026-01-01&culture=en&ui-culture=en");

        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("need both dates, from and to");
    }

    [Fact]
    public async Task Filter_ShownBackInTheForm()
    {
        var page = await OfficerPageAsync("list=Serious&movement=Exited&from=2026-01-01&to=2026-12-31");

        var form = page.QuerySelector("[data-testid=credit-filter]")!;
        (form.QuerySelector("#filter-list option[selected]")!.GetAttribute("value"), form.QuerySelector("#filter-movement option[selected]")!.GetAttribute("value"),
            form.QuerySelector("#filter-from")!.GetAttribute("value"), form.QuerySelector("label[for=filter-to]")?.TextContent)
            .ShouldBe(("Serious", "Exited", "2026-01-01", "截止日期"));
    }

    [Fact]
    public async Task FilteredList_Applicant_IsForbidden()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.GetAsync(new Uri($"{Page}?list=Abnormal&movement=Entered&from=2026-01-01&to=2026-12-31", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static int Total(IHtmlDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=list-total]").ShouldNotBeNull().GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Names(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=current-entries] tbody tr td:first-child").Select(c => c.TextContent.Trim())];

    private Task<IHtmlDocument> OfficerPageAsync(string query) => app.OfficerPageAsync(query.Length == 0 ? Page : $"{Page}?{query}");
}

public sealed class CreditListFilterTestsOnSqlite(ReportsSqliteApp app) : CreditListFilterTests<ReportsSqliteApp>(app), IClassFixture<ReportsSqliteApp>;

public sealed class CreditListFilterTestsOnPostgreSql(ReportsPostgreSqlApp app) : CreditListFilterTests<ReportsPostgreSqlApp>(app), IClassFixture<ReportsPostgreSqlApp>;
