using System.Globalization;
using Microsoft.Extensions.Localization;
using Registry.Core.Localization;
using Registry.Notices.Domain;

namespace Registry.Notices.Services;

/// <summary>How notices' dates, periods and errors read on pages.</summary>
public static class NoticeDisplay
{
    /// <summary>The Beijing date of a UTC time.</summary>
    public static string Date(DateTime utc) => ChinaTime.Time(utc)[..10];

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The badge class and text key of a period state (none for notices without a period).</summary>
    public static (string CssClass, string Key)? Badge(PeriodState state) => state switch
    {
        PeriodState.Open => ("badge ok", "Notices.Period.Open"),
        PeriodState.NotStarted => ("badge warn", "Notices.Period.NotStarted"),
        PeriodState.Ended => ("badge", "Notices.Period.Ended"),
        _ => null,
    };
}
