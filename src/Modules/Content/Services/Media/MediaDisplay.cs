using System.Globalization;
using Registry.Core.Localization;

namespace Registry.Content.Services.Media;

/// <summary>How the back office shows media facts.</summary>
public static class MediaDisplay
{
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.InvariantCulture)} B",
        < 1024 * 1024 => $"{(bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };

    /// <summary>Beijing time of a UTC instant.</summary>
    public static string Time(DateTime utc) => ChinaTime.Time(utc);
}
