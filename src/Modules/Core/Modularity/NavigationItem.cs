namespace Registry.Core.Modularity;

/// <summary>Where a navigation entry appears.</summary>
public enum NavigationArea
{
    Public,
    Account,
    BackOffice,
}

/// <summary>A menu entry; <paramref name="TitleKey"/> is a localization key, <paramref name="Permission"/> null means everyone.</summary>
public sealed record NavigationItem(NavigationArea Area, string TitleKey, string Url, string? Permission, int Order = 0);

/// <summary>Which menu entry a page belongs to.</summary>
public static class NavigationMatch
{
    /// <summary>
    /// The entry whose address is the longest prefix of <paramref name="path"/> at a segment boundary, so exactly one entry
    /// is highlighted (/Notices/Admin/Objections is "Objections", not also "Notices"); null when none matches.
    /// </summary>
    public static NavigationItem? Current(IEnumerable<NavigationItem> items, string? path)
    {
        ArgumentNullException.ThrowIfNull(items);
        var current = (path ?? "").TrimEnd('/');
        return items
            .Where(i => i.Url.TrimEnd('/') is var url && url.Length > 0
                && (current.Equals(url, StringComparison.OrdinalIgnoreCase) || current.StartsWith(url + "/", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(i => i.Url.TrimEnd('/').Length)
            .FirstOrDefault();
    }
}
