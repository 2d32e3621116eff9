using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Tests.Reports;

namespace Registry.Web.Tests.Organizations;

/// <summary>
/// The officers' application and register lists filtered as the reports' figures link to them, over HTTP on the
/// reports' seed (53 decided in 2026: 52 approvals and a refusal; 3 approvals in 2025, one without a type in 2024; two foundations changed in 2026).
/// </summary>
public abstract class ListFilterTests<TApp>(TApp app)
    where TApp : ReportsApp
{
    private const string Applications = "/Organizations/Admin/Applications";
    private const string Register = "/Organizations/Admin/Register";

    [Theory]
    [InlineData("state=Decided&from=2026-01-01&to=2026-12-31", 53)]
    [InlineData("state=Decided&from=2025-01-01&to=2025-12-31", 3)]
    [InlineData("state=Decided&kind=Establishment&type=SocialGroup&from=2026-01-01&to=2026-12-31", 7)]
    [InlineData("state=Rejected&from=2026-01-01&to=2026-12-31", 1)]
    [InlineData("state=Approved", 56)]
    [InlineData("state=Decided&from=2026-06-01&to=2026-06-30", 7)]
    public async Task Applications_DecidedFilter_StatesTheDecisionsInThePeriod(string query, int expected)
    {
        var page = await app.OfficerPageAsync($"{Applications}?{query}");

        page.StatedTotal().ShouldBe(expected);
    }

    [Fact]
    public async Task Applications_DecidedFilter_AgreesWithTheProcessingFigure()
    {
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var figure = await app.WithAsync<IRegistrationFigures, ProcessingTime>(f => f.ProcessingTimeAsync(
            Registry.Core.Localization.ChinaTime.StartUtc(from), Registry.Core.Localization.ChinaTime.StartUtc(to.AddDays(1)), CancellationToken.None));

        var page = await app.OfficerPageAsync($"{Applications}?state=Decided&from=2026-01-01&to=2026-12-31");

        page.StatedTotal().ShouldBe(figure.Decided);
    }

    [Fact]
    public async Task Applications_SecondPage_KeepsTheFilters()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var first = await officer.GetDocumentAsync($"{Applications}?state=Decided&from=2026-01-01&to=2026-12-31");
        var next = first.QuerySelector("a[rel=next]").ShouldNotBeNull().GetAttribute("href")!;

        next.ShouldBe("?state=Decided&from=2026-01-01&to=2026-12-31&p=2");
        var second = await officer.GetDocumentAsync(Applications + next);
        (first.QuerySelectorAll("[data-testid=queue] tbody tr").Length, second.QuerySelectorAll("[data-testid=queue] tbody tr").Length).ShouldBe((30, 23));
        second.QuerySelector("select#state option[selected]")!.GetAttribute("value").ShouldBe("Decided");
        second.QuerySelector("input#from")!.GetAttribute("value").ShouldBe("2026-01-01");
    }

    [Fact]
    public async Task Applications_Running_AreTheAcceptedUndecidedOnesTheFigureCounts()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var accepted = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(accepted, "NameApproval", RegistrationClient.NameApproval(RegistrationTests<TApp>.UniqueName("服务中心")));
        await officer.DecideOkAsync(accepted, "Accept");
        var submitted = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(submitted, "NameApproval", RegistrationClient.NameApproval(RegistrationTests<TApp>.UniqueName("协会")));

        var page = await officer.GetDocumentAsync($"{Applications}?state=Running");

        var (running, _) = await app.WithAsync<IRegistrationFigures, (int, int)>(f => f.RunningAsync(CancellationToken.None));
        running.ShouldBeGreaterThan(0);
        page.StatedTotal().ShouldBe(running);
        var receipts = page.QuerySelectorAll("[data-testid=queue] tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
        receipts.ShouldContain(await ReceiptAsync(accepted));
        receipts.ShouldNotContain(await ReceiptAsync(submitted));
    }

    [Fact]
    public async Task Applications_BadFilterInEnglish_IsExplainedInEnglish()
    {
        var page = await app.OfficerPageAsync($"{Applications}?state=Decided&to=31/12/2026&culture=en&ui-culture=en");

        page.QuerySelector("[data-testid=form-errors]").ShouldNotBeNull().TextContent.ShouldContain("Decided to: “31/12/2026” is not a date; use a format like 2026-12-31.");
    }

    [Theory]
    [InlineData("type=Foundation&status=Active&asOf=2025-12-31", 1)]
    [InlineData("type=Foundation&status=Deregistered&asOf=2025-12-31", 0)]
    [InlineData("type=Foundation&asOf=2026-01-09", 1)]
    [InlineData("type=Foundation&asOf=2026-01-10", 2)]
    [InlineData("type=Foundation&status=Deregistered&asOf=2026-01-19", 0)]
    [InlineData("type=Foundation&status=Deregistered&asOf=2026-01-20", 1)]
    [InlineData("street=报表测试街道&status=Active&asOf=2025-12-31", 1)]
    [InlineData("street=报表测试街道&status=Active", 0)]
    public async Task Register_AsOf_StatesTheRegisterAtTheEndOfThatDay(string query, int expected)
    {
        var page = await app.OfficerPageAsync($"{Register}?{query}");

        page.StatedTotal().ShouldBe(expected);
    }

    [Fact]
    public async Task Register_AsOf_ShowsTheStatusOnThatDayAndAgreesWithTheRegisterFigures()
    {
        var day = new DateOnly(2025, 12, 31);
        var counts = await app.WithAsync<IRegistrationFigures, IReadOnlyList<RegisterCount>>(f => f.RegisterAsync(day, CancellationToken.None));

        var page = await app.OfficerPageAsync($"{Register}?status=Active&asOf=2025-12-31&q=报表测试往年基金会");
        var all = await app.OfficerPageAsync($"{Register}?status=Active&asOf=2025-12-31");

        page.QuerySelector("[data-testid=register-table] tbody tr").ShouldNotBeNull().TextContent.ShouldContain("正常");
        all.StatedTotal().ShouldBe(counts.Where(c => c.Status == "Active").Sum(c => c.Count));
        page.QuerySelector("input#asOf")!.GetAttribute("value").ShouldBe("2025-12-31");
    }

    [Theory]
    [InlineData(Applications + "?state=Finished", "状态：无法识别“Finished”，请从列表中选择。")]
    [InlineData(Applications + "?kind=1", "事项：无法识别“1”，请从列表中选择。")]
    [InlineData(Applications + "?state=Decided&from=2026-02-30", "决定日期自：“2026-02-30”不是有效日期，请使用 2026-12-31 这样的格式。")]
    [InlineData(Applications + "?state=Decided&from=2026-12-31&to=2026-01-01", "起始日期 2026-12-31 晚于截止日期 2026-01-01。")]
    [InlineData(Applications + "?overdue=maybe", "仅显示超期：无法识别“maybe”，请从列表中选择。")]
    [InlineData(Register + "?asOf=yesterday", "截至日期：“yesterday”不是有效日期，请使用 2026-12-31 这样的格式。")]
    [InlineData(Register + "?status=Closed&asOf=2025-12-31", "状态：无法识别“Closed”，请从列表中选择。")]
    [InlineData(Register + "?type=Company", "类型：无法识别“Company”，请从列表中选择。")]
    public async Task Lists_BadFilter_IsExplainedAndNoListIsShown(string url, string message)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-testid=form-errors]").ShouldNotBeNull().TextContent.ShouldContain(message);
        (page.QuerySelector("[data-testid=queue]"), page.QuerySelector("[data-testid=register-table]"), page.QuerySelector("[data-testid=list-total]")).ShouldBe((null, null, null));
    }

    [Theory]
    [InlineData(Applications + "?state=Decided&from=2026-01-01&to=2026-12-31")]
    [InlineData(Applications + "?state=Running")]
    [InlineData(Register + "?status=Active&asOf=2025-12-31")]
    public async Task FilteredLists_Applicant_IsForbidden(string url)
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }


    private Task<string> ReceiptAsync(int id) => app.InScopeAsync(async s =>
        (await s.GetRequiredService<Registry.Organizations.Services.RegistrationService>().FindAsync(id, CancellationToken.None))!.ReceiptNumber!);
}

public sealed class ListFilterTestsOnSqlite(ReportsSqliteApp app) : ListFilterTests<ReportsSqliteApp>(app), IClassFixture<ReportsSqliteApp>;

public sealed class ListFilterTestsOnPostgreSql(ReportsPostgreSqlApp app) : ListFilterTests<ReportsPostgreSqlApp>(app), IClassFixture<ReportsPostgreSqlApp>;
