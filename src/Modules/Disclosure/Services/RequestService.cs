using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Services;

/// <summary>What an applicant fills in on the request form (条例 第二十九条).</summary>
public sealed record RequestInput(
    ApplicantKind ApplicantKind,
    OrganizationKind? OrganizationKind,
    string Name,
    string IdType,
    string IdNumber,
    string? Representative,
    string? ContactPerson,
    string Phone,
    string? Email,
    string? Address,
    string? PostalCode,
    string Description,
    string? Purpose,
    InformationForm PreferredForm,
    DeliveryMethod Delivery)
{
    /// <summary>The form's rules, shared by the page and the recipe. An anonymous applicant must give an email for the receipt.</summary>
    public IReadOnlyList<FormError> Check(bool anonymous)
    {
        var errors = new List<FormError>();
        Required(errors, nameof(Name), Name, "Disclosure.Field.Name", DisclosureRequest.MaxName);
        Required(errors, nameof(IdType), IdType, "Disclosure.Field.IdType", 40);
        Required(errors, nameof(IdNumber), IdNumber, "Disclosure.Field.IdNumber", DisclosureRequest.MaxIdNumber);
        Required(errors, nameof(Phone), Phone, "Disclosure.Field.Phone", DisclosureRequest.MaxContact);
        Required(errors, nameof(Description), Description, "Disclosure.Field.Description", DisclosureRequest.MaxDescription);
        Optional(errors, nameof(Representative), Representative, "Disclosure.Field.Representative", DisclosureRequest.MaxName);
        Optional(errors, nameof(ContactPerson), ContactPerson, "Disclosure.Field.ContactPerson", DisclosureRequest.MaxName);
        Optional(errors, nameof(Address), Address, "Disclosure.Field.Address", DisclosureRequest.MaxAddress);
        Optional(errors, nameof(PostalCode), PostalCode, "Disclosure.Field.PostalCode", 10);
        Optional(errors, nameof(Purpose), Purpose, "Disclosure.Field.Purpose", DisclosureRequest.MaxPurpose);
        if (!Enum.IsDefined(ApplicantKind))
        {
            errors.Add(new FormError(nameof(ApplicantKind), "Validation.Required", "Disclosure.Field.ApplicantKind"));
        }

        if (ApplicantKind == ApplicantKind.Organization)
        {
            if (OrganizationKind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add(new FormError(nameof(OrganizationKind), "Validation.Required", "Disclosure.Field.OrganizationKind"));
            }

            if (string.IsNullOrWhiteSpace(Representative))
            {
                errors.Add(new FormError(nameof(Representative), "Validation.Required", "Disclosure.Field.Representative"));
            }
        }

        if (!Enum.IsDefined(PreferredForm))
        {
            errors.Add(new FormError(nameof(PreferredForm), "Validation.Required", "Disclosure.Field.PreferredForm"));
        }

        if (!Enum.IsDefined(Delivery))
        {
            errors.Add(new FormError(nameof(Delivery), "Validation.Required", "Disclosure.Field.Delivery"));
        }

        if (!string.IsNullOrWhiteSpace(Email) && !RequestService.IsEmail(Email))
        {
            errors.Add(new FormError(nameof(Email), "Disclosure.Error.EmailInvalid"));
        }
        else if (string.IsNullOrWhiteSpace(Email) && (anonymous || Delivery == DeliveryMethod.Email))
        {
            errors.Add(new FormError(nameof(Email), anonymous ? "Disclosure.Error.EmailNeededAnonymous" : "Disclosure.Error.EmailNeededDelivery"));
        }

        if (Delivery == DeliveryMethod.Post && string.IsNullOrWhiteSpace(Address))
        {
            errors.Add(new FormError(nameof(Address), "Disclosure.Error.AddressNeeded"));
        }

        return errors;
    }

    private static void Required(List<FormError> errors, string field, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FormError(field, "Validation.Required", label));
        }
        else
        {
            Optional(errors, field, value, label, max);
        }
    }

    private static void Optional(List<FormError> errors, string field, string? value, string label, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FormError(field, "Validation.MaxLength", label, max));
        }
    }
}

