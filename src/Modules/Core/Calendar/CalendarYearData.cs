using System.Globalization;

namespace Registry.Core.Calendar;

/// <summary>A public holiday (法定节假日) as published: every day from <see cref="From"/> to <see cref="To"/> inclusive is off.</summary>
public sealed record HolidayRange(string Name, DateOnly From, DateOnly To);

/// <summary>
/// One year of the State Council holiday notice: its holiday ranges and its adjusted working days
/// (调休上班日, weekend days that are worked). <see cref="Source"/> names the notice.
/// </summary>
public sealed record CalendarYearData(int Year, string Source, IReadOnlyList<HolidayRange> Holidays, IReadOnlyList<DateOnly> Workdays)
{
    /// <summary>The first inconsistency in this year's data, naming the entry, or null when it is sound.</summary>
    internal string? FindProblem()
    {
        if (Year is < 1 or > 9999)
        {
            return Invariant($"year {Year} is out of range");
        }

        if (Holidays is null || Workdays is null)
        {
            return Invariant($"year {Year} has no holidays or workdays list");
        }

        for (var i = 0; i < Holidays.Count; i++)
        {
            var holiday = Holidays[i];
            var entry = Invariant($"holidays[{i}] '{holiday?.Name}'");
            if (holiday is null || string.IsNullOrWhiteSpace(holiday.Name))
            {
                return Invariant($"{entry}: a holiday needs a name");
            }

            if (holiday.From > holiday.To)
            {
                return Invariant($"{entry}: from {Iso(holiday.From)} is after to {Iso(holiday.To)}");
            }

            if (holiday.From.Year != Year || holiday.To.Year != Year)
            {
                return Invariant($"{entry}: {Iso(holiday.From)}..{Iso(holiday.To)} is not inside {Year}");
            }

            for (var j = 0; j < i; j++)
            {
                var other = Holidays[j];
                if (other is not null && holiday.From <= other.To && other.From <= holiday.To)
                {
                    return Invariant($"{entry}: overlaps holidays[{j}] '{other.Name}'");
                }
            }
        }

        for (var i = 0; i < Workdays.Count; i++)
        {
            var workday = Workdays[i];
            var entry = Invariant($"workdays[{i}] {Iso(workday)}");
            if (workday.Year != Year)
            {
                return Invariant($"{entry}: is not inside {Year}");
            }

            if (workday.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return Invariant($"{entry}: is a {workday.DayOfWeek}; an adjusted workday must be a weekend day");
            }

            if (Holidays.FirstOrDefault(h => h.From <= workday && workday <= h.To) is { } holiday)
            {
                return Invariant($"{entry}: falls inside holiday '{holiday.Name}'");
            }
        }

        return null;
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
