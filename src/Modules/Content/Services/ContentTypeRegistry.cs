using System.Globalization;
using System.Text.RegularExpressions;
using Registry.Content.Domain;
using Registry.Core.Localization;

namespace Registry.Content.Services;

/// <summary>The content types declared in DI, by name, and the public addresses they give their items.</summary>
public sealed partial class ContentTypeRegistry(IEnumerable<IContentTypeDefinition> definitions)
{
    private readonly Dictionary<string, IContentTypeDefinition> _byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IContentTypeDefinition> All => _byName.Values;

    public IContentTypeDefinition? Find(string? name) => name is not null && _byName.TryGetValue(name, out var d) ? d : null;

    /// <summary>The item's public address (site-relative) from its type's pattern.</summary>
    public string UrlOf(ContentItem item, DateTime now) => UrlOf(item.Type, item.Slug, item.PublishAt ?? now);

    public string UrlOf(string type, string slug, DateTime publishAt)
    {
        var pattern = Find(type)?.UrlPattern ?? "/content/{slug}";
        return pattern
            .Replace("{yyyy}", ChinaTime.Date(publishAt).Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal);
    }

    /// <summary>Lower-case letters, digits and single hyphens: readable, stable, safe in any path.</summary>
    public static bool IsValidSlug(string? slug) => slug is { Length: > 0 and <= ContentItem.MaxSlug } && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
