using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Core.Jobs;
using Registry.Core.Mail;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Workspace;

/// <summary>
/// Issue 20, reminders before, not penalties after: the 2025 annual report (due Sunday 31 May 2026) is reminded 30, 7 and
/// 1 working days before, each once, in the inbox and by mail, naming the consequence (活动异常名录 on 1 June). One timeline
/// per class: the clock only moves on.
/// </summary>
public abstract class ReminderTests<TApp>(TApp app)
    where TApp : WorkspaceApp
{
    private static readonly DateOnly Due = new(2026, 5, 31);

    private Task<int?> RunAsync() => app.WithAsync<ObligationReminders, int?>(j => j.RunOnceAsync(CancellationToken.None));

    /// <summary>The first day on which no more than <paramref name="threshold"/> working days are left.</summary>
    private static DateOnly FirstDayWithin(WorkingDayCalendar calendar, DateOnly from, int threshold)
    {
        var day = from;
        while (calendar.CountWorkingDays(day, Due) > threshold)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    [Fact]
    public async Task Reminders_AtEachThresholdWithAMovedClock_EachSentExactlyOnce()
    {
        var organizationId = await app.OrganizationIdAsync(WorkspaceApp.MemberSocialGroup);
        var calendar = await app.CalendarAsync();
        var received = (await app.RemindersReceivedAsync(WorkspaceApp.DemoApplicant.Email)).Count;

        // 2026-03-02: more than 30 working days before 31 May, nothing yet.
        (await RunAsync()).ShouldNotBeNull();
        (await app.RemindersAsync(organizationId)).ShouldBeEmpty();

        var expected = new List<int>();
        foreach (var threshold in new[] { 30, 7, 1 })
        {
            var day = FirstDayWithin(calendar, app.Today, threshold);
            app.MoveTo(day.AddDays(-1));
            await RunAsync();
            (await app.RemindersAsync(organizationId)).Select(r => r.Threshold).ShouldBe(expected);

            app.MoveTo(day);
            await RunAsync();
            await RunAsync();
            expected.Add(threshold);
            var reminders = await app.RemindersAsync(organizationId);
            reminders.Select(r => r.Threshold).ShouldBe(expected);
            reminders[^1].WorkingDaysLeft.ShouldBe(calendar.CountWorkingDays(day, Due));
            reminders[^1].ObligationKey.ShouldBe("inspections.report.2025");
        }

        // On and after the due day no reminder is left to send (the penalty is another module's business).
        app.MoveTo(Due);
        await RunAsync();
        app.MoveTo(Due.AddDays(3));
        await RunAsync();
        (await app.RemindersAsync(organizationId)).Count.ShouldBe(3);

        // The demo applicant acts for two organizations with the same deadline: three reminders for each.
        var notices = await app.RemindersReceivedAsync(WorkspaceApp.DemoApplicant.Email);
        (notices.Count - received).ShouldBe(6);
        var ours = notices.First(n => n.Link == $"/Organizations/Workspace/{organizationId}");
        ours.Title.ShouldContain("提交2025年度报告");
        ours.Body.ShouldContain("如未在2026年5月31日前提交2025年度报告，本组织将于2026年6月1日被列入活动异常名录");
        var mails = await app.WithAsync<RegistryDbContext, int>(db => db.Set<MailMessage>().CountAsync(m => m.To == WorkspaceApp.DemoApplicant.Email && m.TextBody.Contains("2026年6月1日被列入活动异常名录")));
        mails.ShouldBe(6);

        // Another node holding the lease: this one does nothing.
        await app.WithAsync<RegistryDbContext, int>(async db =>
        {
            var lease = await db.Set<JobLease>().SingleAsync(l => l.Name == ObligationReminders.LeaseName);
            (lease.Holder, lease.ExpiresAt) = ("other-node", app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
            return await db.SaveChangesAsync();
        });
        (await RunAsync()).ShouldBeNull();
    }
}

public sealed class ReminderTestsOnSqlite(WorkspaceSqliteApp app) : ReminderTests<WorkspaceSqliteApp>(app), IClassFixture<WorkspaceSqliteApp>;

public sealed class ReminderTestsOnPostgreSql(WorkspacePostgreSqlApp app) : ReminderTests<WorkspacePostgreSqlApp>(app), IClassFixture<WorkspacePostgreSqlApp>;

/// <summary>Two app instances on one PostgreSQL database run the reminder job at the same moment: each reminder is sent once.</summary>
public sealed class ReminderTwoInstancesTests(WorkspacePostgreSqlApp app) : IClassFixture<WorkspacePostgreSqlApp>
{
    [Fact]
    public async Task Reminders_TwoInstancesOnOnePostgreSql_SentOnce()
    {
        var organizationId = await app.OrganizationIdAsync(WorkspaceApp.MemberSocialGroup);
        await using var second = new RegistryFactory(app.Factory.Database, settings: WorkspaceApp.Settings, services: s => s.AddSingleton<TimeProvider>(app.Clock));
        _ = second.Server;
        app.MoveTo(new DateOnly(2026, 5, 25));

        async Task<int?> RunOn(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ObligationReminders>().RunOnceAsync(CancellationToken.None);
        }

        var runs = await Task.WhenAll(RunOn(app.Factory.Services), RunOn(second.Services));

        runs.Count(r => r is null).ShouldBe(1);
        var reminders = await app.RemindersAsync(organizationId);
        reminders.Count.ShouldBe(1);
        reminders[0].Threshold.ShouldBe(7);
        (await app.RemindersReceivedAsync(WorkspaceApp.DemoApplicant.Email)).Count(n => n.Link == $"/Organizations/Workspace/{organizationId}").ShouldBe(1);
    }
}
