using System.Globalization;

namespace Registry.Core.Calendar;

/// <summary>
/// A working-day computation reached a year the calendar has no holiday data for. Deadlines are never guessed:
/// an administrator must add the year (from the State Council notice) first.
/// </summary>
public sealed class CalendarYearMissingException : InvalidOperationException
{
    public CalendarYearMissingException()
    {
    }

    public CalendarYearMissingException(string message)
        : base(message)
    {
    }

    public CalendarYearMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CalendarYearMissingException(int year)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The working-day calendar has no data for {year}; an administrator must add that year's public holidays and adjusted working days before dates in it can be used."))
    {
        Year = year;
    }

    /// <summary>The year without data (0 when constructed from a message only).</summary>
    public int Year { get; }
}
