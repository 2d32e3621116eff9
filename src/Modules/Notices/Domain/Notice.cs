using Registry.Core.Data;
using Registry.Notices.Contracts;

namespace Registry.Notices.Domain;

/// <summary>A public notice (公示公告): Markdown body, attachments, an optional publicity period and objection form.</summary>
public sealed class Notice : IVersioned
{
    public const int MaxTitle = 200;
    public const int MaxBody = 50_000;
    public const int MaxSourceModule = 50;
    public const int MaxSourceKey = 100;

    public int Id { get; set; }

    public string Title { get; set; } = "";

    public NoticeKind Kind { get; set; }

    /// <summary>Markdown as typed; it is rendered and sanitized on display, never stored as HTML.</summary>
    public string BodyMarkdown { get; set; } = "";

    public NoticeStatus Status { get; set; }

    /// <summary>When it was first published (kept on republication, so the list order does not jump).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>First day of the publicity period (公示期), a Beijing date.</summary>
    public DateOnly? PeriodStart { get; set; }

    /// <summary>Last day of the publicity period, inclusive.</summary>
    public DateOnly? PeriodEnd { get; set; }

    /// <summary>Whether the public may file objections (异议) while the period is open.</summary>
    public bool AcceptsObjections { get; set; }

    /// <summary>The module that published it through <see cref="INoticePublisher"/>; null for notices written by officers.</summary>
    public string? SourceModule { get; set; }

    public string? SourceKey { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<NoticeAttachment> Attachments { get; set; } = [];

    /// <summary>Where the period stands on <paramref name="today"/> (a Beijing date).</summary>
    public PeriodState PeriodOn(DateOnly today) => NoticePeriod.StateOn(PeriodStart, PeriodEnd, today);

    /// <summary>True when an objection filed on <paramref name="today"/> is to be accepted.</summary>
    public bool IsOpenForObjections(DateOnly today) =>
        Status == NoticeStatus.Published && AcceptsObjections && PeriodOn(today) == PeriodState.Open;
}

/// <summary>A file attached to a notice; the bytes are in the file store.</summary>
public sealed class NoticeAttachment
{
    public int Id { get; set; }

    public int NoticeId { get; set; }

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    public long Size { get; set; }

    public DateTime UploadedAt { get; set; }
}

/// <summary>An objection (异议) filed by the public during a notice's publicity period, and the bureau's written answer.</summary>
public sealed class Objection : IVersioned
{
    public const int MaxName = 50;
    public const int MaxContact = 100;
    public const int MaxText = 2000;
    public const int MaxAnswer = 4000;

    public int Id { get; set; }

    public int NoticeId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Phone number or email address; a receipt is mailed when it is an email address.</summary>
    public string Contact { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    /// <summary>Receipt given to the submitter, e.g. YY-2026-000123.</summary>
    public string ReceiptNumber { get; set; } = "";

    public string? Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public long Version { get; set; }
}

/// <summary>Where a publicity period stands on a given day.</summary>
public enum PeriodState
{
    /// <summary>The notice has no publicity period.</summary>
    None,

    /// <summary>未开始.</summary>
    NotStarted,

    /// <summary>公示中.</summary>
    Open,

    /// <summary>公示已结束.</summary>
    Ended,
}

/// <summary>The publicity-period rule: open from the first to the last day inclusive, in Beijing dates.</summary>
public static class NoticePeriod
{
    public static PeriodState StateOn(DateOnly? start, DateOnly? end, DateOnly today) =>
        (start, end) switch
        {
            (null, null) => PeriodState.None,
            ({ } s, _) when today < s => PeriodState.NotStarted,
            (_, { } e) when today > e => PeriodState.Ended,
            _ => PeriodState.Open,
        };
}
