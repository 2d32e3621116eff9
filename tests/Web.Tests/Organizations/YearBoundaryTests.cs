using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Core.Notifications;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>The app on a moved clock with the 2025–2026 holiday notices only; the due-date job is driven by the tests.</summary>
public abstract class YearBoundaryApp(DatabaseKind kind)
    : ClockedApp(kind, null, new Dictionary<string, string?> { ["Registry:Organizations:DueReminders"] = "false" });

public sealed class YearBoundarySqliteApp() : YearBoundaryApp(DatabaseKind.Sqlite);

public sealed class YearBoundaryPostgreSqlApp() : YearBoundaryApp(DatabaseKind.PostgreSql);

/// <summary>
/// Deadlines across the year boundary while next year's holiday notice is not published: provisional dates (marked), clocks
/// that keep running into the new year, the administrators' warning, and the 受理 timer of 行政许可法 第三十二条.
/// Each test is one timeline; the clock only moves forward.
/// </summary>
public abstract class YearBoundaryTests<TApp>(TApp app)
    where TApp : YearBoundaryApp
{
    [Fact]
    public async Task YearBoundary_ProvisionalDatesWarningAndOverdue_UntilTheNoticeIsLoaded()
    {
        // Until 30 September nobody is warned; from 1 October the missing 2027 notice is.
        app.MoveTo(new DateOnly(2026, 9, 30));
        (await (await AsAdmin()).GetDocumentAsync("/Admin")).QuerySelector("[data-testid=calendar-warning]").ShouldBeNull();
        app.MoveTo(new DateOnly(2026, 10, 1));
        (await (await AsAdmin()).GetDocumentAsync("/Admin")).QuerySelector("[data-testid=calendar-warning]").ShouldNotBeNull().TextContent.ShouldContain("2027");
        using (var health = await (await AsAdmin()).GetAsync(new Uri("/health", UriKind.Relative)))
        {
            (await health.Content.ReadAsStringAsync()).ShouldContain("no holiday notice loaded for 2027");
        }

        // Administrators get one mail a week while it lasts.
        (await app.WithAsync<CalendarWarningMailer, bool>(m => m.RunOnceAsync(CancellationToken.None))).ShouldBeTrue();
        (await app.WithAsync<CalendarWarningMailer, bool>(m => m.RunOnceAsync(CancellationToken.None))).ShouldBeFalse();
        app.MoveTo(new DateOnly(2026, 10, 7));
        (await app.WithAsync<CalendarWarningMailer, bool>(m => m.RunOnceAsync(CancellationToken.None))).ShouldBeFalse();
        app.MoveTo(new DateOnly(2026, 10, 8));
        (await app.WithAsync<CalendarWarningMailer, bool>(m => m.RunOnceAsync(CancellationToken.None))).ShouldBeTrue();
        (await AdminCalendarNoticesAsync()).ShouldBe(2);

        // Accepted on 2026-12-20: the statutory 20 working days end in 2027, counted provisionally and marked so.
        app.MoveTo(new DateOnly(2026, 12, 18));
        var provisional = await SubmittedNameApprovalAsync(await AsApplicant());
        app.MoveTo(new DateOnly(2026, 12, 20));
        await (await AsOfficer()).DecideOkAsync(provisional, "Accept");
        var officerPage = await (await AsOfficer()).GetDocumentAsync($"/Organizations/Admin/Applications/{provisional}");
        var statutory = officerPage.QuerySelector("[data-testid=statutory-due]").ShouldNotBeNull();
        statutory.TextContent.ShouldContain("2027-01-18");
        statutory.QuerySelector("[data-testid=provisional]").ShouldNotBeNull();
        var applicantPage = await (await AsApplicant()).GetDocumentAsync($"/Organizations/Applications/{provisional}");
        applicantPage.QuerySelector("[data-testid=statutory-due] [data-testid=provisional]").ShouldNotBeNull();
        applicantPage.QuerySelector("[data-testid=provisional-note]").ShouldNotBeNull();
        (await (await AsAdmin()).GetDocumentAsync("/Admin")).QuerySelector("[data-testid=calendar-warning]").ShouldNotBeNull().TextContent.ShouldContain("1");
        (await (await AsOfficer()).GetDocumentAsync("/Organizations/Admin/Applications")).QuerySelector("[data-testid=queue] .badge.provisional").ShouldNotBeNull();

        // Accepted on 2026-12-23: the promised 5 working days end on 2026-12-30; on 2027-01-05 it is still overdue.
        app.MoveTo(new DateOnly(2026, 12, 22));
        var overdue = await SubmittedNameApprovalAsync(await AsApplicant());
        app.MoveTo(new DateOnly(2026, 12, 23));
        await (await AsOfficer()).DecideOkAsync(overdue, "Accept");
        app.MoveTo(new DateOnly(2027, 1, 5));
        var overdueList = await (await AsOfficer()).GetDocumentAsync("/Organizations/Admin/Applications?overdue=true");
        overdueList.QuerySelectorAll("[data-testid=queue] a").Select(a => a.GetAttribute("href")).ShouldContain($"/Organizations/Admin/Applications/{overdue}");
        var noticesBefore = await OfficerNoticesAsync(overdue);
        (await app.WithAsync<DueSoonReminders, int>(r => r.RunOnceAsync(CancellationToken.None))).ShouldBeGreaterThanOrEqualTo(1);
        (await OfficerNoticesAsync(overdue)).ShouldBe(noticesBefore + 1);

        // The 2027 notice is loaded by the administrator: the same clock is no longer provisional, and the warning goes.
        using (var saved = await (await AsAdmin()).SubmitFormAsync("/Admin/Calendar/Add", new Dictionary<string, string>
        {
            ["Input.Year"] = "2027",
            ["Input.Source"] = "国务院办公厅关于2027年部分节假日安排的通知（测试）",
            ["Input.Holidays"] = "元旦,2027-01-01,2027-01-03\n春节,2027-02-05,2027-02-12\n清明节,2027-04-03,2027-04-05\n劳动节,2027-05-01,2027-05-05\n端午节,2027-06-09,2027-06-11\n中秋节,2027-09-15,2027-09-17\n国庆节,2027-10-01,2027-10-07",
            ["Input.Workdays"] = "2027-02-14, 2027-10-09",
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await saved.Content.ReadAsStringAsync()));
        }

        var reloaded = await (await AsOfficer()).GetDocumentAsync($"/Organizations/Admin/Applications/{provisional}");
        reloaded.QuerySelector("[data-testid=statutory-due]").ShouldNotBeNull().QuerySelector("[data-testid=provisional]").ShouldBeNull();
        (await (await AsApplicant()).GetDocumentAsync($"/Organizations/Applications/{provisional}")).QuerySelector("[data-testid=provisional]").ShouldBeNull();
        (await (await AsAdmin()).GetDocumentAsync("/Admin")).QuerySelector("[data-testid=calendar-warning]").ShouldBeNull();
    }

    [Fact]
    public async Task AcceptanceTimer_UntouchedForFiveWorkingDays_CountsAsAcceptedFromReceipt()
    {
        // 行政许可法 第三十二条. Submitted on a working day; the officer neither accepts nor returns it.
        var calendar = await app.WithAsync<ICalendarProvider, WorkingDayCalendar>(c => c.GetAsync(CancellationToken.None));
        var received = NextWorkingDay(calendar, app.Today.AddDays(1));
        app.MoveTo(received);
        var id = await SubmittedNameApprovalAsync(await AsApplicant());
        var acceptanceDue = calendar.AddWorkingDays(received, 5);

        app.MoveTo(acceptanceDue);
        var waiting = await (await AsOfficer()).GetDocumentAsync($"/Organizations/Admin/Applications/{id}");
        waiting.QuerySelector("[data-testid=acceptance-due]").ShouldNotBeNull().TextContent.ShouldContain(acceptanceDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        waiting.QuerySelector("[data-testid=deemed-accepted]").ShouldBeNull();
        var noticesBefore = await OfficerNoticesAsync(id);
        (await app.WithAsync<DueSoonReminders, int>(r => r.RunOnceAsync(CancellationToken.None))).ShouldBeGreaterThanOrEqualTo(1);
        (await OfficerNoticesAsync(id)).ShouldBe(noticesBefore + 1);

        app.MoveTo(acceptanceDue.AddDays(1));
        var deemed = await (await AsApplicant()).GetDocumentAsync($"/Organizations/Applications/{id}");
        deemed.QuerySelector("[data-testid=deemed-accepted]").ShouldNotBeNull().TextContent.ShouldContain(received.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // Name approval: 20 working days statutory from the receipt day, not from today.
        deemed.QuerySelector("[data-testid=statutory-due]").ShouldNotBeNull().TextContent.ShouldContain(calendar.AddWorkingDays(received, 20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // Accepted late, the clock still runs from receipt.
        await (await AsOfficer()).DecideOkAsync(id, "Accept");
        var accepted = await (await AsOfficer()).GetDocumentAsync($"/Organizations/Admin/Applications/{id}");
        accepted.QuerySelector("[data-testid=deemed-accepted]").ShouldNotBeNull();
        accepted.QuerySelector("[data-testid=statutory-due]").ShouldNotBeNull().TextContent.ShouldContain(calendar.AddWorkingDays(received, 20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Extension_ByTheHead_AddsTenWorkingDaysOnceWithTheReasonShownToTheApplicant()
    {
        // 行政许可法 第四十二条: 20 working days, extendable by 10 with the approval of the bureau's head.
        var calendar = await app.WithAsync<ICalendarProvider, WorkingDayCalendar>(c => c.GetAsync(CancellationToken.None));
        app.MoveTo(NextWorkingDay(calendar, app.Today.AddDays(1)));
        var id = await SubmittedNameApprovalAsync(await AsApplicant());
        await (await AsOfficer()).DecideOkAsync(id, "Accept");
        var before = calendar.AddWorkingDays(app.Today, 20);

        using (var empty = await (await AsOfficer()).SubmitFormAsync($"/Organizations/Admin/Applications/{id}", new Dictionary<string, string> { ["reason"] = "", ["approvedBy"] = "" }, "form[data-testid=extend-form]"))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = (await empty.ParseAsync()).QuerySelector("[data-testid=decision-errors]")!.TextContent;
            text.ShouldContain("请填写延长期限的理由");
            text.ShouldContain("请填写批准延期的负责人");
        }

        using (var extended = await (await AsOfficer()).SubmitFormAsync($"/Organizations/Admin/Applications/{id}", new Dictionary<string, string> { ["reason"] = "需征求业务主管单位意见", ["approvedBy"] = "王局长" }, "form[data-testid=extend-form]"))
        {
            extended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var page = await (await AsApplicant()).GetDocumentAsync($"/Organizations/Applications/{id}");
        page.QuerySelector("[data-testid=extension]").ShouldNotBeNull().TextContent.ShouldContain("需征求业务主管单位意见");
        page.QuerySelector("[data-testid=statutory-due]").ShouldNotBeNull().TextContent.ShouldContain(calendar.AddWorkingDays(before, 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (await (await AsOfficer()).GetDocumentAsync($"/Organizations/Admin/Applications/{id}")).QuerySelector("[data-testid=extend-form]").ShouldBeNull();
    }

    // Signed in anew after each clock move: the sign-in cookie expires on the moved clock like on a real one.
    private Task<HttpClient> AsApplicant() => app.SignedInClientAsync(TestAccounts.Applicant);

    private Task<HttpClient> AsOfficer() => app.SignedInClientAsync(TestAccounts.Officer);

    private Task<HttpClient> AsAdmin() => app.SignedInClientAsync(TestAccounts.Admin);

    private static DateOnly NextWorkingDay(WorkingDayCalendar calendar, DateOnly from)
    {
        var day = from;
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static async Task<int> SubmittedNameApprovalAsync(HttpClient applicant)
    {
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(RegistrationTests<SqliteApp>.UniqueName("养老服务中心")));
        return id;
    }

    private async Task<int> AdminCalendarNoticesAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var adminId = await db.Users.Where(u => u.Email == TestAccounts.Admin.Email).Select(u => u.Id).SingleAsync();
        return await db.Set<Notification>().CountAsync(n => n.UserId == adminId && n.Link == "/Admin/Calendar");
    }

    private async Task<int> OfficerNoticesAsync(int applicationId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var link = $"/Organizations/Admin/Applications/{applicationId}";
        var officerId = await db.Users.Where(u => u.Email == TestAccounts.Officer.Email).Select(u => u.Id).SingleAsync();
        return await db.Set<Notification>().CountAsync(n => n.UserId == officerId && n.Link == link);
    }
}

public sealed class YearBoundaryTestsOnSqlite(YearBoundarySqliteApp app) : YearBoundaryTests<YearBoundarySqliteApp>(app), IClassFixture<YearBoundarySqliteApp>;

public sealed class YearBoundaryTestsOnPostgreSql(YearBoundaryPostgreSqlApp app) : YearBoundaryTests<YearBoundaryPostgreSqlApp>(app), IClassFixture<YearBoundaryPostgreSqlApp>;
