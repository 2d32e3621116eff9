using Registry.Core.Data;

namespace Registry.Content.Domain;

/// <summary>
/// A content item (page, article, policy …) in one culture. Its text lives in <see cref="ContentVersion"/>s (each save is
/// one); the item holds the editorial state of the latest version and which version the public sees.
/// Variants of the same item in zh-CN and en share <see cref="TranslationKey"/>.
/// </summary>
public sealed class ContentItem : IVersioned
{
    public const int MaxSlug = 120;
    public const int MaxTitle = 200;
    public const int MaxSummary = 500;
    public const int MaxBody = 200_000;
    public const int MaxReason = 1000;

    public long Id { get; set; }

    /// <summary>Name of its <see cref="IContentTypeDefinition"/> (Page, Article, Policy …).</summary>
    public string Type { get; set; } = "";

    /// <summary>"zh-CN" or "en".</summary>
    public string Culture { get; set; } = ContentCultures.Chinese;

    /// <summary>Shared by the zh-CN and en variants of the same item.</summary>
    public Guid TranslationKey { get; set; }

    public string Slug { get; set; } = "";

    /// <summary>A category of the type (Article: News, Work, Notice); null for types without categories.</summary>
    public string? Category { get; set; }

    /// <summary>Editorial state of the latest version.</summary>
    public ContentState State { get; set; }

    /// <summary>While <see cref="ContentState.Submitted"/>: the review level (1-based) waiting for a decision.</summary>
    public int ReviewLevel { get; set; }

    /// <summary>Why it was last returned to draft (shown to the author until the next submission).</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The version the public sees, or null when nothing is public (never published, unpublished, archived).</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>The instant from which <see cref="PublishedVersion"/> is public (UTC); in the future while scheduled.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>Number of the latest version.</summary>
    public int LatestVersion { get; set; }

    /// <summary>Title of the latest version (lists and search in the back office read it without loading versions).</summary>
    public string Title { get; set; } = "";

    public string CreatedById { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<ContentVersion> Versions { get; set; } = [];

    /// <summary>True when a version is public at <paramref name="now"/> (a scheduled item turns public at its instant by itself).</summary>
    public bool IsPublicAt(DateTime now) => PublishedVersion is not null && PublishAt is { } at && at <= now;

    /// <summary>Published with an instant still ahead.</summary>
    public bool IsScheduledAt(DateTime now) => PublishedVersion is not null && PublishAt is { } at && at > now;
}

/// <summary>One saved state of an item's text and fields; never changed after it is written.</summary>
public sealed class ContentVersion
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    /// <summary>1, 2, 3 … per item.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    public string? Summary { get; set; }

    /// <summary>Sanitized HTML (sanitized again when rendered).</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>The type's own fields as a JSON object of parts, e.g. <c>{"policy":{"docNumber":"国务院令第250号",…}}</c>.</summary>
    public string PartsJson { get; set; } = "{}";

    /// <summary>Slug and category at the time of this version (restoring one brings them back).</summary>
    public string Slug { get; set; } = "";

    public string? Category { get; set; }

    public string AuthorId { get; set; } = "";

    public string Author { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When it restores an older version, that version's number.</summary>
    public int? RestoredFrom { get; set; }
}

/// <summary>A slug an item had before: its old address answers with a permanent redirect to the current one.</summary>
public sealed class ContentSlugHistory
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public string Type { get; set; } = "";

    public string Culture { get; set; } = "";

    public string Slug { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}

public static class ContentCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Chinese, English];

    public static bool IsKnown(string? culture) => culture is Chinese or English;
}
