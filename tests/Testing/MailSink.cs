using MimeKit;

namespace Registry.Testing;

/// <summary>Reads what the real SMTP sink (aiosmtpd's Mailbox handler) received: one file per message in maildir/new.</summary>
public static class MailSink
{
    /// <summary>Polls until a message to <paramref name="recipient"/> arrives (addresses are unique per test).</summary>
    public static async Task<MimeMessage> WaitForAsync(string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var folder = Path.Combine(TestEnvironment.MailDir, "new");
        while (true)
        {
            if (System.IO.Directory.Exists(folder))
            {
                foreach (var file in System.IO.Directory.EnumerateFiles(folder))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                    {
                        return message;
                    }
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {recipient} reached the SMTP sink in {folder}.");
            }

            await Task.Delay(200);
        }
    }
}
