namespace Registry.Disclosure.Contracts;

/// <summary>
/// What another module tells the disclosure catalogue about information it publishes: a description and where it is, never
/// its text. <see cref="SourceModule"/> and <see cref="SourceKey"/> identify it, so publishing again updates the same entry.
/// <see cref="Url"/> is site-relative. <see cref="Category"/> is a 组配分类 name (e.g. 政策法规, 公示公告).
/// </summary>
public sealed record CatalogueEntry(
    string SourceModule,
    string SourceKey,
    string Title,
    string Category,
    string Url,
    DateOnly PublishedOn,
    string? Publisher = null,
    DateOnly? WrittenOn = null,
    string? DocumentNumber = null,
    string? Topic = null);

/// <summary>The government information disclosure catalogue (政府信息公开目录): modules contribute entries through it.</summary>
public interface IDisclosureCatalogue
{
    /// <summary>Adds or updates the entry; returns its 索引号 (assigned on first publication and never changed or reused).</summary>
    Task<string> PublishAsync(CatalogueEntry entry, CancellationToken cancellationToken);

    /// <summary>Takes the entry off the public catalogue; its index number stays taken.</summary>
    Task WithdrawAsync(string sourceModule, string sourceKey, CancellationToken cancellationToken);
}

/// <summary>
/// Outbox event: a request for disclosure was answered. <see cref="Paragraphs"/> are the reply's text in Chinese (the answer,
/// its legal basis, where to find the information, the remedies), written by this module, so the formal written reply
/// (政府信息公开申请答复书, 条例 第三十六条) can be issued from it without reading this module's tables or resources.
/// </summary>
public sealed record DisclosureRequestAnswered(
    int RequestId,
    string ReceiptNumber,
    string? ApplicantUserId,
    string ApplicantName,
    DateOnly ReceivedOn,
    DateOnly AnsweredOn,
    string Description,
    IReadOnlyList<string> Paragraphs)
{
    public const string Topic = "disclosure.request-answered";
}

/// <summary>The formal written reply issued for a request: its 文号, the stored PDF (Core file store) and its verification code.</summary>
public sealed record ReplyDocument(string Number, Guid FileId, string VerificationCode, DateOnly IssuedOn);

/// <summary>
/// Finds the formal written reply issued for a request (implemented by whichever module issues documents; absent, there is
/// no PDF and the reply page is the answer). The disclosure module serves it to the applicant and its officers.
/// </summary>
public interface IReplyDocuments
{
    /// <summary>The reply in force for the request (a corrected reissue replaces the first), or null while it is being issued.</summary>
    Task<ReplyDocument?> FindAsync(int requestId, CancellationToken cancellationToken);
}

/// <summary>
/// A draft disclosure item made from another module's figures (e.g. the year-end work summary as a 计划总结 item): it becomes a
/// draft for review on the site, and a catalogue entry under its category once published. <c>SourceKey</c> is the
/// contributing module's key (e.g. "summary/20260101-20261231"), kept in the audit trail; <c>Paragraphs</c> are plain
/// text; <c>AsOf</c> is the day the figures were taken (the draft is a snapshot; the source stays live).
/// </summary>
public sealed record DisclosureDraft(string SourceModule, string SourceKey, string Title, string? Summary, IReadOnlyList<string> Paragraphs, DateOnly AsOf);

/// <summary>Where the draft went: the editor's form of it, or why it was refused (a resource key).</summary>
public sealed record DisclosureDraftResult(string? EditUrl, string? ErrorKey);

/// <summary>Turns figures into a draft 计划总结 disclosure item. Callers check <see cref="Permission"/> first.</summary>
public interface IDisclosureDrafts
{
    /// <summary>The permission to make drafts from figures (Disclosure.DraftItems).</summary>
    const string Permission = "Disclosure.DraftItems";

    Task<DisclosureDraftResult> DraftSummaryAsync(DisclosureDraft draft, CancellationToken cancellationToken);
}
