using System.Globalization;

namespace Registry.Core.Localization;

/// <summary>Times are stored in UTC and shown in Asia/Shanghai.</summary>
public static class ChinaTime
{
    /// <summary>The IANA name of Beijing time.</summary>
    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>
    /// Beijing time's offset from UTC, without daylight saving since 1991: what a database without time zone rules
    /// (SQLite) adds to find the China date of a stored instant.
    /// </summary>
    public const int UtcOffsetHours = 8;

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Today's date in China: legal dates and deadlines are Beijing-time dates.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shanghai).DateTime);
    }

    /// <summary>The date in China of a UTC instant; in a query, the database works it out (see the registry's database context).</summary>
    public static DateOnly Date(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai));

    /// <summary>The UTC instant at which <paramref name="day"/> begins in China (for periods stored as UTC instants).</summary>
    public static DateTime StartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Shanghai);

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
