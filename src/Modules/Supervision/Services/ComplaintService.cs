using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Services;

/// <summary>Complaint settings (section <c>Registry:Supervision:Complaints</c>).</summary>
public sealed class ComplaintOptions
{
    /// <summary>Working days from receipt within which an officer triages (受理 or 不予受理) a complaint.</summary>
    public int TriageWorkingDays { get; set; } = 15;

    /// <summary>Most files one complaint may carry.</summary>
    public int MaxAttachments { get; set; } = 5;
}

/// <summary>What the public form sends.</summary>
public sealed record ComplaintInput(bool Anonymous, string? Name, string? Phone, string? Email, string Subject, int? OrganizationId, ComplaintCause Cause, string Content)
{
    public IReadOnlyList<FormError> Check()
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(Subject))
        {
            errors.Add(new FormError(nameof(Subject), "Validation.Required", "Sup.Field.Subject"));
        }
        else if (Subject.Trim().Length > Complaint.MaxShort)
        {
            errors.Add(new FormError(nameof(Subject), "Validation.MaxLength", "Sup.Field.Subject", Complaint.MaxShort));
        }

        if (string.IsNullOrWhiteSpace(Content))
        {
            errors.Add(new FormError(nameof(Content), "Validation.Required", "Sup.Field.Content"));
        }
        else if (Content.Trim().Length > Complaint.MaxText)
        {
            errors.Add(new FormError(nameof(Content), "Validation.MaxLength", "Sup.Field.Content", Complaint.MaxText));
        }

        if (!Enum.IsDefined(Cause))
        {
            errors.Add(new FormError(nameof(Cause), "Validation.Required", "Sup.Field.ComplaintCause"));
        }

        if (!Anonymous && string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new FormError(nameof(Name), "Sup.Error.NameForNamed"));
        }

        foreach (var (field, value, label) in new[] { (nameof(Name), Name, "Sup.Field.Name"), (nameof(Phone), Phone, "Sup.Field.Phone"), (nameof(Email), Email, "Sup.Field.Email") })
        {
            if (value is { Length: > Complaint.MaxShort })
            {
                errors.Add(new FormError(field, "Validation.MaxLength", label, Complaint.MaxShort));
            }
        }

        if (!string.IsNullOrWhiteSpace(Email) && !MailAddress.TryCreate(Email.Trim(), out _))
        {
            errors.Add(new FormError(nameof(Email), "Sup.Error.EmailInvalid"));
        }

        return errors;
    }
}

/// <summary>A file sent with the form.</summary>
public sealed record ComplaintFile(Stream Content, string FileName);

