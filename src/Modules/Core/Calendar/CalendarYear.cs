using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;

namespace Registry.Core.Calendar;

/// <summary>One year of the holiday calendar as stored: the year's entry in the holidays JSON format.</summary>
public sealed class CalendarYear : IVersioned
{
    public int Year { get; set; }

    public string Source { get; set; } = "";

    public string Json { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>The working-day calendar built from the database, cached until a year is added or changed.</summary>
public interface ICalendarProvider
{
    Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken);

    /// <summary>Upserts years (saved with the caller's SaveChanges) and drops the cache.</summary>
    Task SaveYearsAsync(IEnumerable<CalendarYearData> years, CancellationToken cancellationToken);
}

internal sealed class CalendarProvider(DbContext db, CalendarCache cache, TimeProvider clock) : ICalendarProvider
{
    public async Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.Current is { } cached)
        {
            return cached;
        }

        var rows = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Json).ToListAsync(cancellationToken);
        var calendar = new WorkingDayCalendar(rows.SelectMany(HolidayCalendarJson.Parse));
        cache.Current = calendar;
        return calendar;
    }

    public async Task SaveYearsAsync(IEnumerable<CalendarYearData> years, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(years);
        foreach (var year in years)
        {
            var row = await db.Set<CalendarYear>().FindAsync([year.Year], cancellationToken);
            if (row is null)
            {
                row = new CalendarYear { Year = year.Year };
                db.Add(row);
            }

            row.Source = year.Source;
            row.Json = HolidayCalendarJson.Serialize([year]);
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        cache.Current = null;
    }
}

/// <summary>Process-wide cache of the calendar; another node sees a change after its own cache is dropped or on restart.</summary>
internal sealed class CalendarCache
{
    public WorkingDayCalendar? Current { get; set; }
}
