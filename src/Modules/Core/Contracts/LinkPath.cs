using System.Globalization;
using System.Text;

namespace Registry.Core.Contracts;

/// <summary>
/// Builds the relative addresses the modules' link builders (<c>Contracts/*Links.cs</c>) return: one way to write a
/// query string, so a builder owns its page's query vocabulary and no caller spells it.
/// </summary>
public static class LinkPath
{
    /// <summary>
    /// <paramref name="path"/> with the given query parameters in order; null and empty values are left out, dates are
    /// written yyyy-MM-dd, booleans true/false, enums by name, numbers invariantly, and every value is escaped.
    /// </summary>
    public static string With(string path, params (string Name, object? Value)[] query)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        var builder = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in query)
        {
            if (Format(value) is not { Length: > 0 } text)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
            separator = '&';
        }

        return builder.ToString();
    }

    /// <summary>A path segment (an id or a code), written invariantly and escaped.</summary>
    public static string Segment(object value) => Uri.EscapeDataString(Format(value) ?? "");

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
