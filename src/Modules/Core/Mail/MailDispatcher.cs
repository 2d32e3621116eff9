using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Registry.Core.Files;
using Registry.Core.Jobs;

namespace Registry.Core.Mail;

/// <summary>Sends queued mail with retry and exponential back-off; each row is claimed before sending so no node sends it twice.</summary>
internal sealed class MailDispatcher(
    IServiceScopeFactory scopes,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> logger) : PollingService(clock, logger)
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private int BatchSize => Math.Max(1, options.Value.BatchSize);

    protected override TimeSpan Pause => options.Value.PollInterval;

    protected override bool Enabled => options.Value.Dispatch;

    /// <summary>A full batch sent: more may be due, so the next pass follows at once.</summary>
    protected override async Task<bool> PassAsync(CancellationToken cancellationToken) =>
        await SendDueAsync(cancellationToken) >= BatchSize;

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var mails = db.Set<MailMessage>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await mails.AsNoTracking()
            .Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var mail in due)
        {
            var lockUntil = now + ClaimDuration;
            var claimed = await mails
                .Where(m => m.Id == mail.Id && m.Status == MailStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                var attachments = await db.Set<MailAttachment>().AsNoTracking().Where(a => a.MailMessageId == mail.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
                await transport.SendAsync(await ToMimeAsync(mail, attachments, files, cancellationToken), cancellationToken);
                await mails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, MailStatus.Sent)
                        .SetProperty(m => m.SentAt, Clock.GetUtcNow().UtcDateTime)
                        .SetProperty(m => m.Attempts, mail.Attempts + 1)
                        .SetProperty(m => m.LockedUntil, (DateTime?)null),
                    cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = mail.Attempts + 1;
                var status = attempts >= options.Value.MaxAttempts ? MailStatus.Failed : MailStatus.Pending;
                var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, options.Value.RetryBase.Ticks << Math.Min(attempts - 1, 20)));
                logger.LogWarning(ex, "Mail {MailId} to {To} failed (attempt {Attempts})", mail.Id, mail.To, attempts);
                await mails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, status)
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, Clock.GetUtcNow().UtcDateTime + delay)
                        .SetProperty(m => m.LastError, ex.Message)
                        .SetProperty(m => m.LockedUntil, (DateTime?)null),
                    CancellationToken.None);
            }
        }

        return sent;
    }

    private async Task<MimeMessage> ToMimeAsync(MailMessage mail, IReadOnlyList<MailAttachment> attachments, IFileStore files, CancellationToken cancellationToken)
    {
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in attachments)
        {
            // A missing file fails the attempt (retried, then marked failed) rather than sending a mail that says "attached" without it.
            var file = await files.FindAsync(attachment.FileId, cancellationToken)
                ?? throw new InvalidOperationException($"Attachment {attachment.FileId} of mail {mail.Id} is not in the file store");
            await using var content = files.OpenRead(file);
            await body.Attachments.AddAsync(attachment.FileName, content, ContentType.Parse(file.ContentType), cancellationToken);
        }

        var message = new MimeMessage
        {
            // Stable id: a retry after a crash can be recognized as the same message by the receiver.
            MessageId = $"registry-mail-{mail.Id}@{options.Value.From.Split('@').Last()}",
            Subject = mail.Subject,
            Body = body.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        return message;
    }
}
