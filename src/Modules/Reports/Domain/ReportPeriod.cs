using Registry.Core.Localization;

namespace Registry.Reports.Domain;

/// <summary>
/// What a report covers: a year, or a range of days inside it. The inspection campaign reported in a year is the one
/// for the year before (the 2025 年检 is carried out and concluded in 2026).
/// </summary>
public sealed record ReportPeriod(int Year, DateOnly First, DateOnly Last)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static ReportPeriod WholeYear(int year) => new(year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The period, or the key of what is wrong with the request (a year out of range, a range outside the year or reversed).</summary>
    public static (ReportPeriod? Period, string? Error) Create(int year, DateOnly? from, DateOnly? to)
    {
        if (year is < MinYear or > MaxYear)
        {
            return (null, "Rep.Error.Year");
        }

        var whole = WholeYear(year);
        var first = from ?? whole.First;
        var last = to ?? whole.Last;
        if (first.Year != year || last.Year != year)
        {
            return (null, "Rep.Error.RangeOutsideYear");
        }

        return first > last ? (null, "Rep.Error.RangeReversed") : (new ReportPeriod(year, first, last), null);
    }

    public bool IsWholeYear => First == new DateOnly(Year, 1, 1) && Last == new DateOnly(Year, 12, 31);

    /// <summary>The day "at the end of the period" stands for: its last day, or today while the period is not over.</summary>
    public DateOnly AsOf(DateOnly today) => Last < today ? Last : today;

    /// <summary>The year of the inspection campaign concluded in this year.</summary>
    public int CampaignYear => Year - 1;

    /// <summary>Start of the first day in China, as a UTC instant (inclusive).</summary>
    public DateTime FromUtc => ChinaTime.StartUtc(First);

    /// <summary>Start of the day after the last one in China, as a UTC instant (exclusive).</summary>
    public DateTime ToUtc => ChinaTime.StartUtc(Last.AddDays(1));
}
