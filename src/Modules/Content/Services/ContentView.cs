using Microsoft.EntityFrameworkCore;
using Registry.Content.Domain;

namespace Registry.Content.Services;

/// <summary>
/// Everything the public rendering of one item needs: the public page and the back-office preview build it the same way
/// and render the same partial, so the preview shows exactly what the public will see.
/// </summary>
public sealed record ContentView(
    ContentItem Item,
    ContentVersion Version,
    IContentTypeDefinition Type,
    ContentParts Parts,
    string BodyHtml,
    string Url,
    DateTime PublishedAt,
    bool IsFallback,
    IReadOnlyList<(string Culture, string Url)> Variants,
    (string Title, string Url)? ReplacedBy)
{
    /// <summary>Text for &lt;meta name="description"&gt;: the summary, else the start of the body.</summary>
    public string Description => Version.Summary ?? ContentHtml.PlainText(BodyHtml, 150);
}

/// <summary>Builds <see cref="ContentView"/>s (body sanitized again on render).</summary>
public sealed class ContentViews(DbContext db, ContentTypeRegistry types, ContentHtml html, TimeProvider clock)
{
    public async Task<ContentView> BuildAsync(ContentItem item, ContentVersion version, bool isFallback, IReadOnlyList<(string Culture, string Url)> variants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(version);
        var type = types.Find(item.Type) ?? throw new InvalidOperationException($"Unknown content type {item.Type}");
        var parts = ContentParts.Parse(version.PartsJson);
        var now = clock.GetUtcNow().UtcDateTime;
        (string, string)? replacedBy = null;
        if (parts[PolicyType.Part, "replacedBy"] is { } reference && long.TryParse(reference, out var id))
        {
            // Linked only while the replacing item is public (in the reader's culture or its fallback).
            var target = await db.Set<ContentItem>().AsNoTracking()
                .Where(i => i.Id == id && i.PublishedVersion != null && i.PublishAt <= now)
                .SingleOrDefaultAsync(cancellationToken);
            if (target is not null)
            {
                replacedBy = (target.Title, types.UrlOf(target, now));
            }
        }

        // A preview of an item never published shows it as if published now, at the address it would get.
        var publishedAt = item.PublishAt ?? now;
        return new ContentView(item, version, type, parts, html.Sanitize(version.BodyHtml), types.UrlOf(item.Type, version.Slug, publishedAt), publishedAt, isFallback, variants, replacedBy);
    }
}
