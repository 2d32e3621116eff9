using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Registry.Testing;
using Registry.Web.Tests.Reports;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// The officers' rating lists behind the reports' figures, over HTTP on each provider, on the test-reports seed
/// (rating-history: 2021 campaign, 16 applied, 5A 5 / 4A 2 / 3A 4 / 2A 4 / 1A 1 announced 2021-12-20; 2026 campaign
/// opened 2026-01-05, 164 applied, 4A 2 / 3A 10 / 2A 13 / 1A 7 announced 2026-02-27; both valid five years by the 2010
/// measures; today 2026-03-02).
/// </summary>
public abstract class RatingListsTests<TApp>(TApp app)
    where TApp : ReportsApp
{
    private const string Applications = "/Ratings/Admin/Applications";
    private const string Grades = "/Ratings/Admin/Grades";

    [Theory]
    [InlineData("from=2026-01-01&to=2026-12-31", 164)]
    [InlineData("from=2021-01-01&to=2021-12-31", 16)]
    [InlineData("from=2026-01-06&to=2026-12-31", 0)]
    [InlineData("", 180)]
    public async Task Applications_Period_ListsTheApplicationsFiledInCampaignsOpenedInIt(string query, int expected)
    {
        var page = await app.OfficerPageAsync($"{Applications}?{query}");

        page.StatedTotal().ShouldBe(expected);
    }

    [Theory]
    [InlineData("from=2026-01-01&to=2026-12-31&grade=3", 10)]
    [InlineData("from=2026-01-01&to=2026-12-31&grade=4", 2)]
    [InlineData("from=2021-01-01&to=2021-12-31&grade=5", 5)]
    [InlineData("from=2026-02-28&to=2026-12-31&grade=3", 0)]
    [InlineData("grade=4", 4)]
    public async Task Applications_Grade_ListsThoseAwardedItByAnAnnouncementInThePeriod(string query, int expected)
    {
        var page = await app.OfficerPageAsync($"{Applications}?{query}");

        page.StatedTotal().ShouldBe(expected);
        page.QuerySelectorAll("[data-testid=application-row]").Length.ShouldBe(expected);
    }

    [Fact]
    public async Task Applications_NoneMatch_ShowsTheEmptyStateAndATotalOfNought()
    {
        var page = await app.OfficerPageAsync($"{Applications}?from=2026-01-01&to=2026-12-31&grade=5");

        page.QuerySelector("[data-testid=no-applications]").ShouldNotBeNull();
        page.StatedTotal().ShouldBe(0);
    }

    [Fact]
    public async Task Applications_SecondPage_KeepsTheFilters()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var first = await officer.GetDocumentAsync($"{Applications}?from=2026-01-01&to=2026-12-31");

        var next = first.QuerySelector("a[rel=next]").ShouldNotBeNull().GetAttribute("href");
        next.ShouldBe("?from=2026-01-01&to=2026-12-31&p=2");
        var second = await officer.GetDocumentAsync($"{Applications}{next}");
        (second.StatedTotal(), second.QuerySelectorAll("[data-testid=application-row]").Length).ShouldBe((164, 50));
    }

    [Fact]
    public async Task Applications_FilterForm_ShowsTheFiltersLabelled()
    {
        var page = await app.OfficerPageAsync($"{Applications}?from=2026-01-01&to=2026-12-31&grade=3");

        var form = page.QuerySelector("form[data-testid=applications-filter]").ShouldNotBeNull();
        form.QuerySelector("label[for=From]")!.TextContent.ShouldBe("起始日期");
        form.QuerySelector<IHtmlInputElement>("input#From")!.Value.ShouldBe("2026-01-01");
        form.QuerySelector<IHtmlInputElement>("input#To")!.Value.ShouldBe("2026-12-31");
        form.QuerySelector<IHtmlSelectElement>("select#Grade")!.Value.ShouldBe("3");
    }

    [Theory]
    [InlineData("grade=3&asOf=2026-03-02", 14)]
    [InlineData("grade=5&asOf=2026-03-02", 5)]
    [InlineData("grade=4&asOf=2026-02-26", 2)]
    [InlineData("grade=5&asOf=2026-12-20", 0)]
    [InlineData("grade=1", 8)]
    [InlineData("min=4&asOf=2026-03-02", 9)]
    [InlineData("min=3", 23)]
    public async Task Grades_ExactGradeOrMinimumOnADay_ListsTheHoldersThatDay(string query, int expected)
    {
        var page = await app.OfficerPageAsync($"{Grades}?{query}");

        page.StatedTotal().ShouldBe(expected);
        page.QuerySelectorAll("[data-testid=grade-row]").Length.ShouldBe(expected);
    }

    [Theory]
    [InlineData(Applications + "?from=2026-13-01", "“2026-13-01”不是起始日期的有效值。")]
    [InlineData(Applications + "?to=soon", "“soon”不是截止日期的有效值。")]
    [InlineData(Applications + "?from=2026-12-31&to=2026-01-01", "起始日期 2026-12-31 晚于截止日期 2026-01-01。")]
    [InlineData(Applications + "?grade=9", "评定等级应在1到5之间。")]
    [InlineData(Grades + "?asOf=2026-02-30", "“2026-02-30”不是持有日期的有效值。")]
    [InlineData(Grades + "?grade=9", "等级应在1到5之间。")]
    public async Task List_BadFilter_ExplainedInsteadOfAList(string url, string message)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain(message);
        page.QuerySelector("[data-testid=list-total]").ShouldBeNull();
    }

    [Theory]
    [InlineData(Applications + "?from=2026-01-01&to=2026-12-31")]
    [InlineData(Grades + "?grade=3&asOf=2026-03-02")]
    public async Task List_Applicant_IsForbidden(string url)
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

}

public sealed class RatingListsTestsOnSqlite(ReportsSqliteApp app) : RatingListsTests<ReportsSqliteApp>(app), IClassFixture<ReportsSqliteApp>;

public sealed class RatingListsTestsOnPostgreSql(ReportsPostgreSqlApp app) : RatingListsTests<ReportsPostgreSqlApp>(app), IClassFixture<ReportsPostgreSqlApp>;
