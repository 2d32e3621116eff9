using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Jobs;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Organizations.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Organizations.Services;

/// <summary>
/// Warns officers, once a day, of applications whose promised period ends within two working days or has passed, and of
/// submissions whose 受理 timer (行政许可法 第三十二条) ends within one working day.
/// Runs on one node at a time (database lease) and is idempotent: a second run the same day sends nothing.
/// </summary>
public sealed class DueSoonReminders(DbContext db, DeadlineService deadlines, INotifier notifier, IJobLeases leases, TimeProvider clock)
{
    public const int WarnWithinWorkingDays = 2;
    public const int WarnAcceptanceWithinWorkingDays = 1;
    private static readonly ApplicationState[] Running = [ApplicationState.Submitted, ApplicationState.Accepted, ApplicationState.UnderReview];

    /// <summary>Returns how many applications were reported.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync("organizations.due-reminders", TimeSpan.FromMinutes(5), cancellationToken))
        {
            return 0;
        }

        var today = ChinaTime.Today(clock);
        var candidates = await db.Set<RegistrationApplication>()
            .Include(a => a.Corrections)
            .Where(a => Running.Contains(a.State) && (a.DueReminderSentOn == null || a.DueReminderSentOn < today))
            .ToListAsync(cancellationToken);
        var reported = 0;
        foreach (var application in candidates)
        {
            var due = await deadlines.ComputeAsync(application, cancellationToken);
            var (template, dueOn, daysLeft, provisional) = due switch
            {
                { AwaitingAcceptance: true, AcceptanceDue: { } acceptance } when due.AcceptanceDaysLeft <= WarnAcceptanceWithinWorkingDays
                    => ("Org.AcceptanceDueSoon", (DateOnly?)acceptance.Date, due.AcceptanceDaysLeft, acceptance.Provisional),
                { Promised: { IsRunning: true } promised } when promised.DaysLeft <= WarnWithinWorkingDays
                    => (promised.IsOverdue ? "Org.Overdue" : "Org.DueSoon", promised.DueOn, promised.DaysLeft, promised.Provisional),
                _ => (null, null, 0, false),
            };
            if (template is null)
            {
                continue;
            }

            var values = new Dictionary<string, string>
            {
                ["receipt"] = application.ReceiptNumber ?? "",
                ["title"] = application.Title,
                ["due"] = dueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ["provisionalText"] = provisional ? "Calendar.ProvisionalSuffix" : "",
                ["days"] = daysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            await notifier.NotifyPermissionHoldersAsync(OrganizationsPermissions.ReviewApplications, template, values, OrganizationLinks.AdminApplication(application.Id), cancellationToken);
            application.DueReminderSentOn = today;
            reported++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return reported;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run (or an officer) touched these applications meanwhile: its warnings stand, ours are dropped.
            return 0;
        }
    }
}

/// <summary>Runs <see cref="DueSoonReminders"/> every hour (off with <c>Registry:Organizations:DueReminders=false</c>, e.g. where a test drives the job itself).</summary>
internal sealed class DueSoonReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<DueSoonReminderService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Organizations:DueReminders";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DueSoonReminders>().RunOnceAsync(cancellationToken);
}
