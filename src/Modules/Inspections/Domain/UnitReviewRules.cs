using System.Globalization;
using Registry.Core.Calendar;

namespace Registry.Inspections.Domain;

/// <summary>
/// When the supervising unit's 初审 is due: by a fixed day of the year after the report year (31 March by default,
/// 社会团体登记管理条例 第二十八条), and never fewer than <see cref="MinimumWorkingDays"/> working days after the report
/// reached the unit, so a late filing still leaves the unit time to read it.
/// </summary>
public sealed record UnitReviewTerms(int DeadlineMonth, int DeadlineDay, int MinimumWorkingDays)
{
    public static readonly UnitReviewTerms Default = new(3, 31, 10);

    /// <summary>The fixed day as the settings show it, <c>MM-dd</c>.</summary>
    public string DeadlineText => string.Create(CultureInfo.InvariantCulture, $"{DeadlineMonth:00}-{DeadlineDay:00}");
}

/// <summary>The unit's due date and overdue marker, derived whenever read (never stored).</summary>
public static class UnitReviewRules
{
    public const int MaxMinimumWorkingDays = 30;

    /// <summary>Reads <c>MM-dd</c> (a day every year has: 02-29 is refused); null when it is not one.</summary>
    public static (int Month, int Day)? ParseDeadline(string? text) =>
        text is { Length: 5 } && DateOnly.TryParseExact("2001-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day.Month, day.Day)
            : null;

    /// <summary>The fixed day of <paramref name="reportYear"/>'s 初审: in the following year.</summary>
    public static DateOnly FixedDeadline(UnitReviewTerms terms, int reportYear)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new DateOnly(reportYear + 1, terms.DeadlineMonth, terms.DeadlineDay);
    }

    /// <summary>
    /// The later of the fixed day and <see cref="UnitReviewTerms.MinimumWorkingDays"/> working days after arrival; throws
    /// <see cref="CalendarYearMissingException"/> when the working days reach a year the calendar lacks.
    /// </summary>
    public static DueDate Due(WorkingDayCalendar calendar, UnitReviewTerms terms, int reportYear, DateOnly arrivedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var fixedDay = FixedDeadline(terms, reportYear);
        var minimum = calendar.DueAfter(arrivedOn, terms.MinimumWorkingDays);
        return minimum.Date > fixedDay ? minimum : new DueDate(fixedDay, false);
    }

    /// <summary>Overdue from the day after the due date while the unit has not answered.</summary>
    public static bool IsOverdue(ReportState state, DueDate? due, DateOnly today) => state == ReportState.UnitReview && due is { } d && today > d.Date;
}
