using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Jobs;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// The progress reminder job on a fake clock: one timeline per class (the clock only moves on). A project of
/// 2026-07-01 to 2027-06-30 has its mid-term report due on 2026-12-30; the organization is reminded 7 days before and told
/// after the due date it is overdue (the officers too), each once, without touching the report's row version.
/// </summary>
public abstract class ProgressReminderTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private Task<ReminderRun?> RunAsync() => app.WithAsync<ProgressReminders, ReminderRun?>(j => j.RunOnceAsync(CancellationToken.None));

    [Fact]
    public async Task Reminders_BeforeAndAfterTheDueDate_EachSentOnce()
    {
        var agreementId = await app.FundedAsync("提醒时间线");

        (await RunAsync()).ShouldBe(new ReminderRun(2, 0, 0));
        var report = await app.ReportAsync(agreementId, ReportKind.MidTerm);
        (report.DueFrom, report.DueWorkingDays).ShouldBe((new DateOnly(2026, 12, 30), 0));
        var dueSoon = await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.DueSoon");
        var overdue = await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Overdue");
        var officers = await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Progress.MidTerm.OverdueOfficer");

        app.MoveTo(new DateOnly(2026, 12, 22));
        (await RunAsync()).ShouldBe(new ReminderRun(0, 0, 0));
        app.MoveTo(new DateOnly(2026, 12, 23));
        (await RunAsync()).ShouldBe(new ReminderRun(0, 1, 0));
        (await RunAsync()).ShouldBe(new ReminderRun(0, 0, 0));
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.DueSoon")).ShouldBe(dueSoon + 1);

        // The job's marker leaves the row version alone: a draft open since before the reminder still saves.
        (await app.OnReportAsync(report.Id, (s, r) => s.GetRequiredService<ProgressService>().SaveDraftAsync(r, ProgressSteps.Complete(r), report.Version, CancellationToken.None))).ShouldSucceed();

        app.MoveTo(new DateOnly(2026, 12, 30));
        (await RunAsync()).ShouldBe(new ReminderRun(0, 0, 0));
        app.MoveTo(new DateOnly(2026, 12, 31));
        (await RunAsync()).ShouldBe(new ReminderRun(0, 0, 1));
        app.MoveTo(new DateOnly(2027, 1, 7));
        (await RunAsync()).ShouldBe(new ReminderRun(0, 0, 0));

        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Overdue")).ShouldBe(overdue + 1);
        (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Progress.MidTerm.OverdueOfficer")).ShouldBe(officers + 1);
        var stored = await app.ReportAsync(agreementId, ReportKind.MidTerm);
        (stored.ReminderSentOn, stored.OverdueSentOn).ShouldBe((new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 31)));

        // Another node holding the lease: this one does nothing.
        await app.WithAsync<RegistryDbContext, int>(async db =>
        {
            var lease = await db.Set<JobLease>().SingleAsync(l => l.Name == ProgressReminders.LeaseName);
            (lease.Holder, lease.ExpiresAt) = ("other-node", app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
            return await db.SaveChangesAsync();
        });
        (await RunAsync()).ShouldBeNull();
    }
}

public sealed class ProgressReminderTestsOnSqlite(GrantsSqliteApp app) : ProgressReminderTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class ProgressReminderTestsOnPostgreSql(GrantsPostgreSqlApp app) : ProgressReminderTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
