using System.Collections.ObjectModel;

namespace Registry.Core.Calendar;

/// <summary>A working-day due date; <see cref="Provisional"/> when a day from its start to it lies in a provisional year.</summary>
public readonly record struct DueDate(DateOnly Date, bool Provisional);

/// <summary>
/// Chinese working days (工作日): Monday–Friday outside public holidays, plus adjusted working days (调休上班日).
/// A year without a published notice is <em>provisional</em> (<see cref="StatutoryHolidays"/>: statutory holidays only)
/// from <see cref="StatutoryHolidays.FirstYear"/> to <see cref="StatutoryHolidays.LastYear"/>; any other year without
/// data throws <see cref="CalendarYearMissingException"/> rather than guessing.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<int> _years = [];
    private readonly HashSet<int> _provisional = [];
    private readonly Dictionary<DateOnly, string> _holidays = [];
    private readonly HashSet<DateOnly> _workdays = [];

    // Per covered year: [i] = working days among its first i days, [length - 1] = the year's total. Counting is then two
    // look-ups per year spanned instead of a loop over every day (the reports count ~10,000 decisions a year).
    private readonly Dictionary<int, int[]> _workingDaysBefore = [];

    /// <summary>Builds the calendar; throws <see cref="ArgumentException"/> on a repeated year or inconsistent data.</summary>
    public WorkingDayCalendar(IEnumerable<CalendarYearData> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            if (year.FindProblem() is { } problem)
            {
                throw new ArgumentException($"Calendar year {year.Year}: {problem}.", nameof(years));
            }

            if (!_years.Add(year.Year))
            {
                throw new ArgumentException($"Calendar year {year.Year} is given more than once.", nameof(years));
            }

            AddYear(year);
        }

        Years = new ReadOnlyCollection<int>([.. _years.Order()]);
        // Built once per calendar (a few dozen lunar look-ups), so reading a date never mutates a shared instance.
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            if (!_years.Contains(year))
            {
                AddYear(StatutoryHolidays.ProvisionalYear(year));
                _provisional.Add(year);
            }
        }

        // After every year is added: a holiday range of one year's notice may reach into the next.
        foreach (var year in _years.Concat(_provisional))
        {
            var first = new DateOnly(year, 1, 1);
            var days = DateTime.IsLeapYear(year) ? 366 : 365;
            var before = new int[days + 1];
            for (var i = 0; i < days; i++)
            {
                before[i + 1] = before[i] + (IsWorkingDayOfCoveredYear(first.AddDays(i)) ? 1 : 0);
            }

            _workingDaysBefore[year] = before;
        }
    }

    /// <summary>The years with a published notice, ascending.</summary>
    public IReadOnlyCollection<int> Years { get; }

    /// <summary>True when <paramref name="year"/> has no published notice and is counted from the statutory holidays alone.</summary>
    public bool IsProvisional(int year) => _provisional.Contains(year);

    /// <summary>True when a year from <paramref name="from"/>'s to <paramref name="to"/>'s (either order) is provisional.</summary>
    public bool IsProvisionalBetween(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last; year++)
        {
            if (_provisional.Contains(year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="AddWorkingDays"/> with whether a provisional year decided it.</summary>
    public DueDate DueAfter(DateOnly start, int workingDays)
    {
        var due = AddWorkingDays(start, workingDays);
        return new DueDate(due, IsProvisionalBetween(start, due));
    }

    /// <summary>True on Monday–Friday outside a holiday, and on an adjusted workday.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        EnsureYear(date);
        return IsWorkingDayOfCoveredYear(date);
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/>; the start day is not counted
    /// (day 1 is the first working day after it), and 0 returns <paramref name="start"/> unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        // Day by day: statutory periods are at most a few dozen working days, and this is obviously right.
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; negative when the
    /// second date is earlier, so that Count(a, b) == -Count(b, a) and Count(s, AddWorkingDays(s, n)) == n.
    /// </summary>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -CountWorkingDays(toInclusive, fromExclusive);
        }

        if (toInclusive == fromExclusive)
        {
            return 0;
        }

        // The days counted are first..toInclusive; every year they touch must be covered, as IsWorkingDay requires.
        var first = fromExclusive.AddDays(1);
        for (var year = first.Year; year <= toInclusive.Year; year++)
        {
            EnsureYear(new DateOnly(year, 1, 1));
        }

        var firstYear = _workingDaysBefore[first.Year];
        if (first.Year == toInclusive.Year)
        {
            return firstYear[toInclusive.DayOfYear] - firstYear[first.DayOfYear - 1];
        }

        var count = firstYear[^1] - firstYear[first.DayOfYear - 1];
        for (var year = first.Year + 1; year < toInclusive.Year; year++)
        {
            count += _workingDaysBefore[year][^1];
        }

        return count + _workingDaysBefore[toInclusive.Year][toInclusive.DayOfYear];
    }

    /// <summary>The holiday the date falls in (e.g. 国庆节), or null.</summary>
    public string? HolidayName(DateOnly date)
    {
        EnsureYear(date);
        return _holidays.GetValueOrDefault(date);
    }

    private void AddYear(CalendarYearData year)
    {
        foreach (var holiday in year.Holidays)
        {
            for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
            {
                _holidays[day] = holiday.Name;
            }
        }

        _workdays.UnionWith(year.Workdays);
    }

    private bool IsWorkingDayOfCoveredYear(DateOnly date) =>
        _workdays.Contains(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.ContainsKey(date));

    private void EnsureYear(DateOnly date)
    {
        if (!_years.Contains(date.Year) && !_provisional.Contains(date.Year))
        {
            throw new CalendarYearMissingException(date.Year);
        }
    }
}
