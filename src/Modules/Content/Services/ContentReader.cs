using Microsoft.EntityFrameworkCore;
using Registry.Content.Contracts;
using Registry.Content.Domain;

namespace Registry.Content.Services;

/// <summary>A public item as a page shows it: the item, the version the public sees, and whether it is a fallback.</summary>
public sealed record PublicContent(ContentItem Item, ContentVersion Version, string Url, bool IsFallback, IReadOnlyList<(string Culture, string Url)> Variants);

/// <summary>
/// Reads what the public may see: an item is public when it has a published version whose instant has come (so a
/// scheduled item appears by itself). The English site shows the English variant, else the Chinese one marked as a fallback.
/// </summary>
public sealed class ContentReader(DbContext db, ContentTypeRegistry types, TimeProvider clock) : IContentQueries, IMediaReferences
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Items public now (any culture).</summary>
    public IQueryable<ContentItem> Public()
    {
        var now = Now;
        return db.Set<ContentItem>().AsNoTracking().Where(i => i.PublishedVersion != null && i.PublishAt <= now);
    }

    /// <summary>The next instant at which a scheduled item turns public (cached pages must not outlive it).</summary>
    public Task<DateTime?> NextScheduledAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        return db.Set<ContentItem>().Where(i => i.PublishedVersion != null && i.PublishAt > now).MinAsync(i => i.PublishAt, cancellationToken);
    }

    /// <summary>
    /// Resolves a public address: the item with this slug (in either culture) shown in <paramref name="culture"/> or its
    /// fallback. Returns the redirect target instead when the slug is an old one or the address is not the canonical one.
    /// </summary>
    public async Task<(PublicContent? Content, string? RedirectTo)> FindAsync(string type, string slug, string culture, string requestedPath, CancellationToken cancellationToken)
    {
        var candidates = await Public().Where(i => i.Type == type && i.Slug == slug).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            var moved = await db.Set<ContentSlugHistory>().AsNoTracking()
                .Where(s => s.Type == type && s.Slug == slug)
                .OrderByDescending(s => s.ChangedAt)
                .Select(s => s.ItemId)
                .ToListAsync(cancellationToken);
            foreach (var id in moved)
            {
                if (await Public().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } current)
                {
                    return (null, types.UrlOf(current, Now));
                }
            }

            return (null, null);
        }

        var found = candidates.FirstOrDefault(c => c.Culture == culture) ?? candidates[0];
        var content = await ShowAsync(found, culture, cancellationToken);
        if (content is null)
        {
            return (null, null);
        }

        return !string.Equals(Uri.UnescapeDataString(content.Url), Uri.UnescapeDataString(requestedPath), StringComparison.Ordinal)
            ? (null, content.Url)
            : (content, null);
    }

    /// <summary>The variant of <paramref name="item"/>'s translation group to show in <paramref name="culture"/>.</summary>
    public async Task<PublicContent?> ShowAsync(ContentItem item, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var variants = await Public().Where(i => i.TranslationKey == item.TranslationKey).ToListAsync(cancellationToken);
        var shown = variants.FirstOrDefault(v => v.Culture == culture)
            ?? variants.FirstOrDefault(v => v.Culture == ContentCultures.Chinese)
            ?? variants.FirstOrDefault();
        if (shown is null)
        {
            return null;
        }

        var version = await db.Set<ContentVersion>().AsNoTracking().SingleAsync(v => v.ItemId == shown.Id && v.Number == shown.PublishedVersion, cancellationToken);
        var now = Now;
        return new PublicContent(shown, version, types.UrlOf(shown, now), shown.Culture != culture, [.. variants.Select(v => (v.Culture, types.UrlOf(v, now)))]);
    }

    /// <summary>A page of public items of a type (and category) in a culture with fallback: one row per translation group.</summary>
    public async Task<(IReadOnlyList<ContentSummary> Items, int Total)> ListAsync(string type, string? category, string culture, int skip, int take, CancellationToken cancellationToken)
    {
        var items = Public().Where(i => i.Type == type);
        if (category is not null)
        {
            items = items.Where(i => i.Category == category);
        }

        // A group is listed once: by its variant in the culture, or by its Chinese variant when that culture has none.
        var shown = items.Where(i => i.Culture == culture
            || (i.Culture == ContentCultures.Chinese && !items.Any(o => o.TranslationKey == i.TranslationKey && o.Culture == culture)));
        var total = await shown.CountAsync(cancellationToken);
        var rows = await shown
            .OrderByDescending(i => i.PublishAt).ThenByDescending(i => i.Id)
            .Skip(skip).Take(take)
            .Join(db.Set<ContentVersion>(), i => new { i.Id, Number = i.PublishedVersion!.Value }, v => new { Id = v.ItemId, v.Number }, (i, v) => new { Item = i, v.Title, v.Summary, v.PartsJson })
            .ToListAsync(cancellationToken);
        var now = Now;
        return ([.. rows.Select(r => Summary(r.Item, r.Title, r.Summary, r.PartsJson, now))], total);
    }

    public async Task<IReadOnlyList<ContentSummary>> LatestAsync(string type, string? category, int count, string culture, CancellationToken cancellationToken) =>
        (await ListAsync(type, category, culture, 0, Math.Clamp(count, 0, 100), cancellationToken)).Items;

    public async Task<ContentSummary?> FindPublishedAsync(long id, string culture, CancellationToken cancellationToken)
    {
        if (await Public().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } item
            || await ShowAsync(item, culture, cancellationToken) is not { } content)
        {
            return null;
        }

        return Summary(content.Item, content.Version.Title, content.Version.Summary, content.Version.PartsJson, Now);
    }

    /// <summary>Items whose latest or public version's body, cover image or attachments name the media address.</summary>
    public async Task<IReadOnlyList<MediaReference>> FindAsync(string mediaUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(mediaUrl))
        {
            return [];
        }

        var rows = await (
                from i in db.Set<ContentItem>().AsNoTracking()
                join v in db.Set<ContentVersion>() on i.Id equals v.ItemId
                where (v.Number == i.LatestVersion || v.Number == i.PublishedVersion)
                    && (v.BodyHtml.Contains(mediaUrl) || v.PartsJson.Contains(mediaUrl))
                select new { i.Id, i.Title })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Id).Select(r => new MediaReference(r.Id, r.Title, ContentLinks.EditItem(r.Id)))];
    }

    private ContentSummary Summary(ContentItem item, string title, string? summary, string partsJson, DateTime now) =>
        new(item.Id, item.Type, item.Category, title, summary, types.UrlOf(item, now), item.PublishAt!.Value, ContentParts.Parse(partsJson)["article", "coverImage"], item.Culture);
}
