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

    /// <summary>An error as a sentence; arguments that are keys (field names, file errors) are localized too.</summary>
    public static string Describe(this IStringLocalizer localizer, NoticeError error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        var args = error.Args.Select(a => a is string s && (s.StartsWith("Notices.", StringComparison.Ordinal) || s.StartsWith("Files.", StringComparison.Ordinal)) ? localizer[s].Value : a).ToArray();
        return localizer[error.Key, args].Value;
    }
}
