using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;

namespace Registry.Notices.Services;

/// <summary>What an officer (or another module) writes on a notice.</summary>
public sealed record NoticeFields(string Title, NoticeKind Kind, string BodyMarkdown, DateOnly? PeriodStart, DateOnly? PeriodEnd, bool AcceptsObjections)
{
    /// <summary>Rules beyond the form's required/length checks, shared by the admin form and the publishing contract.</summary>
    public IReadOnlyList<FormError> Check()
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new FormError(nameof(Title), "Validation.Required", "Notices.Field.Title"));
        }
        else if (Title.Trim().Length > Notice.MaxTitle)
        {
            errors.Add(new FormError(nameof(Title), "Validation.MaxLength", "Notices.Field.Title", Notice.MaxTitle));
        }

        if (!Enum.IsDefined(Kind))
        {
            errors.Add(new FormError(nameof(Kind), "Validation.Required", "Notices.Field.Kind"));
        }

        if ((BodyMarkdown ?? "").Length > Notice.MaxBody)
        {
            errors.Add(new FormError(nameof(BodyMarkdown), "Validation.MaxLength", "Notices.Field.Body", Notice.MaxBody));
        }

        if (PeriodStart is null != PeriodEnd is null)
        {
            errors.Add(new FormError(PeriodStart is null ? nameof(PeriodStart) : nameof(PeriodEnd), "Notices.Error.PeriodIncomplete"));
        }
        else if (PeriodEnd < PeriodStart)
        {
            errors.Add(new FormError(nameof(PeriodEnd), "Notices.Error.PeriodReversed"));
        }

        if (AcceptsObjections && (PeriodStart is null || PeriodEnd is null))
        {
            errors.Add(new FormError(nameof(AcceptsObjections), "Notices.Error.ObjectionsNeedPeriod"));
        }

        return errors;
    }
}

/// <summary>What a member of the public files as an objection.</summary>
public sealed record ObjectionInput(string Name, string Contact, string Text);

