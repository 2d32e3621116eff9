using MimeKit;

namespace Registry.Testing;

/// <summary>Reads what the real SMTP sink (aiosmtpd's Mailbox handler) received: one file per message in maildir/new.</summary>
public static class MailSink
{
    /// <summary>Polls until a message to <paramref name="recipient"/> arrives (addresses are unique per test).</summary>
    public static Task<MimeMessage> WaitForAsync(string recipient, TimeSpan? timeout = null) =>
        WaitForAsync(recipient, _ => true, timeout);

    /// <summary>Polls until a message to <paramref name="recipient"/> that <paramref name="match"/> accepts arrives (for an account shared by tests).</summary>
    public static Task<MimeMessage> WaitForAsync(string recipient, Func<MimeMessage, bool> match, TimeSpan? timeout = null) =>
        Eventually.ResultAsync(() => FindAsync(recipient, match), $"a matching mail to {recipient} in the SMTP sink ({TestEnvironment.MailDir})", timeout);

    private static async Task<MimeMessage?> FindAsync(string recipient, Func<MimeMessage, bool> match)
    {
        var folder = Path.Combine(TestEnvironment.MailDir, "new");
        if (!System.IO.Directory.Exists(folder))
        {
            return null;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(folder))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)) && match(message))
            {
                return message;
            }
        }

        return null;
    }
}
