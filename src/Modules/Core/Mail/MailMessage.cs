namespace Registry.Core.Mail;

/// <summary>Delivery state of a queued mail.</summary>
public enum MailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>The mail outbox: a row per message, written in the same transaction as the change that causes it.</summary>
public sealed class MailMessage
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public MailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>A claim by one sender: until then no other node touches the row, so nothing is sent twice.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    public List<MailAttachment> Attachments { get; set; } = [];
}

/// <summary>A stored file sent with a mail (a decision's PDF): read from the file store when the mail is sent.</summary>
public sealed class MailAttachment
{
    public long Id { get; set; }

    public long MailMessageId { get; set; }

    public Guid FileId { get; set; }

    /// <summary>The name the recipient sees.</summary>
    public string FileName { get; set; } = "";
}

/// <summary>A stored file to attach to a queued mail, under the name the recipient sees.</summary>
public sealed record MailFile(Guid FileId, string FileName);
