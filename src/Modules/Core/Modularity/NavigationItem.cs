namespace Registry.Core.Modularity;

/// <summary>Where a navigation entry appears.</summary>
public enum NavigationArea
{
    Public,
    Account,
    BackOffice,
}

/// <summary>
/// A menu entry; <paramref name="TitleKey"/> is a localization key, <paramref name="Permission"/> null means everyone;
/// <paramref name="Group"/> is the public menu's section (<see cref="NavigationGroups"/>).
/// </summary>
public sealed record NavigationItem(NavigationArea Area, string TitleKey, string Url, string? Permission, int Order = 0, string? Group = null);

/// <summary>
/// Every module's menu entries, gathered once. Injected instead of <c>IEnumerable&lt;NavigationItem&gt;</c>, which the
/// container would copy into a new array for every page that renders the menu.
/// </summary>
public sealed class NavigationCatalog(IEnumerable<NavigationItem> items)
{
    public IReadOnlyList<NavigationItem> Items { get; } = [.. items];
}

/// <summary>
/// The public menu's sections, so that twenty module pages read as four headings (as a government portal's 社会组织 /
/// 办事服务 / 信息公开 / 我的事项); each key is also the section's localized label.
/// </summary>
public static class NavigationGroups
{
    public const string Organizations = "Nav.Group.Organizations";
    public const string Services = "Nav.Group.Services";
    public const string Disclosure = "Nav.Group.Disclosure";
    public const string Mine = "Nav.Group.Mine";

    private static readonly string[] Sections = [Organizations, Services, Disclosure, Mine];

    /// <summary>The section an entry shows under: its own, else 我的事项 for one that needs a permission, else none (top level).</summary>
    public static string? Of(NavigationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Group ?? (item.Permission is null ? null : Mine);
    }

    /// <summary>Entries in menu order: the sections in their fixed order (each with its entries by order), then ungrouped entries by order.</summary>
    public static IReadOnlyList<(string? Group, IReadOnlyList<NavigationItem> Items)> Arrange(IEnumerable<NavigationItem> items)
    {
        var ordered = items.OrderBy(i => i.Order).ToList();
        var sections = ordered.Where(i => Of(i) is not null).GroupBy(i => Of(i)!)
            .OrderBy(g => Array.IndexOf(Sections, g.Key) is var at && at >= 0 ? at : Sections.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ((string?)g.Key, (IReadOnlyList<NavigationItem>)[.. g]));
        var single = ordered.Where(i => Of(i) is null).Select(i => ((string?)null, (IReadOnlyList<NavigationItem>)[i]));
        return [.. sections.Concat(single)];
    }
}

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
        // Runs for every page that shows a menu: compared in place, no strings made per entry.
        var current = (path ?? "").AsSpan().TrimEnd('/');
        T? best = null;
        var bestLength = 0;
        foreach (var item in items)
        {
            var url = address(item).AsSpan().TrimEnd('/');
            if (url.Length > bestLength && current.StartsWith(url, StringComparison.OrdinalIgnoreCase) && (current.Length == url.Length || current[url.Length] == '/'))
            {
                best = item;
                bestLength = url.Length;
            }
        }

        return best;
    }
}
