using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Jobs;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>What one run of <see cref="ProgressReminders"/> did.</summary>
public sealed record ReminderRun(int Created, int Reminded, int Overdue);

/// <summary>
/// Progress reports' scheduled work, on one node at a time (database lease) and idempotent: creates the reports of newly
/// signed agreements, reminds the organization <see cref="GrantProgressOptions.RemindDaysBefore"/> days before a report is
/// due, and after the due date sends the overdue notice (to the organization and the officers). Each is sent once. Due
/// dates are derived through the calendar on every run, so loading a year's holiday notice moves them with no other step.
/// </summary>
public sealed class ProgressReminders(DbContext db, ProgressService progress, ICalendarProvider calendars, IOptions<GrantProgressOptions> options, IOrganizationNotifier organizations, INotifier notifier, IJobLeases leases, TimeProvider clock)
{
    public const string LeaseName = "grants.progress-reminders";

    /// <summary>Returns what was done, or null when another node holds the lease.</summary>
    public async Task<ReminderRun?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(10), cancellationToken))
        {
            return null;
        }

        var created = await progress.EnsureReportsAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var remindFrom = today.AddDays(options.Value.RemindDaysBefore);
        ReportState[] open = [ReportState.Draft, ReportState.Returned];
        var calendar = await calendars.GetAsync(cancellationToken);
        var pending = await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => open.Contains(r.State) && (r.ReminderSentOn == null || r.OverdueSentOn == null))
            .ToListAsync(cancellationToken);
        var reports = pending.Select(r => (Report: r, Due: r.DueDate(calendar)))
            .Where(x => (x.Report.ReminderSentOn == null && x.Due.Date <= remindFrom && x.Due.Date >= today) || (x.Report.OverdueSentOn == null && x.Due.Date < today))
            .ToList();
        int reminded = 0, overdue = 0;
        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        foreach (var (report, due) in reports)
        {
            var values = ProgressService.Values(report, await progress.TitleAsync(report, cancellationToken), due);
            var link = GrantLinks.ProgressReport(report.Id);

            // The marker is set by a conditional update: it does not touch the report's version (an open draft keeps
            // saving), and of two runs only the one that set it sends the notice.
            var row = db.Set<ProgressReport>().Where(r => r.Id == report.Id);
            if (due.Date < today)
            {
                if (await row.Where(r => r.OverdueSentOn == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.OverdueSentOn, today), cancellationToken) == 1)
                {
                    await organizations.NotifyAsync(report.OrganizationId, ProgressService.Template(report, "Overdue"), values, link, cancellationToken);
                    await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, ProgressService.Template(report, "OverdueOfficer"), values, GrantLinks.EvaluationReport(report.Id), cancellationToken);
                    overdue++;
                }
            }
            else if (await row.Where(r => r.ReminderSentOn == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReminderSentOn, today), cancellationToken) == 1)
            {
                await organizations.NotifyAsync(report.OrganizationId, ProgressService.Template(report, "DueSoon"), values, link, cancellationToken);
                reminded++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return new ReminderRun(created, reminded, overdue);
    }
}

/// <summary>Runs <see cref="ProgressReminders"/> every hour (off with <c>Registry:Grants:ProgressReminders=false</c>, where a test drives it).</summary>
internal sealed class ProgressReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ProgressReminderService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Grants:ProgressReminders";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ProgressReminders>().RunOnceAsync(cancellationToken);
}
