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

    /// <summary>False on a node that must not send the queued mail (another node sends it, or a test drives the passes).</summary>
    public bool Dispatch { get; set; } = true;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>Mails claimed per pass; a full pass starts the next at once, so a backlog drains at the transport's pace, not one batch per poll.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Base delay; doubled after each failure, capped at one hour.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Absolute site address used in links inside mails.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Checked on start: a mistyped mode must stop the site, not silently write .eml files in production.</summary>
internal sealed class MailOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<MailOptions>
{
    private static readonly string[] Modes = ["Pickup", "Smtp"];
    private static readonly string[] SecurityModes = ["None", "StartTls", "SslOnConnect", "Auto"];

    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!Modes.Contains(options.Mode, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{MailOptions.Section}:Mode must be one of {string.Join(", ", Modes)} (was '{Bounded(options.Mode)}').");
        }

        if (!SecurityModes.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{MailOptions.Section}:Security must be one of {string.Join(", ", SecurityModes)} (was '{Bounded(options.Security)}').");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{MailOptions.Section}:Port must be between 1 and 65535.");
        }

        if (options.MaxAttempts < 1 || options.PollInterval <= TimeSpan.Zero || options.RetryBase <= TimeSpan.Zero)
        {
            failures.Add($"{MailOptions.Section}: MaxAttempts, PollInterval and RetryBase must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add($"{MailOptions.Section}:From is required.");
        }

        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }

    // A configuration value is echoed only as far as needed to recognise it.
    private static string Bounded(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
