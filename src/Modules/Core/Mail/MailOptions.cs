namespace Registry.Core.Mail;

/// <summary>How mail leaves the system: an SMTP server, or .eml files in a pickup folder (the embedded default).</summary>
public sealed class MailOptions
{
    public const string Section = "Registry:Mail";

    /// <summary>"Pickup" or "Smtp".</summary>
    public string Mode { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public string From { get; set; } = "noreply@registry.local";

    public string FromName { get; set; } = "Registry";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>"None", "StartTls", "SslOnConnect" or "Auto".</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxAttempts { get; set; } = 8;

    /// <summary>Mails claimed per pass; a full pass starts the next at once, so a backlog drains at the transport's pace, not one batch per poll.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Base delay; doubled after each failure, capped at one hour.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Absolute site address used in links inside mails.</summary>
    public string? PublicBaseUrl { get; set; }
}
