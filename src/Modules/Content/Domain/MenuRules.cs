using Registry.Core.Forms;

namespace Registry.Content.Domain;

/// <summary>What an editor enters for a menu entry.</summary>
public sealed record MenuItemInput(int? ParentId, string? LabelZh, string? LabelEn, MenuLinkKind Kind, long? ContentId, string? Url);

/// <summary>Rules of menu entries, shared by the back office and the recipe step.</summary>
public static class MenuRules
{
    public const int MaxLabel = 30;
    public const int MaxUrl = 500;
    public const int MaxItems = 100;

    /// <summary>
    /// Checks an entry to add (<paramref name="editingId"/> null) or replace within <paramref name="items"/>: both labels
    /// required and at most <see cref="MaxLabel"/> characters, a link of its kind, and nesting one level deep only
    /// (the parent is a top-level entry, and an entry with children stays top-level).
    /// </summary>
    public static IReadOnlyList<FormError> Check(MenuItemInput input, IReadOnlyList<MenuItem> items, int? editingId)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(items);
        var errors = new List<FormError>();
        Label(errors, nameof(MenuItemInput.LabelZh), input.LabelZh, "Content.Site.Menu.LabelZh");
        Label(errors, nameof(MenuItemInput.LabelEn), input.LabelEn, "Content.Site.Menu.LabelEn");
        switch (input.Kind)
        {
            case MenuLinkKind.Content:
                if (input.ContentId is not > 0)
                {
                    errors.Add(new FormError(nameof(MenuItemInput.ContentId), "Content.Site.Error.ContentIdRequired"));
                }

                break;
            case MenuLinkKind.ModulePage:
                if (!IsSiteRelative(input.Url))
                {
                    errors.Add(new FormError(nameof(MenuItemInput.Url), "Content.Site.Error.SiteRelativeUrl"));
                }

                break;
            case MenuLinkKind.External:
                if (!IsWebUrl(input.Url))
                {
                    errors.Add(new FormError(nameof(MenuItemInput.Url), "Content.Site.Error.ExternalUrl"));
                }

                break;
            default:
                errors.Add(new FormError(nameof(MenuItemInput.Kind), "Validation.Required", "Content.Site.Menu.Kind"));
                break;
        }

        if (input.ParentId is { } parentId)
        {
            var parent = items.FirstOrDefault(i => i.Id == parentId);
            if (parent is null || parent.ParentId is not null || parentId == editingId)
            {
                errors.Add(new FormError(nameof(MenuItemInput.ParentId), "Content.Site.Error.ParentNotTopLevel"));
            }
            else if (editingId is { } id && items.Any(i => i.ParentId == id))
            {
                errors.Add(new FormError(nameof(MenuItemInput.ParentId), "Content.Site.Error.HasChildren"));
            }
        }

        if (editingId is null && items.Count >= MaxItems)
        {
            errors.Add(new FormError("", "Content.Site.Error.TooManyItems", MaxItems));
        }

        return errors;
    }

    /// <summary>A link an editor may put anywhere on the site: an address on this site or an http(s) address.</summary>
    public static bool IsAllowedLink(string? url) => IsSiteRelative(url) || IsWebUrl(url);

    /// <summary>"/path": one leading slash; "//host" and "/\host" are other sites to a browser, so they are refused.</summary>
    public static bool IsSiteRelative(string? url) =>
        url is { Length: > 0 and <= MaxUrl } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl) && !url.Contains(' ', StringComparison.Ordinal)
        && Uri.TryCreate(url, UriKind.Relative, out _);

    /// <summary>An absolute http or https address with a host (no javascript:, data:, mailto: …).</summary>
    public static bool IsWebUrl(string? url) =>
        url is { Length: > 0 and <= MaxUrl } && !url.Any(char.IsControl)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0 && Uri.IsWellFormedUriString(url, UriKind.Absolute);

    /// <summary>The entry as saved: labels trimmed, only the link field of its kind kept.</summary>
    public static MenuItem ToItem(int id, int order, MenuItemInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MenuItem(
            id,
            input.ParentId,
            order,
            input.LabelZh!.Trim(),
            input.LabelEn!.Trim(),
            input.Kind,
            input.Kind == MenuLinkKind.Content ? input.ContentId : null,
            input.Kind == MenuLinkKind.Content ? null : input.Url!.Trim());
    }

    /// <summary>Top-level entries in order, each with its children in order; children of a missing parent are dropped.</summary>
    public static IReadOnlyList<(MenuItem Item, IReadOnlyList<MenuItem> Children)> Tree(IReadOnlyList<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Where(i => i.ParentId is null).OrderBy(i => i.Order).ThenBy(i => i.Id)
            .Select(top => (top, (IReadOnlyList<MenuItem>)[.. items.Where(c => c.ParentId == top.Id).OrderBy(c => c.Order).ThenBy(c => c.Id)]))];
    }

    /// <summary>Swaps the entry with its neighbour among its siblings (up: -1, down: +1); unchanged at either end.</summary>
    public static IReadOnlyList<MenuItem> Move(IReadOnlyList<MenuItem> items, int id, int direction)
    {
        ArgumentNullException.ThrowIfNull(items);
        var item = items.FirstOrDefault(i => i.Id == id);
        if (item is null)
        {
            return items;
        }

        var siblings = items.Where(i => i.ParentId == item.ParentId).OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();
        var index = siblings.IndexOf(item);
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= siblings.Count)
        {
            return items;
        }

        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        var renumbered = siblings.Select((s, i) => s with { Order = (i + 1) * 10 }).ToDictionary(s => s.Id);
        return [.. items.Select(i => renumbered.GetValueOrDefault(i.Id, i))];
    }

    /// <summary>Removes the entry and its children.</summary>
    public static IReadOnlyList<MenuItem> Remove(IReadOnlyList<MenuItem> items, int id)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Where(i => i.Id != id && i.ParentId != id)];
    }

    private static void Label(List<FormError> errors, string field, string? value, string nameKey)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FormError(field, "Validation.Required", nameKey));
        }
        else if (value.Trim().Length > MaxLabel)
        {
            errors.Add(new FormError(field, "Validation.MaxLength", nameKey, MaxLabel));
        }
    }
}
