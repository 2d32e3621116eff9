using System.Globalization;

namespace Registry.Core.Localization;

/// <summary>Times are stored in UTC and shown in Asia/Shanghai.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
