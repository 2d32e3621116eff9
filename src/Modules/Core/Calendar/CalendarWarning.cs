using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Jobs;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Core.Contracts;

namespace Registry.Core.Calendar;

/// <summary>
/// A module's running working-day clocks, counted for the calendar warning: how many of them have a due date decided by a
/// provisional year (one without the State Council's holiday notice).
/// </summary>
public interface IProvisionalClocks
{
    Task<int> CountProvisionalAsync(WorkingDayCalendar calendar, CancellationToken cancellationToken);
}

/// <summary>
/// The year whose holiday notice is missing when it matters: the current year, or from 1 October the next one;
/// <see cref="ProvisionalClocks"/> running clocks depend on a provisional year.
/// </summary>
public sealed record CalendarWarningStatus(int? MissingYear, int ProvisionalClocks)
{
    public bool IsActive => MissingYear is not null;
}

/// <summary>Tells administrators (back office, /health, a weekly mail) that next year's holiday notice has not been loaded.</summary>
public sealed class CalendarWarning(ICalendarProvider calendars, IEnumerable<IProvisionalClocks> sources, TimeProvider clock)
{
    /// <summary>From this month on, next year's missing notice is warned about (the State Council publishes in Nov–Dec).</summary>
    public const int WarnFromMonth = 10;

    public async Task<CalendarWarningStatus> GetAsync(CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        int? missing = calendar.IsProvisional(today.Year) ? today.Year
            : today.Month >= WarnFromMonth && calendar.IsProvisional(today.Year + 1) ? today.Year + 1
            : null;
        var count = 0;
        if (missing is not null)
        {
            foreach (var source in sources)
            {
                count += await source.CountProvisionalAsync(calendar, cancellationToken);
            }
        }

        return new CalendarWarningStatus(missing, count);
    }
}

/// <summary>
/// Tells the administrators and the holders of <see cref="CorePermissions.ManageCalendar"/>, in the inbox and by mail, once a
/// week while the warning is active.
/// </summary>
public sealed class CalendarWarningMailer(CalendarWarning warning, INotifier notifier, ISettings settings, IJobLeases leases, DbContext db, TimeProvider clock)
{
    internal const string LastSentKey = "Core.CalendarWarning.LastSent";
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>True when a mail went out this time.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync("core.calendar-warning", TimeSpan.FromMinutes(5), cancellationToken))
        {
            return false;
        }

        var status = await warning.GetAsync(cancellationToken);
        if (!status.IsActive)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var last = await settings.GetAsync(LastSentKey, cancellationToken);
        if (last is not null && DateTime.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var lastSent) && now - lastSent < Week)
        {
            return false;
        }

        var values = new Dictionary<string, string>
        {
            ["year"] = status.MissingYear!.Value.ToString(CultureInfo.InvariantCulture),
            ["clocks"] = status.ProvisionalClocks.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var userId in await CalendarKeepersAsync(cancellationToken))
        {
            await notifier.NotifyUserAsync(userId, "Core.CalendarMissing", values, PlatformLinks.Calendar, cancellationToken);
        }

        await settings.SetAsync(LastSentKey, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<List<string>> CalendarKeepersAsync(CancellationToken cancellationToken)
    {
        // Administrators hold every permission without a claim; other roles may be given this one.
        return [.. (await PermissionHolders.EnabledAsync(db, [CorePermissions.ManageCalendar], includeAdministrators: true, cancellationToken)).Select(u => u.Id)];
    }
}

/// <summary>Runs <see cref="CalendarWarningMailer"/> hourly (off with <c>Registry:Calendar:WarningJob=false</c>).</summary>
internal sealed class CalendarWarningJobService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CalendarWarningJobService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Calendar:WarningJob";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CalendarWarningMailer>().RunOnceAsync(cancellationToken);
}
