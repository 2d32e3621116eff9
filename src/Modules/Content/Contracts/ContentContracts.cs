namespace Registry.Content.Contracts;

/// <summary>
/// A published content item as other parts of the site list it (home page zones, menus, site search).
/// <see cref="Url"/> is site-relative (e.g. <c>/news/2026/…</c>); <see cref="Culture"/> ("zh-CN" or "en") names the
/// variant returned, as the English site falls back to Chinese.
/// </summary>
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

/// <summary>A content item that uses a media file; <see cref="EditUrl"/> is its back-office address.</summary>
public sealed record MediaReference(long ItemId, string Title, string EditUrl);

/// <summary>How many policies of one level an issuer made, repealed and has in force (the annual disclosure report's table 二).</summary>
public sealed record PolicyYearFigures(int Issued, int Repealed, int InForce);

/// <summary>Counts the published 政策法规 by level and issuer, for the year-end disclosure report.</summary>
public interface IPolicyFigures
{
    /// <summary>
    /// For published policies of <paramref name="level"/> (a <c>PolicyType.Levels</c> name) issued by <paramref name="issuer"/>:
    /// those written (成文日期, else first published) in <paramref name="year"/>, those whose published version turned them
    /// 已废止 in the year, and those in force now.
    /// </summary>
    Task<PolicyYearFigures> CountAsync(string level, string issuer, int year, CancellationToken cancellationToken);
}

/// <summary>Work summaries (工作总结): articles of this category, which the disclosure catalogue lists under 计划总结.</summary>
public static class ContentSummaries
{
    public const string Type = "Article";
    public const string Category = "Summary";
}

/// <summary>
/// A draft another module writes for the site (e.g. the year-end summary as a disclosure item): <see cref="Paragraphs"/> are
/// plain text (encoded here), <see cref="SlugStem"/> a lower-case stem to which a unique suffix is added.
/// </summary>
public sealed record ContentDraft(string Type, string? Category, string Title, string? Summary, IReadOnlyList<string> Paragraphs, string SlugStem);

/// <summary>Creates drafts as the current user (their author); the draft then follows the type's review and publishing.</summary>
public interface IContentDrafts
{
    /// <summary>The new draft's id, or the resource key of why it was refused.</summary>
    Task<(long? Id, string? ErrorKey)> CreateDraftAsync(ContentDraft draft, CancellationToken cancellationToken);
}
