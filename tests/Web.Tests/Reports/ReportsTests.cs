using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using MiniExcelLibs;
using Registry.Core.Finance;
using Registry.Reports.Domain;
using Registry.Supervision.Domain;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Reports;

/// <summary>
/// The dashboard, the work summary and the exports over HTTP, on the seed's figures (test-reports recipe): exactly the
/// numbers of the year-end report, and only for officers and admins.
/// </summary>
public abstract class ReportsTests<TApp>(TApp app)
    where TApp : ReportsApp
{
    private static readonly string Dashboard = $"/Reports?year={ReportsApp.Year}";

    private static readonly string[] Grades = ["5", "4", "3", "2", "1"];

    private static readonly string[] CreditColumns = ["Entered", "Exited", "ListedAtEnd"];

    /// <summary>Figures that are not counts of records: an average has no list behind it.</summary>
    private static readonly HashSet<string> Unlinked = ["cell-processing-AverageWorkingDays-Value"];

    [Theory]
    [InlineData("NameApproval", "PrivateNonEnterprise", 4)]
    [InlineData("NameApproval", "SocialGroup", 7)]
    [InlineData("NameApproval", "Total", 11)]
    [InlineData("Establishment", "SocialGroup", 6)]
    [InlineData("Establishment", "PrivateNonEnterprise", 1)]
    [InlineData("Establishment", "Total", 7)]
    [InlineData("Change", "PrivateNonEnterprise", 9)]
    [InlineData("Change", "SocialGroup", 13)]
    [InlineData("Change", "Foundation", 2)]
    [InlineData("Change", "Total", 24)]
    [InlineData("CommunityFiling", "Community", 10)]
    [InlineData("Deregistration", "Total", 0)]
    public async Task Dashboard_SeedCase_CountsApprovalsByKindAndType(string kind, string type, int expected)
    {
        var page = await app.OfficerPageAsync(Dashboard);

        Cell(page, "registrations", kind, type).ShouldBe(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Dashboard_ApprovalWithoutType_IsCountedInItsYearOfTheTrend()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        Cell(page, "registrations-trend", ReportsApp.UntypedApprovalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), "NameApproval").ShouldBe("1");
    }

    [Fact]
    public async Task Dashboard_SeedCase_ReportsThe2025InspectionCarriedOutIn2026()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        page.QuerySelector("#section-inspections")!.TextContent.ShouldBe("年检：2025年度（2026年开展）");
        (Cell(page, "inspection-participation", "Submitted", "Count"), Cell(page, "inspection-results", "Qualified", "Count"),
            Cell(page, "inspection-results", "BasicallyQualified", "Count"), Cell(page, "inspection-results", "Unqualified", "Count"),
            Cell(page, "inspection-results", "NotSubmitted", "Count")).ShouldBe(("277", "242", "18", "17", "5"));
    }

    [Fact]
    public async Task Dashboard_SeedCase_LinksEachFigureToItsRecords()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        Link(page, "registrations", "Change", "SocialGroup").ShouldBe("/Organizations/Admin/Applications?kind=Change&state=Approved&type=SocialGroup&from=2026-01-01&to=2026-12-31");
        Link(page, "inspection-results", "BasicallyQualified", "Count").ShouldBe("/Inspections/Admin/Campaign/2025?result=BasicallyQualified");
        Link(page, "register-types", "SocialGroup", "Active").ShouldBe("/Organizations/Admin/Register?type=SocialGroup&status=Active&asOf=2026-03-02");
        Link(page, "processing", "Overdue", "Value").ShouldBe("/Organizations/Admin/Applications?overdue=true");
    }

    [Theory]
    [InlineData("registrations", "Change", "SocialGroup")]
    [InlineData("registrations", "NameApproval", "Total")]
    [InlineData("registrations", "Establishment", "PrivateNonEnterprise")]
    [InlineData("registrations-trend", "2025", "NameApproval")]
    public async Task Dashboard_SeedCase_RegistrationFigureLinksToExactlyItsRecords(string table, string row, string column)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await officer.GetDocumentAsync(Dashboard);

        var list = await officer.GetDocumentAsync(Link(page, table, row, column).ShouldNotBeNull());

        list.QuerySelectorAll("[data-testid=queue] tbody tr").Length.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(Cell(page, table, row, column));
    }

    /// <summary>
    /// Every figure of a table links to a list holding exactly the records it counts: the list's stated total
    /// (<c>data-total</c>) equals the figure, and for an amount in yuan the list's stated sum (<c>data-sum-fen</c>) does.
    /// </summary>
    [Theory]
    [InlineData("registrations")]
    [InlineData("registrations-trend")]
    [InlineData("register-types")]
    [InlineData("register-streets")]
    [InlineData("inspection-participation")]
    [InlineData("inspection-results")]
    [InlineData("inspection-trend")]
    [InlineData("credit-lists")]
    [InlineData("ratings")]
    [InlineData("processing")]
    [InlineData("grant-rounds")]
    [InlineData("grant-categories")]
    public async Task Dashboard_SeedCase_EveryFigureLinksToExactlyItsRecords(string table)
    {
        (await MismatchesAsync(Dashboard, table)).ShouldBeEmpty();
    }

    /// <summary>
    /// Complaints per cause in the year (issue 21): received, closed (answered or not accepted) and led to a case, each
    /// linked to exactly the complaints it counts; one received the year before is not counted.
    /// </summary>
    [Fact]
    public async Task Dashboard_Complaints_CountedPerCauseAndLinkedToExactlyTheirRecords()
    {
        await app.WithAsync<RegistryDbContext, int>(db =>
        {
            Complaint Filed(string receipt, ComplaintCause cause, DateOnly on, ComplaintState state, int? caseId = null) => new()
            {
                ReceiptNumber = receipt, SecretHash = Complaint.HashSecret(receipt), Anonymous = true, Subject = "报表测试投诉", Cause = cause,
                Content = "报表测试。", ReceivedOn = on, SubmittedAt = DateTime.UtcNow, State = state, CaseId = caseId,
            };
            db.AddRange(
                Filed("TS-RPT-1", ComplaintCause.Fees, new DateOnly(2026, 1, 5), ComplaintState.Replied),
                Filed("TS-RPT-2", ComplaintCause.Fees, new DateOnly(2026, 2, 20), ComplaintState.Received),
                Filed("TS-RPT-3", ComplaintCause.Finance, new DateOnly(2026, 2, 21), ComplaintState.Accepted, caseId: 4711),
                Filed("TS-RPT-4", ComplaintCause.Fees, new DateOnly(2025, 12, 31), ComplaintState.Rejected));
            return db.SaveChangesAsync();
        });

        var page = await app.OfficerPageAsync(Dashboard);

        (Cell(page, "complaints", "Fees", "Received"), Cell(page, "complaints", "Fees", "Closed"), Cell(page, "complaints", "Finance", "Case"),
            Cell(page, "complaints", "Other", "Received"), Cell(page, "complaints", "Total", "Received")).ShouldBe(("2", "1", "1", "0", "3"));
        Link(page, "complaints", "Fees", "Closed").ShouldBe("/Supervision/Admin/Complaints?cause=Fees&outcome=Closed&from=2026-01-01&to=2026-12-31");
        (await MismatchesAsync(Dashboard, "complaints")).ShouldBeEmpty();
        var summary = await app.OfficerPageAsync($"/Reports/Summary?year={ReportsApp.Year}");
        summary.QuerySelector("[data-testid=summary-zh-CN]")!.TextContent.ShouldContain("收到投诉举报3件，办结1件，立案查处1件");
    }

    /// <summary>
    /// For a past year the register figures are the register at the year's end (the fixture's foundations: one
    /// deregistered in 2026 counts as active, one founded in 2026 not at all), and the lists they link to state the same.
    /// </summary>
    [Theory]
    [InlineData("register-types")]
    [InlineData("register-streets")]
    public async Task Dashboard_PastYear_RegisterFiguresLinkToTheRegisterAtTheYearsEnd(string table)
    {
        var page = await app.OfficerPageAsync("/Reports?year=2025");

        (Cell(page, "register-types", "Foundation", "Active"), Cell(page, "register-types", "Foundation", "Deregistered"), Cell(page, "register-streets", "报表测试街道", "Total"))
            .ShouldBe(("1", "0", "1"));
        Link(page, "register-types", "Foundation", "Active").ShouldBe("/Organizations/Admin/Register?type=Foundation&status=Active&asOf=2025-12-31");
        (await MismatchesAsync("/Reports?year=2025", table)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dashboard_SeedCase_CountsCreditListMovementsOfTheYearOnly()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        // The recipe's 2025 entries count only as exits in 2026 or as listed at its end; 第262号's two entries count once as listed.
        string Row(string list) => string.Join(' ', CreditColumns.Select(c => Cell(page, "credit-lists", list, c)));
        (Row("Abnormal"), Row("Serious")).ShouldBe(("3 2 3", "1 1 1"));
        Link(page, "credit-lists", "Abnormal", "ListedAtEnd").ShouldBe("/Inspections/Admin/CreditLists?list=Abnormal&movement=Listed&on=2026-12-31");
        var summary = await app.OfficerPageAsync($"/Reports/Summary?year={ReportsApp.Year}");
        summary.QuerySelector("[data-testid=summary-zh-CN]")!.TextContent.ShouldContain("列入活动异常名录3家，移出2家");
    }

    [Fact]
    public async Task Dashboard_SeedCase_CountsTheRegisterByTypeAndStreet()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        (Cell(page, "register-types", "SocialGroup", "Active"), Cell(page, "register-types", "PrivateNonEnterprise", "Active"), Cell(page, "register-streets", "鼓楼街道", "Total"))
            .ShouldBe(("188", "94", "282"));
    }

    /// <summary>
    /// Issue 25 item 13: a date field is text in the ISO order with a Chinese format hint, not a native date input that
    /// shows the browser's locale (mm/dd/yyyy in an English browser); a range typed that way is read.
    /// </summary>
    [Fact]
    public async Task Dashboard_DateFields_AreIsoTextFieldsAndTypedRangeIsRead()
    {
        var page = await app.OfficerPageAsync($"{Dashboard}&from={ReportsApp.Year}-03-01&to={ReportsApp.Year}-03-31");

        var from = page.QuerySelector("input[name=From]")!;
        (from.GetAttribute("type"), from.GetAttribute("data-date-input"), from.GetAttribute("placeholder"), from.GetAttribute("value"))
            .ShouldBe(("text", "date", "年-月-日", $"{ReportsApp.Year}-03-01"));
        from.GetAttribute("pattern").ShouldNotBeNullOrEmpty();
        page.QuerySelectorAll("input[type=date], input[type=datetime-local]").ShouldBeEmpty();
        page.QuerySelector("[data-testid=period]")!.TextContent.ShouldContain($"{ReportsApp.Year}-03-31");
    }

    /// <summary>Issue 25 item 7: a past year's summary states no "目前在办" figure of today; the current year's does.</summary>
    [Fact]
    public async Task Summary_PastYear_StatesNothingUnderWayToday_CurrentYearDoes()
    {
        var past = await app.OfficerPageAsync($"/Reports/Summary?year={app.Today.Year - 1}");
        var current = await app.OfficerPageAsync($"/Reports/Summary?year={app.Today.Year}");
        var pastDashboard = await app.OfficerPageAsync($"/Reports?year={app.Today.Year - 1}");

        past.QuerySelector("[data-testid=summary-zh-CN]")!.TextContent.ShouldNotContain("目前在办");
        past.QuerySelector("[data-testid=summary-en]")!.TextContent.ShouldNotContain("under way");
        pastDashboard.QuerySelector("[data-testid='cell-processing-Running-Value']").ShouldBeNull();
        current.QuerySelector("[data-testid=summary-zh-CN]")!.TextContent.ShouldContain("目前在办");
    }

    [Fact]
    public async Task Dashboard_SeedCase_AveragesProcessingTimeInWorkingDays()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        // 52 approvals and 1 refusal: 46 took 5 working days, the 7 establishments 9 (2026-06-01 → 06-12): 293 / 53.
        (Cell(page, "processing", "Decided", "Value"), Cell(page, "processing", "AverageWorkingDays", "Value")).ShouldBe(("53", "5.5"));
    }

    [Fact]
    public async Task Dashboard_SeedCase_DrawsAccessibleChartsAndTheTrendOverYears()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        var chart = page.QuerySelector("[data-testid=chart-registrations]")!;
        chart.GetAttribute("role").ShouldBe("img");
        chart.QuerySelector("title")!.TextContent.ShouldBe("登记事项（按组织类型）");
        chart.QuerySelector("desc")!.TextContent.ShouldContain("名称核准: 社会团体 7, 民办非企业单位 4");
        page.QuerySelector("[data-testid=chart-inspection-trend]").ShouldNotBeNull();
        (Cell(page, "registrations-trend", "2025", "NameApproval"), Cell(page, "registrations-trend", "2026", "NameApproval")).ShouldBe(("3", "11"));
    }

    [Fact]
    public async Task Dashboard_SeedCase_CountsGradesAwardedAndHeld()
    {
        var page = await app.OfficerPageAsync(Dashboard);

        Cell(page, "ratings", "Applied", "Awarded").ShouldBe("164");
        Grades.Select(g => (Cell(page, "ratings", g, "Awarded"), Cell(page, "ratings", g, "Held")))
            .ShouldBe([("0", "5"), ("2", "4"), ("10", "14"), ("13", "17"), ("7", "8")]);
    }

    [Fact]
    public async Task Dashboard_RangeOutsideTheYear_IsRefusedWithAMessage()
    {
        var page = await app.OfficerPageAsync($"{Dashboard}&from=2026-03-01&to=2027-01-31");

        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("起止日期须在所选年度之内。");
        page.QuerySelector("[data-testid=table-registrations]").ShouldBeNull();
    }

    [Fact]
    public async Task Dashboard_RangeInsideTheYear_CountsOnlyItsDecisions()
    {
        var page = await app.OfficerPageAsync($"{Dashboard}&from=2026-06-01&to=2026-06-30");

        (Cell(page, "registrations", "Establishment", "Total"), Cell(page, "registrations", "NameApproval", "Total")).ShouldBe(("7", "0"));
    }

    [Fact]
    public async Task Summary_SeedCase_WritesTheYearsFiguresInTheSeedsStyle()
    {
        var page = await app.OfficerPageAsync($"/Reports/Summary?year={ReportsApp.Year}");

        var paragraphs = page.QuerySelectorAll("[data-testid=summary-zh-CN] p").Select(p => p.TextContent.Trim()).ToList();
        paragraphs.ShouldContain("完成社会组织名称核准11家，其中社会团体7家，民办非企业单位4家；完成社会组织成立登记7家，其中社会团体6家，民办非企业单位1家；完成社会组织变更登记24家，其中社会团体13家，民办非企业单位9家，基金会2家；完成社区社会组织备案10家。");
        paragraphs.ShouldContain("开展2025年度社会组织年检工作，共有277家社会组织参加年检，合格242家，基本合格18家，不合格17家；5家未按规定报送。");
        paragraphs.ShouldContain("办结登记申请53件，平均办理时间5.5个工作日；目前在办0件，其中超过办理时限0件。");
        paragraphs.ShouldContain("全区共有164家社会组织申请参加评估，共评出4A社会组织2家，3A社会组织10家，2A社会组织13家，1A社会组织7家；截至目前共有5A社会组织5家，4A社会组织4家，3A社会组织14家，2A社会组织17家，1A社会组织8家。");
    }

    [Fact]
    public async Task Summary_SeedCase_WritesTheFiguresInEnglishToo()
    {
        var page = await app.OfficerPageAsync($"/Reports/Summary?year={ReportsApp.Year}");

        var paragraphs = page.QuerySelectorAll("[data-testid=summary-en] p").Select(p => p.TextContent.Trim()).ToList();
        paragraphs.ShouldContain("11 organization names approved (7 social groups, 4 private non-enterprise units); 7 organizations registered (6 social groups, 1 private non-enterprise unit); 24 changes registered (13 social groups, 9 private non-enterprise units, 2 foundations); 10 community organizations filed.");
        paragraphs.ShouldContain("In the annual inspection for 2025, 277 organizations took part: 242 qualified, 18 basically qualified, 17 unqualified; 5 did not submit as required.");
        paragraphs.ShouldContain("164 organizations applied for a rating; grades awarded: 2 at 4A, 10 at 3A, 13 at 2A, 7 at 1A; grades held today: 5 at 5A, 4 at 4A, 14 at 3A, 17 at 2A, 8 at 1A.");
    }

    [Fact]
    public async Task ExportXlsx_SeedCase_HoldsEveryTableWithItsFigures()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri($"{Dashboard}&handler=Xlsx", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("report-2026.xlsx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(stream).ShouldContain("registrations");
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "inspection-results", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => (r["项目"]?.ToString(), Convert.ToInt32(r["数量"], System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldBe([("合格", 242), ("基本合格", 18), ("不合格", 17), ("未报送", 5)]);
    }

    [Fact]
    public async Task ExportCsv_SeedCase_IsUtf8WithBomForExcel()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri($"{Dashboard}&handler=Csv", UriKind.Relative));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldContain("登记事项（按组织类型）\r\n项目,社会团体,民办非企业单位,基金会,社区社会组织,合计\r\n名称核准,7,4,0,0,11\r\n");
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("admin")]
    public async Task Reports_OfficerOrAdmin_AreShown(string role)
    {
        var client = await app.SignedInClientAsync(role == "admin" ? TestAccounts.Admin : TestAccounts.Officer);

        (await AnswersAsync(client)).ShouldAllBe(a => a.Status == HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("reviewer")]
    public async Task Reports_ApplicantOrReviewer_AreForbidden(string role)
    {
        var client = await app.SignedInClientAsync(role == "reviewer" ? TestAccounts.Reviewer : TestAccounts.Applicant);

        (await AnswersAsync(client)).ShouldAllBe(a => a.Status == HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reports_Anonymous_IsSentToSignIn()
    {
        (await AnswersAsync(app.Client())).ShouldAllBe(a => a.Status == HttpStatusCode.Redirect && a.Location!.Contains("/Account/Login"));
    }

    /// <summary>How the dashboard, the summary and both exports answer the client.</summary>
    private static async Task<List<(string Url, HttpStatusCode Status, string? Location)>> AnswersAsync(HttpClient client)
    {
        var answers = new List<(string, HttpStatusCode, string?)>();
        foreach (var url in new[] { Dashboard, $"/Reports/Summary?year={ReportsApp.Year}", $"{Dashboard}&handler=Xlsx", $"{Dashboard}&handler=Csv" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            answers.Add((url, response.StatusCode, response.Headers.Location?.OriginalString));
        }

        return answers;
    }

    /// <summary>The figures of a dashboard table whose linked list does not state exactly them (its total, or its sum in fen).</summary>
    private async Task<List<string>> MismatchesAsync(string dashboard, string table)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await officer.GetDocumentAsync(dashboard);
        var cells = page.QuerySelectorAll($"[data-testid^='cell-{table}-']");
        cells.ShouldNotBeEmpty();

        var mismatches = new List<string>();
        foreach (var cell in cells)
        {
            var (id, text) = (cell.GetAttribute("data-testid")!, cell.TextContent.Trim());
            if (text == "—" || Unlinked.Contains(id))
            {
                continue;
            }

            if (cell.QuerySelector("a")?.GetAttribute("href") is not { } href)
            {
                mismatches.Add($"{id}: {text} has no link");
                continue;
            }

            var list = await officer.GetDocumentAsync(href);
            var stated = id.EndsWith("Yuan", StringComparison.Ordinal)
                ? list.QuerySelector("[data-testid=list-sum]")?.GetAttribute("data-sum-fen") is { } fen ? BarChart.Amount(new Money(long.Parse(fen, CultureInfo.InvariantCulture)).ToYuan()) : null
                : list.QuerySelector("[data-testid=list-total]")?.GetAttribute("data-total");
            if (stated != text)
            {
                mismatches.Add($"{id}: {text}, but {href} states {stated ?? "nothing"}");
            }
        }

        return mismatches;
    }

    private static string Cell(IHtmlDocument page, string table, string row, string column) =>
        page.QuerySelector($"[data-testid='cell-{table}-{row}-{column}']").ShouldNotBeNull($"{table}/{row}/{column}").TextContent.Trim();

    private static string? Link(IHtmlDocument page, string table, string row, string column) =>
        page.QuerySelector($"[data-testid='cell-{table}-{row}-{column}'] a")?.GetAttribute("href");

}

public sealed class ReportsTestsOnSqlite(ReportsSqliteApp app) : ReportsTests<ReportsSqliteApp>(app), IClassFixture<ReportsSqliteApp>;

public sealed class ReportsTestsOnPostgreSql(ReportsPostgreSqlApp app) : ReportsTests<ReportsPostgreSqlApp>(app), IClassFixture<ReportsPostgreSqlApp>;
