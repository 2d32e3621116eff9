using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Outbox;

namespace Registry.Content.Services.Site;

/// <summary>A menu link as the theme renders it (label in the visitor's language, address resolved).</summary>
public sealed record SiteLink(string Label, string Url, bool External, IReadOnlyList<SiteLink> Children);

/// <summary>Edits the site's menus: every change audited, concurrency-checked, and announced so every node's cache drops it.</summary>
public sealed class SiteMenus(IServiceProvider services, TimeProvider clock, SiteCache cache, NavigationCatalog navigation)
{
    // Resolved on first use: the theme reads menus and footer on every page, nearly always from the cache, and a page
    // that needs no database context must not build one for them (about 20 µs, 2% of an uncached directory page).
    private DbContext Db => services.GetRequiredService<DbContext>();

    private IAuditTrail Audit => services.GetRequiredService<IAuditTrail>();

    private IOutbox Outbox => services.GetRequiredService<IOutbox>();

    private IContentQueries Content => services.GetRequiredService<IContentQueries>();

    /// <summary>The saved menu, or null while it is not customized.</summary>
    public Task<Menu?> FindAsync(string name, CancellationToken cancellationToken) =>
        Db.Set<Menu>().SingleOrDefaultAsync(m => m.Name == name, cancellationToken);

