using System.Globalization;
using Registry.Core.Calendar;

namespace Registry.Core.Forms;

/// <summary>
/// Bounds every input is held to at the edge (forms, filters, imports), so no value can overflow the arithmetic behind
/// it: deadlines add working days to a date, and 9999-12-31 plus a day is no date at all. The last day is the end of
/// the last year the working-day calendar can count (<see cref="StatutoryHolidays.LastYear"/>), so every accepted date
/// can carry a deadline.
/// </summary>
public static class InputLimits
{
    /// <summary>The one format dates are typed in.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Error key (arguments: the first and the last day) for a date outside the range.</summary>
    public const string ErrorDateRange = "Input.DateRange";

    public static readonly DateOnly MinDate = new(1900, 1, 1);

    public static readonly DateOnly MaxDate = new(StatutoryHolidays.LastYear, 12, 31);

    public static bool IsSaneDate(DateOnly day) => day >= MinDate && day <= MaxDate;

    /// <summary>An instant (UTC or local) whose day lies in the range.</summary>
    public static bool IsSaneInstant(DateTime instant) => IsSaneDate(DateOnly.FromDateTime(instant));

    /// <summary>The range's ends as the error message's arguments.</summary>
    public static object[] DateRangeArgs => [MinDate.ToString(DateFormat, CultureInfo.InvariantCulture), MaxDate.ToString(DateFormat, CultureInfo.InvariantCulture)];

    /// <summary>
    /// Reads a typed date (<c>yyyy-MM-dd</c>, or <paramref name="formats"/>) within the range. False with
    /// <paramref name="outOfRange"/> set when it is a date but outside the range (say so with <see cref="ErrorDateRange"/>).
    /// </summary>
    public static bool TryParseDate(string? text, out DateOnly day, out bool outOfRange, params string[] formats)
    {
        outOfRange = false;
        if (!DateOnly.TryParseExact(text?.Trim(), formats.Length == 0 ? [DateFormat] : formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return false;
        }

        if (!IsSaneDate(day))
        {
            outOfRange = true;
            day = default;
            return false;
        }

        return true;
    }
}
