using System.Globalization;

namespace Registry.Bench.Measuring;

/// <summary>Formats figures for the tables: three significant digits, invariant culture.</summary>
internal static class Units
{
    public static string Duration(double seconds) => seconds switch
    {
        >= 1 => Significant(seconds) + " s",
        >= 1e-3 => Significant(seconds * 1e3) + " ms",
        >= 1e-6 => Significant(seconds * 1e6) + " µs",
        _ => Significant(seconds * 1e9) + " ns",
    };

    /// <summary>A per-second rate, the unit left to the column header: grouped digits, or millions as "812 M".</summary>
    public static string Rate(double perSecond) => perSecond >= 1e6
        ? Significant(perSecond / 1e6) + " M"
        : perSecond.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => ratio switch
    {
        >= 100 => ratio.ToString("#,0", CultureInfo.InvariantCulture) + "x",
        >= 10 => ratio.ToString("0.0", CultureInfo.InvariantCulture) + "x",
        _ => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x",
    };

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    public static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Significant(double value) => value switch
    {
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
