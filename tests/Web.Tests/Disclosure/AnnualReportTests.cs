using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Registry.Core.Auditing;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Disclosure;

/// <summary>The annual report's own app: its request table must count exactly the requests the tests file.</summary>
public abstract class AnnualReportApp(DatabaseKind kind)
    : ClockedApp(kind, null, new Dictionary<string, string?> { ["Registry:Disclosure:Warnings"] = "false" });

public sealed class SqliteAnnualReportApp() : AnnualReportApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlAnnualReportApp() : AnnualReportApp(DatabaseKind.PostgreSql);

/// <summary>
/// 政府信息公开工作年度报告 (条例 第四十九–五十条) over HTTP on each provider: table 三 counted from requests with known outcomes
/// (filed and answered on past days through the officers' service), every figure's linked list stating the same total, the
/// XLSX export, the officers' part saved and validated, and publication to the catalogue with a frozen public snapshot.
/// The clock stands at 2 March 2026, so 2025 is over and 2026 is not.
/// </summary>
public abstract class AnnualReportTests<TApp>(TApp app) : IAsyncLifetime
    where TApp : AnnualReportApp
{
    private const string Report2025 = "/Disclosure/Admin/AnnualReport/2025";

    private const string Report2024 = "/Disclosure/Admin/AnnualReport/2024";

    public async Task InitializeAsync()
    {
        if (await app.WithAsync<RegistryDbContext, bool>(db => db.Set<DisclosureRequest>().AnyAsync()))
        {
            return;
        }

        // Received 2024-12-30, answered 2025-01-06 (已主动公开): carried into 2025 and disclosed there.
        await FileAsync("甲", ApplicantKind.NaturalPerson, null, new(2024, 12, 30), new(2025, 1, 6), new AnswerInput(AnswerType.AlreadyPublic, null, null, "区民政局网站“政策法规”栏目"));
        // A non-profit's request refused to protect a third party (第十五条).
        await FileAsync("乙公益服务中心", ApplicantKind.Organization, OrganizationKind.NonProfit, new(2025, 3, 3), new(2025, 3, 10), new AnswerInput(AnswerType.Refused, AnswerReason.ThirdPartyRights, "涉及第三方个人信息，第三方不同意公开。", null));
        // A business's request for information another agency holds: 无法提供 — 本机关不掌握.
        await FileAsync("丙科技有限公司", ApplicantKind.Organization, OrganizationKind.Business, new(2025, 6, 2), new(2025, 6, 9), new AnswerInput(AnswerType.NotThisAgency, null, null, "区市场监督管理局"));
        // Received 2025-12-29, answered 2026-01-05: carried out of 2025.
        await FileAsync("丁", ApplicantKind.NaturalPerson, null, new(2025, 12, 29), new(2026, 1, 5), new AnswerInput(AnswerType.NotProcessed, AnswerReason.Repeated, "与本年度已答复的申请内容相同。", null));
        // Withdrawn the day after: 其他处理 — 其他.
        var withdrawn = await FileAsync("戊", ApplicantKind.NaturalPerson, null, new(2025, 7, 1), null, null);
        await app.WithAsync<RequestService, bool>(async s =>
        {
            var request = (await s.FindAsync(withdrawn, CancellationToken.None))!;
            (await s.StepAsync(request, RequestTrigger.Withdraw, new StepInput(), request.Version, "zh-CN", CancellationToken.None, new DateOnly(2025, 7, 2))).Succeeded.ShouldBeTrue();
            return true;
        });
        // Received in 2026: not in the 2025 report.
        await FileAsync("己", ApplicantKind.NaturalPerson, null, new(2026, 1, 5), null, null);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Figures_Art50_CountedByApplicantAndResultAndBalanced()
    {
        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync(Report2025);

        int Cell(ReportRow row, ReportColumn column) =>
            int.Parse(page.QuerySelector($"[data-testid=annual-requests] tr[data-row={row}] td[data-column={column}]")!.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
        Cell(ReportRow.NewThisYear, ReportColumn.Total).ShouldBe(4);
        Cell(ReportRow.NewThisYear, ReportColumn.NaturalPerson).ShouldBe(2);
        Cell(ReportRow.NewThisYear, ReportColumn.NonProfit).ShouldBe(1);
        Cell(ReportRow.NewThisYear, ReportColumn.Business).ShouldBe(1);
        Cell(ReportRow.CarriedIn, ReportColumn.NaturalPerson).ShouldBe(1);
        Cell(ReportRow.Granted, ReportColumn.NaturalPerson).ShouldBe(1, "已主动公开 counts as 予以公开");
        Cell(ReportRow.RefusedThirdPartyRights, ReportColumn.NonProfit).ShouldBe(1);
        Cell(ReportRow.UnavailableNotHeld, ReportColumn.Business).ShouldBe(1, "非本机关 counts as 本机关不掌握");
        Cell(ReportRow.OtherOther, ReportColumn.NaturalPerson).ShouldBe(1);
        Cell(ReportRow.NotProcessedRepeated, ReportColumn.Total).ShouldBe(0, "answered only in 2026");
        Cell(ReportRow.ResultsTotal, ReportColumn.Total).ShouldBe(4);
        Cell(ReportRow.CarriedOut, ReportColumn.Total).ShouldBe(1);
        (Cell(ReportRow.NewThisYear, ReportColumn.Total) + Cell(ReportRow.CarriedIn, ReportColumn.Total))
            .ShouldBe(Cell(ReportRow.ResultsTotal, ReportColumn.Total) + Cell(ReportRow.CarriedOut, ReportColumn.Total));
    }

    [Fact]
    public async Task Figures_EachLinkedList_StatesTheSameTotal()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await officer.GetDocumentAsync(Report2025);
        var links = page.QuerySelectorAll("[data-testid=annual-requests] td a").ToList();
        links.Count.ShouldBeGreaterThan(10);

        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            href.ShouldStartWith("/Disclosure/Admin/Requests?reportYear=2025&");
            var list = await officer.GetDocumentAsync(href);
            list.QuerySelector("[data-testid=list-total]")!.GetAttribute("data-total").ShouldBe(link.TextContent.Trim(), href);
            list.QuerySelector("[data-testid=report-cell]").ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task Export_Xlsx_HoldsTheRequestTable()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri(Report2025 + "?handler=Export", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(stream);
        sheets.Count.ShouldBe(3);
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, sheetName: sheets[1]).Cast<IDictionary<string, object?>>().ToList();
        var newRow = rows.Single(r => Equals(r["A"], "一、本年新收政府信息公开申请数量"));
        Convert.ToInt32(newRow.Values.Last(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(4);
    }

    [Fact]
    public async Task Save_BadCounts_RefusedWithMessagesAndNothingLost()
    {
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);

        using var response = await handler.SubmitFormAsync("/Disclosure/Admin/AnnualReport/2021", new Dictionary<string, string>
        {
            ["Input.Overview"] = "2021年总体情况（草稿）",
            ["Input.ReviewUpheld"] = "-1",
            ["Input.FeesYuan"] = "12.345",
        }, "form[data-testid=annual-form]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        var errors = page.QuerySelector("[data-testid=annual-errors]")!.TextContent;
        errors.ShouldContain("请填写0至1000000之间的整数");
        errors.ShouldContain("最多两位小数");
        page.QuerySelector("textarea[name='Input.Overview']")!.TextContent.ShouldBe("2021年总体情况（草稿）");
        (await app.WithAsync<RegistryDbContext, bool>(db => db.Set<AnnualDisclosureReport>().AnyAsync(r => r.Year == 2021))).ShouldBeFalse();
    }

    [Fact]
    public async Task Save_StaleVersion_IsAConflictNotAnOverwrite()
    {
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        const string url = "/Disclosure/Admin/AnnualReport/2023";
        (await handler.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Overview"] = "第一稿" }, "form[data-testid=annual-form]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await handler.ReadFormAsync(url, "form[data-testid=annual-form]");
        (await handler.PostFormAsync(stale, new Dictionary<string, string> { ["Input.Overview"] = "第二稿" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await handler.PostFormAsync(stale, new Dictionary<string, string> { ["Input.Overview"] = "过时的第三稿" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithAsync<RegistryDbContext, string>(db => db.Set<AnnualDisclosureReport>().Where(r => r.Year == 2023).Select(r => r.Overview).SingleAsync())).ShouldBe("第二稿");
    }

    [Fact]
    public async Task Publish_Art49_FreezesTheFiguresListsTheReportInTheCatalogueAndShowsItToThePublic()
    {
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        (await app.Client().GetAsync(new Uri("/Disclosure/AnnualReport/2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not published yet");
        (await handler.SubmitFormAsync(Report2024, new Dictionary<string, string>
        {
            ["Input.Overview"] = "2024年，区民政局认真贯彻《中华人民共和国政府信息公开条例》。",
            ["Input.Problems"] = "依申请公开答复文书还需进一步规范。",
            ["Input.ReviewUpheld"] = "1",
            ["Input.SuitPending"] = "2",
        }, "form[data-testid=annual-form]")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using (var published = await handler.SubmitFormAsync(Report2024, new Dictionary<string, string>(), "form[data-testid=annual-publish-form]"))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var report = await app.WithAsync<RegistryDbContext, AnnualDisclosureReport>(db => db.Set<AnnualDisclosureReport>().AsNoTracking().SingleAsync(r => r.Year == 2024));
        report.State.ShouldBe(AnnualReportState.Published);
        report.IndexNumber.ShouldNotBeNullOrEmpty();
        var entry = await app.WithAsync<RegistryDbContext, CatalogueItem>(db => db.Set<CatalogueItem>().AsNoTracking().SingleAsync(i => i.SourceKey == "annual-report:2024"));
        entry.IndexNumber.ShouldBe(report.IndexNumber);
        entry.Category.ShouldBe(AnnualReportService.Category);
        entry.Url.ShouldBe("/Disclosure/AnnualReport/2024");
        (await app.WithAsync<RegistryDbContext, List<string>>(db => db.Set<AuditEntry>().Where(e => e.EntityType == AnnualReportService.AuditEntity && e.EntityId == "2024").Select(e => e.Action).ToListAsync()))
            .ShouldContain("disclosure.annual-report.published");

        // A request answered after publication does not change the published figures.
        await FileAsync("庚", ApplicantKind.NaturalPerson, null, new(2024, 11, 4), new(2024, 11, 11), new AnswerInput(AnswerType.Refused, AnswerReason.InternalAffairs, "属于内部事务信息。", null));
        var page = await app.Client().GetDocumentAsync("/Disclosure/AnnualReport/2024");
        page.QuerySelector("[data-testid=catalogue-header]")!.TextContent.ShouldContain(report.IndexNumber!);
        page.QuerySelector("[data-testid=annual-overview]")!.TextContent.ShouldContain("认真贯彻");
        page.QuerySelector("[data-testid=annual-requests] tr[data-row=NewThisYear] td[data-column=Total]")!.GetAttribute("data-count").ShouldBe("1");
        page.QuerySelector("[data-testid=annual-appeals] tr[data-outcome=Suit] [data-testid=total]")!.TextContent.ShouldBe("2");
        page.QuerySelectorAll("[data-testid=annual-requests] a").ShouldBeEmpty("the public sees figures, never the requests behind them");
        var live = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync(Report2024);
        live.QuerySelector("[data-testid=annual-requests] tr[data-row=NewThisYear] td[data-column=Total]")!.GetAttribute("data-count").ShouldBe("2");
    }

    [Fact]
    public async Task Publish_YearNotOver_IsRefused()
    {
        var handler = await app.SignedInClientAsync(TestAccounts.DisclosureOfficer);
        (await handler.SubmitFormAsync("/Disclosure/Admin/AnnualReport/2026", new Dictionary<string, string> { ["Input.Overview"] = "2026年总体情况" }, "form[data-testid=annual-form]"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await handler.GetDocumentAsync("/Disclosure/Admin/AnnualReport/2026");
        page.QuerySelector("[data-testid=annual-publish-form]").ShouldBeNull();

        var version = await app.WithAsync<RegistryDbContext, long>(db => db.Set<AnnualDisclosureReport>().Where(r => r.Year == 2026).Select(r => r.Version).SingleAsync());
        var form = await handler.ReadFormAsync("/Disclosure/Admin/AnnualReport/2026", "form[data-testid=annual-form]");
        using var response = await handler.PostFormAsync(form, new Dictionary<string, string> { ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Publish");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=annual-errors]")!.TextContent.ShouldContain("2026年度尚未结束");
    }

    [Fact]
    public async Task Access_OfficerReadsOnlyAndOthersAreKeptOut()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await officer.GetDocumentAsync(Report2025);
        page.QuerySelector("[data-testid=annual-form]").ShouldBeNull("reading is not writing");
        var handlerForm = await (await app.SignedInClientAsync(TestAccounts.DisclosureOfficer)).ReadFormAsync("/Disclosure/Admin/AnnualReport/2022", "form[data-testid=annual-form]");
        var ownToken = (await officer.GetDocumentAsync("/Disclosure/Admin/AnnualReport/2022")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var refused = await officer.PostFormAsync(handlerForm, new Dictionary<string, string> { ["__RequestVerificationToken"] = ownToken, ["Input.Overview"] = "越权" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var editor = await (await app.SignedInClientAsync(TestAccounts.Editor)).GetAsync(new Uri(Report2025, UriKind.Relative)))
        {
            editor.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var beforeLaw = await officer.GetAsync(new Uri("/Disclosure/Admin/AnnualReport/2007", UriKind.Relative));
        beforeLaw.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<int> FileAsync(string name, ApplicantKind kind, OrganizationKind? organization, DateOnly received, DateOnly? answered, AnswerInput? answer) =>
        app.WithAsync<RequestService, int>(async service =>
        {
            var input = new RequestInput(kind, organization, name, kind == ApplicantKind.NaturalPerson ? "居民身份证" : "统一社会信用代码",
                kind == ApplicantKind.NaturalPerson ? "330203198001011234" : "52330203MJ0000000X", kind == ApplicantKind.Organization ? "张三" : null, null,
                "13805740001", $"{Guid.NewGuid():N}@example.com", null, null, $"{name}申请的信息{Guid.NewGuid():N}", null, InformationForm.Electronic, DeliveryMethod.Email);
            var (request, _, filed) = await service.SubmitAsync(input, null, "zh-CN", CancellationToken.None, received);
            filed.Succeeded.ShouldBeTrue(string.Join(", ", filed.Errors.Select(e => e.Key)));
            if (answer is not null)
            {
                var result = await service.AnswerAsync(request!, answer, request!.Version, "zh-CN", CancellationToken.None, answered);
                result.Succeeded.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => e.Key)));
            }

            return request!.Id;
        });
}

public sealed class AnnualReportTestsOnSqlite(SqliteAnnualReportApp app) : AnnualReportTests<SqliteAnnualReportApp>(app), IClassFixture<SqliteAnnualReportApp>;

public sealed class AnnualReportTestsOnPostgreSql(PostgreSqlAnnualReportApp app) : AnnualReportTests<PostgreSqlAnnualReportApp>(app), IClassFixture<PostgreSqlAnnualReportApp>;
