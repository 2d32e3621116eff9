using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Jobs;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>Reminders before obligations fall due (<c>Registry:Workspace</c>).</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Registry:Workspace";

    /// <summary>Working days before the due day at which the organization is reminded (30, 7 and 1 by default).</summary>
    public List<int> ReminderWorkingDays { get; set; } = [];

    /// <summary>The configured thresholds, or the defaults when none (binding appends to a list, so defaults live here).</summary>
    public IReadOnlyList<int> Thresholds =>
        ReminderWorkingDays.Where(d => d >= 0).Distinct().OrderDescending().ToList() is { Count: > 0 } configured ? configured : [30, 7, 1];
}

/// <summary>
/// Reminds organizations before, not after: when an open obligation comes within a threshold (working days before its
/// due day, counted through the calendar on each run), every account of the organization gets one notice in the inbox and
/// by mail naming the consequence. One row per organization, obligation and threshold (unique) records each; the job runs
/// on one node at a time (database lease), and the unique row keeps a reminder single even if two ever overlapped.
/// </summary>
public sealed class ObligationReminders(
    DbContext db,
    WorkspaceService workspace,
    IOptions<WorkspaceOptions> options,
    INotifier notifier,
    ITextCatalog catalog,
    UserManager<RegistryUser> users,
    IJobLeases leases,
    TimeProvider clock)
{
    public const string LeaseName = "organizations.obligation-reminders";

    public const string Template = "Org.Workspace.Reminder";

    /// <summary>The reminders sent, or null when another node holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(10), cancellationToken))
        {
            return null;
        }

        var today = ChinaTime.Today(clock);
        var thresholds = options.Value.Thresholds;
        var members = await db.Set<OrganizationMember>().AsNoTracking()
            .Join(db.Set<Organization>().Where(o => o.Status == OrganizationStatus.Active), m => m.OrganizationId, o => o.Id, (m, o) => new { m.OrganizationId, m.UserId, o.Name })
            .ToListAsync(cancellationToken);
        var byOrganization = members.ToLookup(m => m.OrganizationId);
        var obligations = await workspace.ObligationsAsync([.. byOrganization.Select(g => g.Key)], cancellationToken);
        var sent = await db.Set<ObligationReminder>().AsNoTracking()
            .Select(r => new { r.OrganizationId, r.ObligationKey, r.Threshold })
            .ToListAsync(cancellationToken);
        var done = sent.Select(r => (r.OrganizationId, r.ObligationKey, r.Threshold)).ToHashSet();
        var count = 0;
        foreach (var view in obligations.Where(v => !v.Overdue && v.WorkingDaysLeft is not null))
        {
            var left = view.WorkingDaysLeft!.Value;
            var crossed = thresholds.Where(t => left <= t).ToList();
            if (crossed.Count == 0)
            {
                continue;
            }

            // The nearest threshold reached: an obligation that appears 5 working days before its day gets the 7-day reminder, once.
            var threshold = crossed.Min();
            var obligation = view.Obligation;
            if (done.Contains((obligation.OrganizationId, obligation.Key, threshold)))
            {
                continue;
            }

            var recipients = byOrganization[obligation.OrganizationId].ToList();
            db.Add(new ObligationReminder
            {
                OrganizationId = obligation.OrganizationId,
                ObligationKey = obligation.Key,
                Threshold = threshold,
                DueOn = obligation.DueOn,
                WorkingDaysLeft = left,
                Recipients = recipients.Count,
                SentAt = clock.GetUtcNow().UtcDateTime,
            });
            foreach (var member in recipients)
            {
                await NotifyAsync(member.UserId, member.Name, view, cancellationToken);
            }

            try
            {
                // Each reminder with its notices and mails in one save: all of it or none.
                await db.SaveChangesAsync(cancellationToken);
                count++;
            }
            catch (DbUpdateException)
            {
                // The unique row exists: another run sent this one.
                db.ChangeTracker.Clear();
            }
        }

        return count;
    }

    private async Task NotifyAsync(string userId, string organizationName, ObligationView view, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return;
        }

        // Titles and consequences carry dates formatted in the recipient's language, so they are written per recipient.
        var culture = CultureInfo.GetCultureInfo(user.PreferredCulture);
        var obligation = view.Obligation;
        var values = new Dictionary<string, string>
        {
            ["organization"] = organizationName,
            ["title"] = ObligationText.Format(catalog, obligation.TitleKey, obligation.TitleArguments, culture),
            ["consequence"] = ObligationText.Format(catalog, obligation.ConsequenceKey, obligation.ConsequenceArguments, culture),
            ["due"] = obligation.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["days"] = view.WorkingDaysLeft!.Value.ToString(CultureInfo.InvariantCulture),
            ["dueProvisionalText"] = view.Provisional ? "Calendar.ProvisionalSuffix" : "",
        };
        await notifier.NotifyUserAsync(userId, Template, values, $"/Organizations/Workspace/{obligation.OrganizationId.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
    }
}

/// <summary>Runs <see cref="ObligationReminders"/> every hour (off with <c>Registry:Workspace:Reminders=false</c>, where a test drives it).</summary>
internal sealed class ObligationReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ObligationReminderService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Workspace:Reminders";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ObligationReminders>().RunOnceAsync(cancellationToken);
}

/// <summary>Registration applications for the workspace (办件进度): each application concerning the organization and its state.</summary>
internal sealed class RegistrationProgress(DbContext db) : IApplicationProgressSource
{
    public async Task<IReadOnlyList<ApplicationProgress>> ForAsync(int organizationId, CancellationToken cancellationToken)
    {
        var applications = await db.Set<RegistrationApplication>().AsNoTracking()
            .Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => a.UpdatedAt).Take(100)
            .Select(a => new { a.Id, a.ReceiptNumber, a.Kind, a.Title, a.State, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        return
        [
            .. applications.Select(a => new ApplicationProgress(
                organizationId, a.ReceiptNumber ?? "#" + a.Id.ToString(CultureInfo.InvariantCulture), $"Org.Kind.{a.Kind}", a.Title,
                $"Org.State.{a.State}", a.UpdatedAt, $"/Organizations/Applications/{a.Id}")),
        ];
    }
}
