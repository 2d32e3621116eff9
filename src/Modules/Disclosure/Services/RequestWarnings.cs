using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Calendar;
using Registry.Core.Jobs;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Services;

/// <summary>Open requests with their derived clocks, for the officers' list, the to-do list and the warnings.</summary>
public sealed class RequestClocks(DbContext db, ICalendarProvider calendars, TimeProvider clock)
{
    /// <summary>Requests not yet answered, abandoned or withdrawn, oldest first, each with its clock as of today.</summary>
    public async Task<IReadOnlyList<(DisclosureRequest Request, RequestClockStatus Clock)>> OpenAsync(bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Set<DisclosureRequest>().Include(r => r.Events)
            .Where(r => r.State == RequestState.Received || r.State == RequestState.AwaitingCorrection || r.State == RequestState.InConsultation);
        var open = await (tracking ? query : query.AsNoTracking()).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        return [.. open.Select(r => (r, RequestClock.Compute(calendar, r.ReceivedOn, r.Events, today)))];
    }
}

/// <summary>The disclosure officers' 待办: requests due soon and overdue, each linking to the list filtered to exactly those.</summary>
internal sealed class RequestWorkItems(RequestClocks clocks) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(DisclosurePermissions.HandleRequests))
        {
            return [];
        }

        var open = await clocks.OpenAsync(tracking: false, cancellationToken);
        return
        [
            new("Disclosure.Work.Overdue", open.Count(o => o.Clock.IsOverdue), "/Disclosure/Admin/Requests?due=Overdue", 300),
            new("Disclosure.Work.DueSoon", open.Count(o => o.Clock.IsDueSoon), "/Disclosure/Admin/Requests?due=DueSoon", 301),
            new("Disclosure.Work.Open", open.Count, "/Disclosure/Admin/Requests?state=Open", 302),
        ];
    }
}

/// <summary>
/// Warns the disclosure officers once a day about each request due within <see cref="RequestClock.WarnWithinWorkingDays"/>
/// working days or overdue (条例 第三十三条), through the in-app notifications.
/// </summary>
public sealed class RequestWarnings(DbContext db, RequestClocks clocks, INotifier notifier, IJobLeases leases, TimeProvider clock)
{
    /// <summary>Returns how many requests were reported.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync("disclosure.request-warnings", TimeSpan.FromMinutes(5), cancellationToken))
        {
            return 0;
        }

        var today = ChinaTime.Today(clock);
        var reported = 0;
        foreach (var (request, status) in await clocks.OpenAsync(tracking: true, cancellationToken))
        {
            if (request.WarnedOn >= today || !(status.IsDueSoon || status.IsOverdue))
            {
                continue;
            }

            var values = RequestService.Values(request);
            values["due"] = status.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            values["days"] = status.DaysLeft.ToString(CultureInfo.InvariantCulture);
            values["provisionalText"] = status.Provisional ? "Calendar.ProvisionalSuffix" : "";
            await notifier.NotifyPermissionHoldersAsync(DisclosurePermissions.HandleRequests, status.IsOverdue ? "Disclosure.Overdue" : "Disclosure.DueSoon", values, $"/Disclosure/Admin/Requests/{request.Id}", cancellationToken);
            request.WarnedOn = today;
            reported++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return reported;
        }
        catch (DbUpdateConcurrencyException)
        {
            // An officer touched a request meanwhile: tomorrow's run warns again if it is still due.
            return 0;
        }
    }
}

/// <summary>Runs <see cref="RequestWarnings"/> hourly (off with <c>Registry:Disclosure:Warnings=false</c>, where a test drives it).</summary>
internal sealed class RequestWarningService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<RequestWarningService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Disclosure:Warnings";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RequestWarnings>().RunOnceAsync(cancellationToken);
}

/// <summary>Open requests whose due date a provisional calendar year decides (the calendar warning counts them).</summary>
internal sealed class RequestProvisionalClocks(RequestClocks clocks) : IProvisionalClocks
{
    public async Task<int> CountProvisionalAsync(WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        (await clocks.OpenAsync(tracking: false, cancellationToken)).Count(o => o.Clock.Provisional);
}
