namespace Registry.Content.Contracts;

/// <summary>A published content item as other parts of the site list it (home page zones, menus, site search).</summary>
/// <param name="Id">The item's id (menus link to it).</param>
/// <param name="Type">Content type name, e.g. "Article", "Policy", "Page".</param>
/// <param name="Category">The item's category, if its type has one.</param>
/// <param name="Title">Title in <paramref name="Culture"/>.</param>
/// <param name="Summary">Summary in <paramref name="Culture"/>, if any.</param>
/// <param name="Url">Site-relative public address, e.g. <c>/news/2026/…</c>.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
/// <param name="CoverImageUrl">The cover image's public address, if any.</param>
/// <param name="Culture">"zh-CN" or "en": the variant returned (the English site falls back to Chinese).</param>
public sealed record ContentSummary(
    long Id,
    string Type,
    string? Category,
    string Title,
    string? Summary,
    string Url,
    DateTime PublishedAt,
    string? CoverImageUrl,
    string Culture);

/// <summary>Reads published content; drafts, scheduled items before their instant and archived items are never returned.</summary>
public interface IContentQueries
{
    /// <summary>The latest published items of a type (and category), newest first, in the requested culture or its fallback.</summary>
    Task<IReadOnlyList<ContentSummary>> LatestAsync(string type, string? category, int count, string culture, CancellationToken cancellationToken);

    /// <summary>One published item by id (menu links to content), or null when it is not published.</summary>
    Task<ContentSummary?> FindPublishedAsync(long id, string culture, CancellationToken cancellationToken);
}

/// <summary>Outbox topics of the content store (site search and, later, the disclosure catalogue read them).</summary>
public static class ContentTopics
{
    /// <summary>An item became publicly visible or its public text changed; payload <see cref="ContentChanged"/>.</summary>
    public const string Published = "content.published";

    /// <summary>An item is no longer public (unpublished, archived, deleted); payload <see cref="ContentChanged"/>.</summary>
    public const string Withdrawn = "content.withdrawn";
}

/// <summary>Payload of <see cref="ContentTopics"/>: enough to index an item without reading the content tables.</summary>
public sealed record ContentChanged(long Id, string Type, string? Category, string Culture, string Title, string PlainText, string Url, DateTime PublishedAt);

/// <summary>Which content items reference a media file (the media library shows it and asks before deleting a file in use).</summary>
public interface IMediaReferences
{
    Task<IReadOnlyList<MediaReference>> FindAsync(string mediaUrl, CancellationToken cancellationToken);
}

/// <param name="ItemId">The referencing item.</param>
/// <param name="Title">Its title.</param>
/// <param name="EditUrl">Back-office address of the referencing item.</param>
public sealed record MediaReference(long ItemId, string Title, string EditUrl);
