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
    public static NavigationItem? Current(IEnumerable<NavigationItem> items, string? path) => Current(items, i => i.Url, path);

    /// <summary>The same rule for any kind of menu entry (the editable site menus), given how to read its address.</summary>
    public static T? Current<T>(IEnumerable<T> items, Func<T, string> address, string? path)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(address);
        var current = (path ?? "").TrimEnd('/');
        return items
            .Where(i => address(i).TrimEnd('/') is var url && url.Length > 0
                && (current.Equals(url, StringComparison.OrdinalIgnoreCase) || current.StartsWith(url + "/", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(i => address(i).TrimEnd('/').Length)
            .FirstOrDefault();
    }
}