    /// <summary>
    /// Starts customizing a menu: the main menu begins with the modules' public entries in their sections, as they show today (labels from
    /// <paramref name="label"/> in both languages), the footer empty. Returns the existing menu when there is one.
    /// </summary>
    public async Task<Menu> CustomizeAsync(string name, Func<string, string, string> label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (await FindAsync(name, cancellationToken) is { } existing)
        {
            return existing;
        }

        var items = name == MenuNames.Main ? DefaultMain(label) : [];
        var menu = new Menu { Name = name, Items = items, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        Db.Add(menu);
        Changed(menu, "Content.Site.MenuCustomized", $"{name}: {items.Count}");
        await Db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return menu;
    }

    /// <summary>The modules' public entries everyone may use, in their sections: each section an entry leading to its first page, its pages below it.</summary>
    private List<MenuItem> DefaultMain(Func<string, string, string> label)
    {
        var items = new List<MenuItem>();
        var forEveryone = navigation.Items.Where(n => n.Area == NavigationArea.Public && n.Permission is null);
        foreach (var (group, entries) in NavigationGroups.Arrange(forEveryone))
        {
            int? parent = null;
            if (group is not null)
            {
                parent = items.Count + 1;
                items.Add(new MenuItem(parent.Value, null, parent.Value * 10, label(group, "zh-CN"), label(group, "en"), MenuLinkKind.ModulePage, null, entries[0].Url));
            }

            foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
            {
                var id = items.Count + 1;
                items.Add(new MenuItem(id, parent, parent is null ? id * 10 : (index + 1) * 10, label(entry.TitleKey, "zh-CN"), label(entry.TitleKey, "en"), MenuLinkKind.ModulePage, null, entry.Url));
            }
        }

        return items;
    }

    /// <summary>Adds an entry (<paramref name="itemId"/> null) or replaces one, as the user saw the menu at <paramref name="seenVersion"/>.</summary>
    public async Task<OperationResult> SaveItemAsync(Menu menu, int? itemId, MenuItemInput input, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var items = menu.Items;
        var existing = itemId is null ? null : items.FirstOrDefault(i => i.Id == itemId);
        if (itemId is not null && existing is null)
        {
            return OperationResult.Stale;
        }

        var errors = MenuRules.Check(input, items, itemId);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        MenuItem item;
        if (existing is null)
        {
            var siblings = items.Where(i => i.ParentId == input.ParentId).Select(i => i.Order).DefaultIfEmpty(0).Max();
            item = MenuRules.ToItem(items.Select(i => i.Id).DefaultIfEmpty(0).Max() + 1, siblings + 10, input);
            menu.Items = [.. items, item];
        }
        else
        {
            // Moving under another parent puts the entry last there.
            var order = existing.ParentId == input.ParentId ? existing.Order : items.Where(i => i.ParentId == input.ParentId).Select(i => i.Order).DefaultIfEmpty(0).Max() + 10;
            item = MenuRules.ToItem(existing.Id, order, input);
            menu.Items = [.. items.Select(i => i.Id == item.Id ? item : i)];
        }

        return await SaveAsync(menu, seenVersion, existing is null ? "Content.Site.MenuItemAdded" : "Content.Site.MenuItemChanged", $"{menu.Name} #{item.Id} {item.LabelZh} → {(object?)item.ContentId ?? item.Url}", cancellationToken);
    }

    public Task<OperationResult> MoveAsync(Menu menu, int itemId, int direction, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        menu.Items = MenuRules.Move(menu.Items, itemId, direction);
        return SaveAsync(menu, seenVersion, "Content.Site.MenuItemMoved", $"{menu.Name} #{itemId} {(direction < 0 ? "up" : "down")}", cancellationToken);
    }

    public Task<OperationResult> DeleteItemAsync(Menu menu, int itemId, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var label = menu.Items.FirstOrDefault(i => i.Id == itemId)?.LabelZh;
        if (label is null)
        {
            return Task.FromResult(OperationResult.Stale);
        }

        menu.Items = MenuRules.Remove(menu.Items, itemId);
        return SaveAsync(menu, seenVersion, "Content.Site.MenuItemDeleted", $"{menu.Name} #{itemId} {label}", cancellationToken);
    }

    /// <summary>Drops the customization: the header shows the modules' entries again.</summary>
    public async Task<OperationResult> ResetAsync(Menu menu, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        Db.ExpectVersion(menu, seenVersion);
        Db.Remove(menu);
        Changed(menu, "Content.Site.MenuReset", menu.Name);
        return await CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The customized menu in <paramref name="culture"/>, or null when it is not customized. Entries linking to content
    /// that is not published are left out (with their children).
    /// </summary>
    public Task<IReadOnlyList<SiteLink>?> LinksAsync(string name, string culture, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync<IReadOnlyList<SiteLink>?>($"menu:{name}:{culture}", async () =>
        {
            var menu = await Db.Set<Menu>().AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, cancellationToken);
            if (menu is null)
            {
                return null;
            }

            var english = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            var links = new List<SiteLink>();
            foreach (var (top, children) in MenuRules.Tree(menu.Items))
            {
                if (await ResolveAsync(top, english, culture, [], cancellationToken) is not { } link)
                {
                    continue;
                }

                var resolved = new List<SiteLink>();
                foreach (var child in children)
                {
                    if (await ResolveAsync(child, english, culture, [], cancellationToken) is { } childLink)
                    {
                        resolved.Add(childLink);
                    }
                }

                links.Add(link with { Children = resolved });
            }

            return links;
        });

    private async Task<SiteLink?> ResolveAsync(MenuItem item, bool english, string culture, IReadOnlyList<SiteLink> children, CancellationToken cancellationToken)
    {
        var label = english ? item.LabelEn : item.LabelZh;
        if (item.Kind == MenuLinkKind.Content)
        {
            var found = item.ContentId is { } id ? await Content.FindPublishedAsync(id, culture, cancellationToken) : null;
            return found is null ? null : new SiteLink(label, found.Url, false, children);
        }

        return item.Url is null ? null : new SiteLink(label, item.Url, item.Kind == MenuLinkKind.External, children);
    }

    private async Task<OperationResult> SaveAsync(Menu menu, long seenVersion, string action, string summary, CancellationToken cancellationToken)
    {
        Db.ExpectVersion(menu, seenVersion);
        menu.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Changed(menu, action, summary);
        return await CommitAsync(cancellationToken);
    }

    /// <summary>Saves; on success this node's cache moves on at once (the feed tells the other nodes).</summary>
    private async Task<OperationResult> CommitAsync(CancellationToken cancellationToken)
    {
        var result = await Db.SaveOrConflictAsync(cancellationToken);
        if (result.Succeeded)
        {
            cache.Invalidate();
        }
        else
        {
            // Someone saved first: forget this request's edits so the page shows what is stored now.
            Db.ChangeTracker.Clear();
        }

        return result;
    }

    private void Changed(Menu menu, string action, string summary)
    {
        Audit.Record(action, nameof(Menu), menu.Name, summary);
        Outbox.Publish(SiteTopics.Changed, new { menu = menu.Name, at = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture) });
    }
}