/// <summary>What an officer records with a step: working days, the approving head or consulted party, a note.</summary>
public sealed record StepInput(int? Days = null, string? Party = null, string? Note = null);

/// <summary>The written answer (条例 第三十六条).</summary>
public sealed record AnswerInput(AnswerType Type, AnswerReason? Reason, string? Explanation, string? Reference);

/// <summary>
/// Requests for disclosure: filing, the officers' steps through <see cref="RequestWorkflow"/>, the answer. Every change is
/// audited (by receipt number: the applicant's identity never goes into the audit summary) and concurrency-checked.
/// </summary>
public sealed class RequestService(
    DbContext db,
    ICalendarProvider calendars,
    IFileStore files,
    IAuditTrail audit,
    ICurrentActor actor,
    ISequences sequences,
    IMailOutbox mail,
    INotifier notifier,
    ITextCatalog catalog,
    IOutbox outbox,
    TimeProvider clock)
{
    public const string AuditEntity = "DisclosureRequest";

    public Task<DisclosureRequest?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<DisclosureRequest>().Include(r => r.Events).Include(r => r.Attachments).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Drops what this scope loaded or changed, so a refused or stale change is not shown as if saved.</summary>
    public void Forget() => db.ChangeTracker.Clear();

    /// <summary>The request's clock as of today (Beijing), derived from its events.</summary>
    public async Task<RequestClockStatus> ClockAsync(DisclosureRequest request, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var calendar = await calendars.GetAsync(cancellationToken);
        return RequestClock.Compute(calendar, request.ReceivedOn, request.Events, asOf ?? ChinaTime.Today(clock));
    }

    /// <summary>
    /// Files a request: receipt number drawn inside the transaction, the Received event, the officers told, and the receipt
    /// mailed when an email was given (always for an anonymous applicant). The follow-up secret is returned once (only its
    /// hash is kept): with the receipt number it opens the request and its reply without an account.
    /// </summary>
    /// <remarks><paramref name="receivedOn"/> is for the demo recipe, which loads requests received in the past.</remarks>
    public async Task<(DisclosureRequest? Request, string? Secret, OperationResult Result)> SubmitAsync(RequestInput input, string? userId, string culture, CancellationToken cancellationToken, DateOnly? receivedOn = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Check(anonymous: userId is null);
        if (errors.Count > 0)
        {
            return (null, null, new OperationResult(errors));
        }

        var secret = RequestSecret.New();
        var today = receivedOn ?? ChinaTime.Today(clock);
        var now = receivedOn is { } past ? At(past) : clock.GetUtcNow().UtcDateTime;
        DisclosureRequest? filed = null;
        await InTransactionAsync(async () =>
        {
            var number = await sequences.NextAsync($"receipt:YSQ:{today.Year}", cancellationToken);
            var request = new DisclosureRequest
            {
                ReceiptNumber = string.Create(CultureInfo.InvariantCulture, $"YSQ-{today.Year}-{number:000000}"),
                ApplicantKind = input.ApplicantKind,
                OrganizationKind = input.ApplicantKind == ApplicantKind.Organization ? input.OrganizationKind : null,
                Name = input.Name.Trim(),
                IdType = input.IdType.Trim(),
                IdNumber = input.IdNumber.Trim(),
                Representative = Trim(input.Representative),
                ContactPerson = Trim(input.ContactPerson),
                Phone = input.Phone.Trim(),
                Email = Trim(input.Email),
                Address = Trim(input.Address),
                PostalCode = Trim(input.PostalCode),
                Description = input.Description.Trim(),
                Purpose = Trim(input.Purpose),
                PreferredForm = input.PreferredForm,
                Delivery = input.Delivery,
                UserId = userId,
                SecretHash = RequestSecret.Hash(secret),
                SubmittedAt = now,
                ReceivedOn = today,
                State = RequestState.Received,
            };
            request.Events.Add(new RequestEvent { Kind = RequestEventKind.Received, On = today, At = now, Actor = actor.Name });
            db.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("disclosure.request.received", AuditEntity, Id(request), request.ReceiptNumber);
            await notifier.NotifyPermissionHoldersAsync(DisclosurePermissions.HandleRequests, "Disclosure.RequestReceived", Values(request), $"/Disclosure/Admin/Requests/{request.Id}", cancellationToken);
            await TellApplicantAsync(request, "Disclosure.RequestReceipt", ApplicantValues(request), culture, cancellationToken);

            await db.SaveChangesAsync(cancellationToken);
            filed = request;
        }, cancellationToken);
        return (filed, secret, OperationResult.Ok);
    }

    /// <summary>
    /// An officer's step on a request (补正 notice, corrected request, consultation, extension, abandonment, withdrawal), with
    /// the guards that need the clock. The one way a request changes state besides <see cref="AnswerAsync"/>.
    /// </summary>
    /// <remarks><paramref name="on"/> is for the demo recipe, which replays steps taken in the past.</remarks>
    public async Task<OperationResult> StepAsync(DisclosureRequest request, RequestTrigger trigger, StepInput input, long seenVersion, string culture, CancellationToken cancellationToken, DateOnly? on = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        if (trigger == RequestTrigger.Answer)
        {
            return OperationResult.Fail("", "Disclosure.Error.UseAnswerForm");
        }

        var today = on ?? ChinaTime.Today(clock);
        var clockNow = await ClockAsync(request, cancellationToken, today);
        if (Guard(request, trigger, input, clockNow, today) is { } refused)
        {
            return refused;
        }

        db.ExpectVersion(request, seenVersion);
        var error = Transition(request, trigger, new RequestEvent
        {
            Days = trigger is RequestTrigger.Extend or RequestTrigger.RequestCorrection ? input.Days : null,
            Party = Trim(input.Party),
            Note = Trim(input.Note),
        }, on);
        if (error is not null)
        {
            return error;
        }

        if (trigger is RequestTrigger.RequestCorrection or RequestTrigger.Extend or RequestTrigger.Abandon)
        {
            var values = ApplicantValues(request);
            values["note"] = Trim(input.Note) ?? "";
            values["days"] = (input.Days ?? 0).ToString(CultureInfo.InvariantCulture);
            if (trigger == RequestTrigger.Extend)
            {
                var after = RequestClock.Compute(await calendars.GetAsync(cancellationToken), request.ReceivedOn, request.Events, today);
                values["due"] = after.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            }

            await TellApplicantAsync(request, $"Disclosure.{trigger}", values, culture, cancellationToken);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Stores a file to go with the answer (the information disclosed); a refused file changes nothing.</summary>
    public async Task<OperationResult> AttachAsync(DisclosureRequest request, Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequestWorkflow.IsFinal(request.State))
        {
            return OperationResult.Fail("", "Disclosure.Error.Closed");
        }

        var upload = await files.SaveAsync(content, fileName, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("Attachments", "Disclosure.Error.UploadRefused", Path.GetFileName(fileName), upload.ErrorKey!);
        }

        request.Attachments.Add(new RequestAttachment { FileId = upload.File!.Id, FileName = upload.File.FileName, Size = upload.File.Size });
        audit.Record("disclosure.request.attached", AuditEntity, Id(request), $"{request.ReceiptNumber}: + {upload.File.FileName}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Gives the written answer (第三十六条); the applicant is told by mail with the reply attached as a link.</summary>
    /// <remarks><paramref name="on"/> is for the demo recipe, which replays answers given in the past.</remarks>
    public async Task<OperationResult> AnswerAsync(DisclosureRequest request, AnswerInput input, long seenVersion, string culture, CancellationToken cancellationToken, DateOnly? on = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        if (RequestWorkflow.Next(request.State, RequestTrigger.Answer) is null)
        {
            return OperationResult.Fail("", "Disclosure.Error.NotAllowed", $"Disclosure.Trigger.{RequestTrigger.Answer}", $"Disclosure.State.{request.State}");
        }

        var errors = AnswerRules.Check(input.Type, input.Reason, input.Explanation, input.Reference, request.Attachments.Count);
        if (errors.Count > 0)
        {
            return new OperationResult([.. errors.Select(key => new FormError("", key))]);
        }

        if ((input.Explanation?.Trim().Length ?? 0) > 4000 || (input.Reference?.Trim().Length ?? 0) > 500)
        {
            return OperationResult.Fail("", "Disclosure.Error.TooLong");
        }

        db.ExpectVersion(request, seenVersion);
        request.AnswerType = input.Type;
        request.AnswerReason = AnswerRules.ReasonsFor(input.Type).Count > 0 ? input.Reason : null;
        request.AnswerText = Trim(input.Explanation);
        request.AnswerReference = Trim(input.Reference);
        request.AnsweredAt = on is { } day ? At(day) : clock.GetUtcNow().UtcDateTime;
        request.AnsweredBy = actor.Name;
        var error = Transition(request, RequestTrigger.Answer, new RequestEvent { Note = $"{input.Type} {input.Reason}".Trim() }, on);
        if (error is not null)
        {
            return error;
        }

        var answered = ApplicantValues(request);
        answered["answerText"] = $"Disclosure.AnswerType.{input.Type}";
        await TellApplicantAsync(request, "Disclosure.Answered", answered, culture, cancellationToken);
        // The formal written reply (答复书) is issued from this event by the documents module, in the same transaction's outbox.
        outbox.Publish(DisclosureRequestAnswered.Topic, new DisclosureRequestAnswered(request.Id, request.ReceiptNumber, request.UserId, request.Name,
            request.ReceivedOn, ChinaTime.Date(request.AnsweredAt.Value), request.Description, ReplyText.Paragraphs(request, Chinese)));

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Refusals that depend on more than the state: one 补正 only, within 7 working days of receipt (第三十条); one extension
    /// of at most 20 working days, before the due day, with the approving head named (第三十三条第二款); abandonment only
    /// after the correction period given ran out.
    /// </summary>
    internal static OperationResult? Guard(DisclosureRequest request, RequestTrigger trigger, StepInput input, RequestClockStatus status, DateOnly today)
    {
        if (RequestWorkflow.Next(request.State, trigger) is null)
        {
            return OperationResult.Fail("", "Disclosure.Error.NotAllowed", $"Disclosure.Trigger.{trigger}", $"Disclosure.State.{request.State}");
        }

        switch (trigger)
        {
            case RequestTrigger.RequestCorrection:
                if (request.Events.Any(e => e.Kind == RequestEventKind.CorrectionRequested))
                {
                    return OperationResult.Fail("", "Disclosure.Error.CorrectionOnce");
                }

                if (today > status.CorrectionDue.Date)
                {
                    return OperationResult.Fail("", "Disclosure.Error.CorrectionTooLate", status.CorrectionDue.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (string.IsNullOrWhiteSpace(input.Note))
                {
                    return OperationResult.Fail("Note", "Disclosure.Error.CorrectionNoteRequired");
                }

                if (input.Days is not (>= 1 and <= 60))
                {
                    return OperationResult.Fail("Days", "Disclosure.Error.CorrectionDays");
                }

                break;
            case RequestTrigger.Extend:
                if (request.Events.Any(e => e.Kind == RequestEventKind.Extended))
                {
                    return OperationResult.Fail("", "Disclosure.Error.ExtensionOnce");
                }

                if (input.Days is not { } days || days < 1 || days > RequestClock.MaxExtensionWorkingDays)
                {
                    return OperationResult.Fail("Days", "Disclosure.Error.ExtensionDays", RequestClock.MaxExtensionWorkingDays);
                }

                if (status.DueOn is { } due && today > due)
                {
                    return OperationResult.Fail("", "Disclosure.Error.ExtensionTooLate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (string.IsNullOrWhiteSpace(input.Party))
                {
                    return OperationResult.Fail("Party", "Disclosure.Error.ApproverRequired");
                }

                if (string.IsNullOrWhiteSpace(input.Note))
                {
                    return OperationResult.Fail("Note", "Disclosure.Error.ReasonTextRequired");
                }

                break;
            case RequestTrigger.StartConsultation:
                if (string.IsNullOrWhiteSpace(input.Party))
                {
                    return OperationResult.Fail("Party", "Disclosure.Error.ThirdPartyRequired");
                }

                break;
            case RequestTrigger.Abandon:
                if (status.CorrectionPeriodEnds is not { } ends || today <= ends)
                {
                    return OperationResult.Fail("", "Disclosure.Error.CorrectionPeriodRunning");
                }

                break;
        }

        if ((input.Note?.Trim().Length ?? 0) > RequestEvent.MaxNote || (input.Party?.Trim().Length ?? 0) > 200)
        {
            return OperationResult.Fail("", "Disclosure.Error.TooLong");
        }

        return null;
    }

    /// <summary>True when the contact is an email address.</summary>
    public static bool IsEmail(string? contact) =>
        !string.IsNullOrWhiteSpace(contact) && new EmailAddressAttribute().IsValid(contact) && MailAddress.TryCreate(contact, out var address) && address.Address == contact.Trim();

    /// <summary>Records the event and the audit entry and moves the state; saved by the caller. Returns the refusal, or null.</summary>
    internal OperationResult? Transition(DisclosureRequest request, RequestTrigger trigger, RequestEvent details, DateOnly? on = null)
    {
        if (RequestWorkflow.Next(request.State, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Disclosure.Error.NotAllowed", $"Disclosure.Trigger.{trigger}", $"Disclosure.State.{request.State}");
        }

        details.Kind = trigger switch
        {
            RequestTrigger.RequestCorrection => RequestEventKind.CorrectionRequested,
            RequestTrigger.Correct => RequestEventKind.Corrected,
            RequestTrigger.StartConsultation => RequestEventKind.ConsultationStarted,
            RequestTrigger.EndConsultation => RequestEventKind.ConsultationEnded,
            RequestTrigger.Extend => RequestEventKind.Extended,
            RequestTrigger.Answer => RequestEventKind.Answered,
            RequestTrigger.Abandon => RequestEventKind.Abandoned,
            _ => RequestEventKind.Withdrawn,
        };
        details.On = on ?? ChinaTime.Today(clock);
        details.At = on is { } day ? At(day).AddMinutes(request.Events.Count) : clock.GetUtcNow().UtcDateTime;
        details.Actor = actor.Name;
        request.Events.Add(details);
        request.State = to;
        var summary = details.Days is { } days ? $"{request.ReceiptNumber} ({days})" : request.ReceiptNumber;
        audit.Record($"disclosure.request.{trigger.ToString().ToLowerInvariant()}", AuditEntity, Id(request), summary);
        return null;
    }

    /// <summary>
    /// Tells the applicant: an account holder in the account (and by mail, through the notifier); an anonymous applicant by
    /// mail to the address given on the form.
    /// </summary>
    private string Chinese(string key, object[] args) =>
        string.Format(CultureInfo.GetCultureInfo("zh-CN"), catalog.Find(key, CultureInfo.GetCultureInfo("zh-CN")) ?? key, args);

    private async Task TellApplicantAsync(DisclosureRequest request, string template, Dictionary<string, string> values, string culture, CancellationToken cancellationToken)
    {
        if (request.UserId is { } userId)
        {
            await notifier.NotifyUserAsync(userId, template, values, $"/Disclosure/My/{request.Id}", cancellationToken);
        }
        else if (request.Email is { } email)
        {
            mail.Add(email, template, values, culture);
        }
    }

    /// <summary>Values of officers' notices: the request's number and day only, never the applicant's identity.</summary>
    internal static Dictionary<string, string> Values(DisclosureRequest request) => new()
    {
        ["receipt"] = request.ReceiptNumber,
        ["received"] = request.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Values of mails to the applicant, who is addressed by name.</summary>
    private static Dictionary<string, string> ApplicantValues(DisclosureRequest request)
    {
        var values = Values(request);
        values["name"] = request.Name;
        return values;
    }

    /// <summary>10:00 in Beijing on a past day (recipe replays), so the events of one request keep their order.</summary>
    private static DateTime At(DateOnly day) => ChinaTime.StartUtc(day).AddHours(10);

    private static string Id(DisclosureRequest request) => request.Id.ToString(CultureInfo.InvariantCulture);

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
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
