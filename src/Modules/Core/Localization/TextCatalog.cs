using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Registry.Core.Localization;

/// <summary>Every UI string in every language, merged from each module's embedded <c>Resources/&lt;culture&gt;.json</c>.</summary>
public interface ITextCatalog
{
    IReadOnlyList<string> Cultures { get; }

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/> (or its parent), or null.</summary>
    string? Find(string key, CultureInfo culture);

    IReadOnlyDictionary<string, string> All(string culture);
}

/// <summary>Loads the catalog once at start; resources are compiled into the assemblies.</summary>
public sealed class TextCatalog : ITextCatalog
{
    public const string DefaultCulture = "zh-CN";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public TextCatalog(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var merged = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Resources.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
            {
                // Resources/<culture>.json or Resources/<Area>/<culture>.json: the culture is the last name before ".json".
                var parts = resource.Split('.');
                var culture = parts[^2];
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidDataException($"{resource} is empty");
                if (!merged.TryGetValue(culture, out var target))
                {
                    merged[culture] = target = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                foreach (var (key, text) in entries)
                {
                    if (!target.TryAdd(key, text))
                    {
                        throw new InvalidDataException($"Localization key '{key}' ({culture}) is defined twice; keys are global, prefix them with the module name.");
                    }
                }
            }
        }

        _byCulture = merged.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        Cultures = [.. _byCulture.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Cultures { get; }

    public string? Find(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_byCulture.TryGetValue(c.Name, out var texts) && texts.TryGetValue(key, out var text))
            {
                return text;
            }
        }

        return _byCulture.TryGetValue(DefaultCulture, out var fallback) && fallback.TryGetValue(key, out var value) ? value : null;
    }

    public IReadOnlyDictionary<string, string> All(string culture) =>
        _byCulture.TryGetValue(culture, out var texts) ? texts : FrozenDictionary<string, string>.Empty;
}

/// <summary>Message values that are catalog keys (names ending in "Text"), put in one language.</summary>
public static class TextValues
{
    /// <summary>
    /// <paramref name="values"/> with each value whose name ends in "Text" replaced by that key's text in
    /// <paramref name="culture"/> (an empty value stays empty), so one set of values serves every recipient's language.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LocalizeTextValues(this ITextCatalog catalog, IReadOnlyDictionary<string, string> values, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(values);
        if (!values.Keys.Any(IsTextValue))
        {
            return values;
        }

        return values.ToDictionary(
            pair => pair.Key,
            pair => IsTextValue(pair.Key) && pair.Value.Length > 0 ? catalog.Find(pair.Value, culture) ?? pair.Value : pair.Value,
            StringComparer.Ordinal);
    }

    private static bool IsTextValue(string name) => name.EndsWith("Text", StringComparison.Ordinal);
}
