namespace Registry.Notices.Contracts;

/// <summary>What a notice announces (公示公告的类别).</summary>
public enum NoticeKind
{
    /// <summary>评估结果公示: grades the committee proposes, open to review requests.</summary>
    RatingResult,

    /// <summary>公益创投入围公示: projects shortlisted for venture funding.</summary>
    VentureShortlist,

    /// <summary>年检结果公告: annual inspection results.</summary>
    InspectionResult,

    /// <summary>政策文件: laws, measures and local policy documents.</summary>
    Policy,

    /// <summary>通知: calls, deadlines and other announcements.</summary>
    Announcement,
}

/// <summary>Where a notice stands: only published notices are public.</summary>
public enum NoticeStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>
/// A notice another module wants published (e.g. Ratings publishing the proposed grades for 公示).
/// <paramref name="SourceModule"/> + <paramref name="SourceKey"/> identify it: publishing the same pair again updates the
/// same notice. <paramref name="BodyMarkdown"/> is Markdown; raw HTML in it is shown as text. Period dates are Beijing dates,
/// both inclusive; objections are accepted only while the period is open, so <paramref name="AcceptsObjections"/> needs both.
/// With <paramref name="PublishNow"/> false the notice is kept as a draft for an officer to check and publish.
/// </summary>
public sealed record NoticeDraft(
    string SourceModule,
    string SourceKey,
    string Title,
    NoticeKind Kind,
    string BodyMarkdown,
    DateOnly? PeriodStart = null,
    DateOnly? PeriodEnd = null,
    bool AcceptsObjections = false,
    bool PublishNow = true);

/// <summary>What other modules may know of a notice.</summary>
public sealed record NoticeSummary(
    int Id,
    string Title,
    NoticeKind Kind,
    NoticeStatus Status,
    DateTime? PublishedAt,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    bool AcceptsObjections,
    int ObjectionCount,
    string Url);

/// <summary>Publishes notices on behalf of other modules (公示 of ratings, venture shortlists, inspection results).</summary>
public interface INoticePublisher
{
    /// <summary>
    /// Creates or updates the notice of (<see cref="NoticeDraft.SourceModule"/>, <see cref="NoticeDraft.SourceKey"/>) and
    /// returns its id. It saves at once through the shared context (so the caller's pending changes are saved with it):
    /// call it inside the caller's transaction to commit both or neither. Publishing unchanged content again changes nothing;
    /// a notice an officer has withdrawn stays withdrawn. Throws <see cref="ArgumentException"/> on an invalid draft.
    /// </summary>
    Task<int> PublishAsync(NoticeDraft draft, CancellationToken cancellationToken);

    /// <summary>The notice published for (module, key), or null.</summary>
    Task<NoticeSummary?> FindBySourceAsync(string sourceModule, string sourceKey, CancellationToken cancellationToken);
}

/// <summary>
/// Outbox event: a notice was published (or republished), corrected while published, or withdrawn. It names the notice only;
/// a reader asks <see cref="INoticeListing.PublishedAsync"/> what the public sees now (nothing once it is withdrawn).
/// </summary>
public sealed record NoticeChanged(int NoticeId)
{
    public const string Topic = "notices.changed";
}

/// <summary>A published notice as the site lists and searches it; <paramref name="Text"/> is the body as plain text, Markdown removed (empty in lists).</summary>
public sealed record PublishedNotice(int Id, string Title, NoticeKind Kind, DateTime PublishedAt, string Url, string Text);

/// <summary>Published notices for the site's home page and site search; drafts and withdrawn notices are never returned.</summary>
public interface INoticeListing
{
    /// <summary>The latest published notices, newest first, without their text.</summary>
    Task<IReadOnlyList<PublishedNotice>> LatestAsync(int count, CancellationToken cancellationToken);

    /// <summary>The published notices among <paramref name="ids"/> (all when null), with their text, for indexing.</summary>
    IAsyncEnumerable<PublishedNotice> PublishedAsync(IReadOnlyCollection<int>? ids, CancellationToken cancellationToken);
}