/// <summary>Writes notices and objections: every change audited, concurrency-checked, and announced on the change feed.</summary>
public sealed class NoticeService(
    DbContext db,
    IFileStore files,
    IAuditTrail audit,
    ICurrentActor actor,
    ISequences sequences,
    IMailOutbox mail,
    INotifier notifier,
    IOutbox outbox,
    TimeProvider clock)
{
    public const string AuditEntity = "Notice";
    public const string ObjectionAuditEntity = "NoticeObjection";

    public Task<Notice?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Notice>().Include(n => n.Attachments).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);

    /// <summary>A new draft written by an officer.</summary>
    public async Task<(Notice? Notice, OperationResult Result)> CreateAsync(NoticeFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = fields.Check();
        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var notice = new Notice { Status = NoticeStatus.Draft, CreatedBy = actor.Name, CreatedAt = now };
        Apply(notice, fields, now);
        await InTransactionAsync(async () =>
        {
            // Saved once for its id, so the audit entry names the notice it created.
            db.Add(notice);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("notice.created", AuditEntity, Id(notice), $"{notice.Kind} {notice.Title}");
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return (notice, OperationResult.Ok);
    }

    /// <summary>Saves an edit made on version <paramref name="seenVersion"/>; a stale form is refused, not merged.</summary>
    public async Task<OperationResult> UpdateAsync(Notice notice, NoticeFields fields, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = fields.Check();
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        if (notice.Status == NoticeStatus.Published && string.IsNullOrWhiteSpace(fields.BodyMarkdown) && notice.Attachments.Count == 0)
        {
            return OperationResult.Fail(nameof(NoticeFields.BodyMarkdown), "Notices.Error.NothingToPublish");
        }

        var changes = Changes(notice, fields);
        if (changes.Count == 0)
        {
            // Nothing to save, but a stale form is still stale (the caller may go on to remove attachments).
            return notice.Version == seenVersion ? OperationResult.Ok : OperationResult.Stale;
        }

        db.ExpectVersion(notice, seenVersion);

        Apply(notice, fields, clock.GetUtcNow().UtcDateTime);
        audit.Record("notice.updated", AuditEntity, Id(notice), $"{notice.Title}: {string.Join(", ", changes)}");
        Announce(notice);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Checks and stores one file; a refused file changes nothing (earlier attachments stay).</summary>
    public async Task<OperationResult> AttachAsync(Notice notice, Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var upload = await files.SaveAsync(content, fileName, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("Attachments", "Notices.Error.UploadRefused", Path.GetFileName(fileName), upload.ErrorKey!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        notice.Attachments.Add(new NoticeAttachment { FileId = upload.File!.Id, FileName = upload.File.FileName, Size = upload.File.Size, UploadedAt = now });
        notice.UpdatedAt = now;
        audit.Record("notice.attached", AuditEntity, Id(notice), $"{notice.Title}: + {upload.File.FileName}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task<OperationResult> RemoveAttachmentAsync(Notice notice, int attachmentId, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Attachments.SingleOrDefault(a => a.Id == attachmentId) is not { } attachment)
        {
            return OperationResult.Stale;
        }

        db.ExpectVersion(notice, seenVersion);
        notice.Attachments.Remove(attachment);
        notice.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("notice.detached", AuditEntity, Id(notice), $"{notice.Title}: − {attachment.FileName}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Publishes a draft or republishes a withdrawn notice; the first publication date is kept.</summary>
    public async Task<OperationResult> PublishAsync(Notice notice, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (NoticeWorkflow.Next(notice.Status, NoticeTrigger.Publish) is null)
        {
            return OperationResult.Fail("", "Notices.Error.AlreadyPublished");
        }

        if (string.IsNullOrWhiteSpace(notice.BodyMarkdown) && notice.Attachments.Count == 0)
        {
            return OperationResult.Fail("", "Notices.Error.NothingToPublish");
        }

        db.ExpectVersion(notice, seenVersion);
        return Transition(notice, NoticeTrigger.Publish) ?? await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task<OperationResult> WithdrawAsync(Notice notice, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (NoticeWorkflow.Next(notice.Status, NoticeTrigger.Withdraw) is null)
        {
            return OperationResult.Fail("", "Notices.Error.NotPublished");
        }

        db.ExpectVersion(notice, seenVersion);
        return Transition(notice, NoticeTrigger.Withdraw) ?? await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Files an objection if the notice accepts them today (Beijing date); draws the receipt number inside the transaction,
    /// tells the officers, and mails the receipt when the contact is an email address.
    /// </summary>
    public async Task<(Objection? Objection, OperationResult Result)> SubmitObjectionAsync(Notice notice, ObjectionInput input, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(input);
        var today = ChinaTime.Today(clock);
        if (!notice.IsOpenForObjections(today))
        {
            return (null, OperationResult.Fail("", notice.PeriodOn(today) == PeriodState.NotStarted ? "Notices.Objection.NotYetOpen" : "Notices.Objection.Closed"));
        }

        Objection? filed = null;
        await InTransactionAsync(async () =>
        {
            // The receipt number is drawn inside the transaction: the counter stays locked until commit, and a rollback returns it.
            var number = await sequences.NextAsync($"receipt:YY:{today.Year}", cancellationToken);
            var objection = new Objection
            {
                NoticeId = notice.Id,
                Name = input.Name.Trim(),
                Contact = input.Contact.Trim(),
                Text = input.Text.Trim(),
                SubmittedAt = clock.GetUtcNow().UtcDateTime,
                ReceiptNumber = string.Create(CultureInfo.InvariantCulture, $"YY-{today.Year}-{number:000000}"),
            };
            db.Add(objection);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("objection.submitted", ObjectionAuditEntity, Id(objection), $"{objection.ReceiptNumber} {notice.Title}");
            var values = new Dictionary<string, string>
            {
                ["receipt"] = objection.ReceiptNumber,
                ["title"] = notice.Title,
                ["name"] = objection.Name,
            };
            await notifier.NotifyPermissionHoldersAsync(NoticesPermissions.Manage, "Notices.ObjectionReceived", values, NoticeLinks.Answer(objection.Id), cancellationToken);
            if (IsEmail(objection.Contact))
            {
                mail.Add(objection.Contact, "Notices.ObjectionReceipt", values, culture);
            }

            await db.SaveChangesAsync(cancellationToken);
            filed = objection;
        }, cancellationToken);
        return (filed, OperationResult.Ok);
    }

    /// <summary>Records (or corrects) the bureau's written answer; mailed to the submitter when they gave an email address.</summary>
    public async Task<OperationResult> AnswerAsync(Objection objection, string answer, long seenVersion, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objection);
        ArgumentNullException.ThrowIfNull(answer);
        var text = answer.Trim();
        if (text.Length == 0)
        {
            return OperationResult.Fail("Answer", "Validation.Required", "Notices.Field.Answer");
        }

        if (text.Length > Objection.MaxAnswer)
        {
            return OperationResult.Fail("Answer", "Validation.MaxLength", "Notices.Field.Answer", Objection.MaxAnswer);
        }

        db.ExpectVersion(objection, seenVersion);
        if (objection.Answer == text)
        {
            return OperationResult.Ok;
        }

        var first = objection.Answer is null;
        objection.Answer = text;
        objection.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        objection.AnsweredBy = actor.Name;
        audit.Record(first ? "objection.answered" : "objection.answer-corrected", ObjectionAuditEntity, Id(objection), objection.ReceiptNumber);
        if (IsEmail(objection.Contact))
        {
            var title = await db.Set<Notice>().Where(n => n.Id == objection.NoticeId).Select(n => n.Title).SingleAsync(cancellationToken);
            mail.Add(objection.Contact, "Notices.ObjectionAnswered", new Dictionary<string, string>
            {
                ["receipt"] = objection.ReceiptNumber,
                ["title"] = title,
                ["name"] = objection.Name,
                ["answer"] = text,
            }, culture);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>True when the contact is an email address (then receipts and answers are mailed).</summary>
    public static bool IsEmail(string? contact) =>
        !string.IsNullOrWhiteSpace(contact) && new EmailAddressAttribute().IsValid(contact) && MailAddress.TryCreate(contact, out var address) && address.Address == contact.Trim();

    /// <summary>
    /// The one way a notice changes status (pages, the publisher other modules call, the recipe): through
    /// <see cref="NoticeWorkflow"/>, recording the audit entry; saved by the caller. Returns the refusal, or null when done.
    /// </summary>
    internal OperationResult? Transition(Notice notice, NoticeTrigger trigger)
    {
        if (NoticeWorkflow.Next(notice.Status, trigger) is not { } to)
        {
            return OperationResult.Fail("", trigger == NoticeTrigger.Publish ? "Notices.Error.AlreadyPublished" : "Notices.Error.NotPublished");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var republished = notice.PublishedAt is not null;
        notice.Status = to;
        notice.UpdatedAt = now;
        if (trigger == NoticeTrigger.Publish)
        {
            notice.PublishedAt ??= now;
            audit.Record(republished ? "notice.republished" : "notice.published", AuditEntity, Id(notice), notice.Title);
        }
        else
        {
            audit.Record("notice.withdrawn", AuditEntity, Id(notice), notice.Title);
        }

        outbox.Publish(NoticeChanged.Topic, new NoticeChanged(notice.Id));

        return null;
    }

    /// <summary>Tells the change feed that what the public sees of a published notice changed; saved with the caller's change.</summary>
    internal void Announce(Notice notice)
    {
        if (notice.Status == NoticeStatus.Published)
        {
            outbox.Publish(NoticeChanged.Topic, new NoticeChanged(notice.Id));
        }
    }

    internal static void Apply(Notice notice, NoticeFields fields, DateTime now)
    {
        notice.Title = fields.Title.Trim();
        notice.Kind = fields.Kind;
        notice.BodyMarkdown = fields.BodyMarkdown ?? "";
        notice.PeriodStart = fields.PeriodStart;
        notice.PeriodEnd = fields.PeriodEnd;
        notice.AcceptsObjections = fields.AcceptsObjections;
        notice.UpdatedAt = now;
    }

    /// <summary>Names of the fields an edit changes (for the audit summary; the body is too long to quote).</summary>
    internal static List<string> Changes(Notice notice, NoticeFields fields)
    {
        var changes = new List<string>();
        if (notice.Title != fields.Title.Trim())
        {
            changes.Add($"Title '{notice.Title}' → '{fields.Title.Trim()}'");
        }

        if (notice.Kind != fields.Kind)
        {
            changes.Add($"Kind {notice.Kind} → {fields.Kind}");
        }

        if (notice.BodyMarkdown != (fields.BodyMarkdown ?? ""))
        {
            changes.Add("Body");
        }

        if (notice.PeriodStart != fields.PeriodStart || notice.PeriodEnd != fields.PeriodEnd)
        {
            changes.Add($"Period {notice.PeriodStart:yyyy-MM-dd}..{notice.PeriodEnd:yyyy-MM-dd} → {fields.PeriodStart:yyyy-MM-dd}..{fields.PeriodEnd:yyyy-MM-dd}");
        }

        if (notice.AcceptsObjections != fields.AcceptsObjections)
        {
            changes.Add($"Objections {notice.AcceptsObjections} → {fields.AcceptsObjections}");
        }

        return changes;
    }


    private static string Id(Notice notice) => notice.Id.ToString(CultureInfo.InvariantCulture);

    private static string Id(Objection objection) => objection.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> in a transaction of its own, or in the caller's when there is one (a recipe run).</summary>
    internal async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }
}