/// <summary>Complaints and tips (投诉举报): filing with a receipt number and secret, triage, reply, links to checks and cases.</summary>
public sealed class ComplaintService(
    DbContext db,
    IFileStore files,
    ICalendarProvider calendars,
    ComplaintOptions options,
    IAuditTrail audit,
    ISequences sequences,
    TimeProvider clock)
{
    public const string AuditEntity = "Complaint";

    public Task<Complaint?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Complaint>().Include(c => c.Attachments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Complaint?> FindByReceiptAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        var number = receiptNumber.Trim().ToUpperInvariant();
        return db.Set<Complaint>().Include(c => c.Attachments).AsNoTracking().SingleOrDefaultAsync(c => c.ReceiptNumber == number, cancellationToken);
    }

    public async Task<DueDate> TriageDueAsync(Complaint complaint, CancellationToken cancellationToken) =>
        complaint.TriageDue(await calendars.GetAsync(cancellationToken), options.TriageWorkingDays);

    /// <summary>
    /// Files a complaint: receipt number drawn in the transaction, a random secret returned once (only its hash is kept),
    /// attachments checked by Core's file store (size, type by content). A refused file refuses the whole complaint.
    /// </summary>
    public async Task<(Complaint? Complaint, string? Secret, OperationResult Result)> SubmitAsync(ComplaintInput input, string? userId, IReadOnlyList<ComplaintFile> attachments, CancellationToken cancellationToken, DateOnly? receivedOn = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(attachments);
        var errors = input.Check().ToList();
        if (attachments.Count > options.MaxAttachments)
        {
            errors.Add(new FormError("Attachments", "Sup.Error.TooManyFiles", options.MaxAttachments));
        }

        if (errors.Count > 0)
        {
            return (null, null, new OperationResult(errors));
        }

        var today = receivedOn ?? ChinaTime.Today(clock);
        var secret = Domain.RandomDraw.NewSeed()[..16];
        Complaint? filed = null;
        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        var stored = new List<ComplaintAttachment>();
        foreach (var file in attachments)
        {
            var result = await files.SaveAsync(file.Content, file.FileName, cancellationToken);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return (null, null, OperationResult.Fail("Attachments", result.ErrorKey ?? "Files.TypeNotAllowed", file.FileName));
            }

            stored.Add(new ComplaintAttachment { FileId = result.File!.Id, FileName = Path.GetFileName(file.FileName) });
        }

        var number = await sequences.NextAsync($"receipt:TS:{today.Year}", cancellationToken);
        filed = new Complaint
        {
            ReceiptNumber = string.Create(CultureInfo.InvariantCulture, $"TS-{today.Year}-{number:000000}"),
            SecretHash = Complaint.HashSecret(secret),
            Anonymous = input.Anonymous,
            UserId = input.Anonymous ? null : userId,
            Name = input.Anonymous ? null : Trim(input.Name),
            Phone = Trim(input.Phone),
            Email = Trim(input.Email),
            OrganizationId = input.OrganizationId,
            Subject = input.Subject.Trim(),
            Cause = input.Cause,
            Content = input.Content.Trim(),
            ReceivedOn = today,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
            State = ComplaintState.Received,
            Attachments = stored,
        };
        db.Add(filed);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("supervision.complaint.received", AuditEntity, Id(filed), $"{filed.ReceiptNumber} {filed.Cause}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return (filed, secret, OperationResult.Ok);
    }

    /// <summary>Triage and reply through <see cref="ComplaintWorkflow"/>: accept needs an assignee; reject and reply need the text to the complainant.</summary>
    public async Task<OperationResult> StepAsync(Complaint complaint, ComplaintTrigger trigger, string? assignee, string? text, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (ComplaintWorkflow.Next(complaint.State, trigger) is not { } next)
        {
            return OperationResult.Fail("", "Sup.Error.NotAllowed", $"Sup.ComplaintTrigger.{trigger}", $"Sup.ComplaintState.{complaint.State}");
        }

        if (trigger == ComplaintTrigger.Accept && string.IsNullOrWhiteSpace(assignee))
        {
            return OperationResult.Fail("Assignee", "Validation.Required", "Sup.Field.AssignedTo");
        }

        if (trigger != ComplaintTrigger.Accept && string.IsNullOrWhiteSpace(text))
        {
            return OperationResult.Fail("Text", "Validation.Required", "Sup.Field.Reply");
        }

        if (text is { Length: > Complaint.MaxText } || assignee is { Length: > Complaint.MaxShort })
        {
            return OperationResult.Fail("Text", "Validation.MaxLength", "Sup.Field.Reply", Complaint.MaxText);
        }

        db.ExpectVersion(complaint, seenVersion);
        var today = ChinaTime.Today(clock);
        complaint.State = next;
        if (trigger == ComplaintTrigger.Accept)
        {
            complaint.AssignedTo = assignee!.Trim();
            complaint.TriagedOn = today;
        }
        else
        {
            complaint.Reply = text!.Trim();
            complaint.RepliedOn = today;
            complaint.TriagedOn ??= today;
        }

        audit.Record($"supervision.complaint.{trigger.ToString().ToLowerInvariant()}", AuditEntity, Id(complaint), $"{complaint.ReceiptNumber}: {complaint.State}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The spot checks of the organization complained about (newest first): what the complaint may be linked to.</summary>
    public async Task<IReadOnlyList<SpotCheck>> ChecksOfAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.OrganizationId is not { } organizationId
            ? []
            : await db.Set<SpotCheck>().AsNoTracking().Where(c => c.OrganizationId == organizationId).OrderByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
    }

    /// <summary>Links an accepted complaint to the spot check it led to (one of the organization's checks), audited.</summary>
    public async Task<OperationResult> LinkCheckAsync(Complaint complaint, int checkId, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.State != ComplaintState.Accepted || complaint.CheckId is not null)
        {
            return OperationResult.Fail("", "Sup.Error.CheckLinkNotAllowed");
        }

        if (!(await ChecksOfAsync(complaint, cancellationToken)).Any(c => c.Id == checkId))
        {
            return OperationResult.Fail("CheckId", "Validation.Required", "Sup.Field.LinkedCheck");
        }

        db.ExpectVersion(complaint, seenVersion);
        complaint.CheckId = checkId;
        audit.Record("supervision.complaint.check-linked", AuditEntity, Id(complaint), string.Create(CultureInfo.InvariantCulture, $"{complaint.ReceiptNumber}: check {checkId}"));
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Saves a link set on a loaded complaint (the case or check it led to).</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Complaints per year and cause (statistics for the dashboard).</summary>
    public async Task<IReadOnlyList<(int Year, ComplaintCause Cause, int Count)>> StatisticsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Complaint>().AsNoTracking().GroupBy(c => new { c.ReceivedOn.Year, c.Cause })
            .Select(g => new { g.Key.Year, g.Key.Cause, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Year).ThenBy(r => r.Cause).Select(r => (r.Year, r.Cause, r.Count))];
    }

    /// <summary>
    /// The complaints a list filter or a dashboard figure means: of a cause (null: any), received from
    /// <paramref name="from"/> to <paramref name="to"/> (either may be open), narrowed to an outcome. One query for both,
    /// so a figure and the list it links to count the same records.
    /// </summary>
    public static IQueryable<Complaint> Filter(IQueryable<Complaint> complaints, ComplaintCause? cause, ComplaintOutcome outcome, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        if (cause is { } c)
        {
            complaints = complaints.Where(x => x.Cause == c);
        }

        if (from is { } first)
        {
            complaints = complaints.Where(x => x.ReceivedOn >= first);
        }

        if (to is { } last)
        {
            complaints = complaints.Where(x => x.ReceivedOn <= last);
        }

        return outcome switch
        {
            ComplaintOutcome.Closed => complaints.Where(x => x.State == ComplaintState.Replied || x.State == ComplaintState.Rejected),
            ComplaintOutcome.Case => complaints.Where(x => x.CaseId != null),
            _ => complaints,
        };
    }

    internal static string Id(Complaint complaint) => complaint.Id.ToString(CultureInfo.InvariantCulture);

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The <see cref="IComplaintFigures"/> contract: counted with <see cref="ComplaintService.Filter"/>, as the list each figure links to.</summary>
internal sealed class ComplaintFigures(DbContext db) : IComplaintFigures
{
    public async Task<IReadOnlyList<ComplaintFigure>> ByCauseAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var received = db.Set<Complaint>().AsNoTracking();
        var figures = new List<ComplaintFigure>();
        foreach (var cause in Enum.GetValues<ComplaintCause>())
        {
            figures.Add(new ComplaintFigure(
                cause.ToString(),
                await ComplaintService.Filter(received, cause, ComplaintOutcome.Received, first, last).CountAsync(cancellationToken),
                await ComplaintService.Filter(received, cause, ComplaintOutcome.Closed, first, last).CountAsync(cancellationToken),
                await ComplaintService.Filter(received, cause, ComplaintOutcome.Case, first, last).CountAsync(cancellationToken)));
        }

        return figures;
    }
}

/// <summary>Officers handling complaints may read their attachments (the uploader always can).</summary>
internal sealed class ComplaintAttachmentRule(DbContext db) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        return user.HasPermission(SupervisionPermissions.HandleComplaints)
            && await db.Set<ComplaintAttachment>().AnyAsync(a => a.FileId == file.Id, cancellationToken);
    }
}
