using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Organizations.Services;

/// <summary>Runs registration applications through their workflow, with audit entries and notifications on every step.</summary>
public sealed class RegistrationService(
    DbContext db,
    IRegistrationRulesProvider rulesProvider,
    NameChecker names,
    RegisterWriter register,
    IFileStore files,
    IAuditTrail audit,
    INotifier notifier,
    ICurrentActor actor,
    Core.Data.ISequences sequences,
    Microsoft.Extensions.Options.IOptions<ApplicantLimitOptions> limits,
    PartyAccess parties,
    Core.Review.ISignOffs signOffs,
    Core.Outbox.IOutbox outbox,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = RegistrationRulesProvider.Json;

    public static ApplicationForm ReadForm(RegistrationApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return JsonSerializer.Deserialize<ApplicationForm>(application.FormJson, Json) ?? new ApplicationForm();
    }

    public Task<RegistrationApplication?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<RegistrationApplication>()
            .Include(a => a.Corrections)
            .Include(a => a.Documents)
            .Include(a => a.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>A new draft; change and deregistration start from the register's particulars of an organization the user administers.</summary>
    public async Task<(RegistrationApplication? Application, OperationResult Result)> CreateDraftAsync(ApplicationKind kind, string userId, int? organizationId, CancellationToken cancellationToken)
    {
        var form = new ApplicationForm { Type = kind == ApplicationKind.CommunityFiling ? OrganizationType.Community : OrganizationType.SocialGroup };
        if (kind is ApplicationKind.Change or ApplicationKind.Deregistration)
        {
            var organization = organizationId is null ? null : await db.Set<Organization>().FindAsync([organizationId.Value], cancellationToken);
            if (organization is null || !await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == organization.Id && m.UserId == userId && m.IsOrgAdmin, cancellationToken))
            {
                return (null, OperationResult.Fail("OrganizationId", "Org.Validation.NotYourOrganization"));
            }

            if (organization.Status != OrganizationStatus.Active)
            {
                return (null, OperationResult.Fail("OrganizationId", "Org.Validation.NotActive"));
            }

            form = ApplicationForm.From(organization);
            form.Registered = ApplicationForm.From(organization);
        }

        int? nameApplicationId = null;
        if (kind == ApplicationKind.Establishment)
        {
            // With a single approved name to build on, start from it instead of making the applicant retype it.
            var today = ChinaTime.Today(clock);
            var reservations = await db.Set<NameReservation>().AsNoTracking()
                .Where(r => r.UsedByOrganizationId == null && r.ReservedUntil >= today
                    && db.Set<RegistrationApplication>().Any(a => a.Id == r.ApplicationId && a.ApplicantUserId == userId))
                .Take(2)
                .ToListAsync(cancellationToken);
            if (reservations is [var only])
            {
                form.Name = only.Name;
                form.Type = only.Type;
                nameApplicationId = only.ApplicationId;
            }
        }

        // Starting the same service twice opens the draft already started and left untouched (never saved, nothing
        // uploaded) instead of piling up empty drafts.
        var forOrganization = kind is ApplicationKind.Change or ApplicationKind.Deregistration ? organizationId : null;
        var untouched = await db.Set<RegistrationApplication>()
            .Where(a => a.ApplicantUserId == userId && a.Kind == kind && a.State == ApplicationState.Draft && a.OrganizationId == forOrganization
                && a.UpdatedAt == a.CreatedAt && !a.Documents.Any())
            .OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (untouched is not null)
        {
            return (untouched, OperationResult.Ok);
        }

        var maxDrafts = limits.Value.MaxOpenDrafts;
        if (await db.Set<RegistrationApplication>().CountAsync(a => a.ApplicantUserId == userId && a.State == ApplicationState.Draft, cancellationToken) >= maxDrafts)
        {
            return (null, OperationResult.Fail("", "Org.Validation.TooManyDrafts", maxDrafts));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var application = new RegistrationApplication
        {
            NameApplicationId = nameApplicationId,
            Kind = kind,
            State = ApplicationState.Draft,
            ApplicantUserId = userId,
            OrganizationId = kind is ApplicationKind.Change or ApplicationKind.Deregistration ? organizationId : null,
            FormJson = JsonSerializer.Serialize(form, Json),
            OrganizationType = form.Type,
            Title = TitleOf(kind, form),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(application);
        audit.Record("application.created", nameof(RegistrationApplication), "new", $"{kind}");
        await db.SaveChangesAsync(cancellationToken);
        return (application, OperationResult.Ok);
    }

    /// <summary>
    /// The account that started a draft deletes it (never submitted, so no receipt, clock or decision hangs on it), with
    /// its documents' records; audited.
    /// </summary>
    public async Task<OperationResult> DeleteDraftAsync(RegistrationApplication application, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != ApplicationState.Draft || application.SubmittedAt is not null)
        {
            return OperationResult.Fail("", "Org.Validation.NotDeletable");
        }

        if (application.ApplicantUserId != userId)
        {
            return OperationResult.Fail("", "Org.Validation.NotYourDraft");
        }

        audit.Record("application.draft-deleted", nameof(RegistrationApplication), application.Id.ToString(CultureInfo.InvariantCulture), $"{application.Kind}: {application.Title}");
        foreach (var document in application.Documents)
        {
            await files.ReleaseAsync(document.FileId, cancellationToken);
        }

        db.Remove(application);
        await db.SaveChangesAsync(cancellationToken);
        await files.PurgeReleasedAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>Saves whatever the applicant has so far; only formats are checked (a draft may be incomplete).</summary>
    public async Task<OperationResult> SaveDraftAsync(RegistrationApplication application, ApplicationForm form, int? nameApplicationId, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(form);
        if (application.State is not (ApplicationState.Draft or ApplicationState.Returned))
        {
            return OperationResult.Fail("", "Org.Validation.NotEditable");
        }

        if (application.Kind == ApplicationKind.CommunityFiling)
        {
            form.Type = OrganizationType.Community;
        }

        if (application.Kind is ApplicationKind.Change or ApplicationKind.Deregistration)
        {
            // The type is a fact of the register, not something a change application edits; nor is the district, and the
            // register as it was when the application started stays the measure of what the applicant changed.
            var stored = ReadForm(application);
            form.Type = stored.Type;
            form.District = stored.District;
            form.Registered = stored.Registered;
        }

        if (form.Type != OrganizationType.Foundation)
        {
            form.FoundationKind = null;
        }

        Expect(application, seenVersion);
        form.ProposedNames = [.. form.ProposedNames.Select(n => n.Trim()).Where(n => n.Length > 0)];
        application.FormJson = JsonSerializer.Serialize(form, Json);
        application.OrganizationType = form.Type;
        application.Title = TitleOf(application.Kind, form);
        application.NameApplicationId = application.Kind == ApplicationKind.Establishment ? nameApplicationId : null;
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Attaches a checklist document; a refused upload leaves the previous one in place.</summary>
    public async Task<OperationResult> AttachAsync(RegistrationApplication application, string itemCode, Stream content, string fileName, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State is not (ApplicationState.Draft or ApplicationState.Returned))
        {
            return OperationResult.Fail("Documents", "Org.Validation.NotEditable");
        }

        var rules = await rulesProvider.GetAsync(cancellationToken);
        if (rules.Kind(application.Kind).Documents.All(d => d.Code != itemCode))
        {
            return OperationResult.Fail("Documents", "Org.Validation.UnknownDocument");
        }

        var upload = await files.SaveForOrganizationAsync(content, fileName, application.OrganizationId, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("Documents", upload.ErrorKey!);
        }

        Expect(application, seenVersion);
        foreach (var replaced in application.Documents.Where(d => d.ItemCode == itemCode).ToList())
        {
            // The replaced file is this document's alone (one stored file per upload): nothing refers to it any more.
            application.Documents.Remove(replaced);
            await files.ReleaseAsync(replaced.FileId, cancellationToken);
        }

        application.Documents.Add(new ApplicationDocument { ItemCode = itemCode, FileId = upload.File!.Id, FileName = upload.File.FileName, UploadedAt = clock.GetUtcNow().UtcDateTime });
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (saved.Succeeded)
        {
            await files.PurgeReleasedAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Everything that must hold before submission, including name clashes and the establishment's approved name.</summary>
    public async Task<IReadOnlyList<FormError>> CheckSubmittableAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var rules = await rulesProvider.GetAsync(cancellationToken);
        var form = ReadForm(application);
        var registered = application.Kind == ApplicationKind.Change && application.OrganizationId is { } changingId
            ? await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == changingId, cancellationToken)
            : null;
        var errors = ApplicationValidator.Validate(application.Kind, form, rules, [.. application.Documents.Select(d => d.ItemCode)], registered?.Name).ToList();
        var today = ChinaTime.Today(clock);
        var nameRules = RegisterWriter.NameRulesOf(rules);
        if (application.Kind is ApplicationKind.Establishment or ApplicationKind.Change
            && !string.Equals(form.LegalRepresentative.Trim(), registered?.LegalRepresentative.Trim(), StringComparison.Ordinal)
            && await register.CheckLegalRepresentativeAsync(form.Type, form.LegalRepresentative, registered?.Id, cancellationToken) is { } repError)
        {
            errors.Add(repError);
        }

        switch (application.Kind)
        {
            case ApplicationKind.NameApproval:
                foreach (var name in form.ProposedNames)
                {
                    var check = await names.CheckAsync(name, nameRules, today, null, [application.Id], cancellationToken);
                    if (!check.IsFree)
                    {
                        errors.Add(new FormError("ProposedNames", "Org.Validation.NameClash", name, string.Join("、", check.Clashes)));
                    }
                }

                break;
            case ApplicationKind.Establishment:
                var reservation = await ReservationForAsync(application, cancellationToken);
                if (reservation is null || reservation.ReservedUntil < today || reservation.UsedByOrganizationId is not null)
                {
                    errors.Add(new FormError("NameApplicationId", "Org.Validation.NoApprovedName"));
                }
                else if (nameRules.Normalize(reservation.Name) != nameRules.Normalize(form.Name) || reservation.Type != form.Type)
                {
                    errors.Add(new FormError("Name", "Org.Validation.NameNotReserved", reservation.Name));
                }
                else if (await OtherEstablishmentUsingAsync(application, cancellationToken) is { } other)
                {
                    errors.Add(new FormError("NameApplicationId", "Org.Validation.ReservationInUse", other.ReceiptNumber ?? other.Title));
                }

                break;
            case ApplicationKind.CommunityFiling:
            case ApplicationKind.Change:
                var own = application.Kind == ApplicationKind.Change ? application.OrganizationId : null;
                var nameCheck = await names.CheckAsync(form.Name, nameRules, today, own, [application.Id], cancellationToken);
                if (!nameCheck.IsFree)
                {
                    errors.Add(new FormError("Name", "Org.Validation.NameClash", form.Name, string.Join("、", nameCheck.Clashes)));
                }

                break;
        }

        return errors;
    }

    /// <summary>Submits (or resubmits after 补正); the first submission gets a receipt number.</summary>
    public async Task<OperationResult> SubmitAsync(RegistrationApplication application, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var errors = await CheckSubmittableAsync(application, cancellationToken);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        // The first submission goes to the supervising unit or street office first where one is online (前置审查).
        var preReview = application.State == ApplicationState.Draft ? await parties.TargetAsync(application, ReadForm(application), cancellationToken) : null;
        Expect(application, seenVersion);
        return await InTransactionAsync(async () =>
        {
            var wasReturned = application.State == ApplicationState.Returned;
            var refused = Transition(application, preReview is null ? ApplicationTrigger.Submit : ApplicationTrigger.SubmitForPreReview, null);
            if (refused is not null)
            {
                return refused;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            application.SubmittedAt = now;
            if (preReview is not null)
            {
                application.PreReviewParty = preReview.Party;
                application.PreReviewUnitId = preReview.UnitId;
                application.PreReviewStreet = preReview.Street;
            }
            else if (application.AcceptedOn is null)
            {
                // The 受理 timer (行政许可法 第三十二条) runs from the receipt of the materials to be accepted.
                application.ReceivedOn = ChinaTime.Today(clock);
            }

            if (application.ReceiptNumber is null)
            {
                var year = ChinaTime.Today(clock).Year;
                var number = await sequences.NextAsync($"receipt:DJ:{year}", cancellationToken);
                application.ReceiptNumber = string.Create(CultureInfo.InvariantCulture, $"DJ-{year}-{number:000000}");
            }

            if (wasReturned && application.Corrections.LastOrDefault(c => c.ResubmittedOn is null) is { } open)
            {
                open.ResubmittedOn = ChinaTime.Today(clock);
            }

            var values = Values(application);
            var link = OrganizationLinks.Application(application.Id);
            if (preReview is not null)
            {
                values["partyText"] = "Org.PreReview.Party." + preReview.Party;
                await notifier.NotifyUserAsync(application.ApplicantUserId, "Org.SubmittedForPreReview", values, link, cancellationToken);
                foreach (var account in await parties.AccountsAsync(preReview, cancellationToken))
                {
                    await notifier.NotifyUserAsync(account, "Org.PreReviewRequested", values, OrganizationLinks.PreReviewApplication(application.Id), cancellationToken);
                }

                return await db.SaveOrConflictAsync(cancellationToken);
            }

            await notifier.NotifyUserAsync(application.ApplicantUserId, "Org.Submitted", values, link, cancellationToken);
            await notifier.NotifyPermissionHoldersAsync(OrganizationsPermissions.ReviewApplications, "Org.NewSubmission", values, OrganizationLinks.AdminApplication(application.Id), cancellationToken);
            return await db.SaveOrConflictAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The supervising unit's consent (or refusal) to a 成立, 变更 or 注销 application, or the street office's first review of
    /// a 社区社会组织备案, with its opinion: passing sends the application to the bureau (the 受理 timer of 行政许可法 第三十二条
    /// starts then: the bureau has not received it before), refusing ends it with the opinion as its reason. Only an account
    /// of the unit or street the application is addressed to may answer.
    /// </summary>
    public async Task<OperationResult> PreReviewAsync(RegistrationApplication application, bool pass, string? opinion, string userId, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (!PartyAccess.IsAddressedTo(application, await parties.ScopeAsync(userId, cancellationToken)))
        {
            return OperationResult.Fail("", "Org.Validation.NotYourPreReview");
        }

        var errors = new List<FormError>();
        AddTextError(errors, "Opinion", opinion, 1000, pass ? "Org.Validation.PreReviewOpinionRequired" : "Org.Validation.PreReviewReasonRequired");
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        Expect(application, seenVersion);
        return await InTransactionAsync(async () =>
        {
            var refused = Transition(application, pass ? ApplicationTrigger.PassPreReview : ApplicationTrigger.FailPreReview, opinion);
            if (refused is not null)
            {
                return refused;
            }

            application.PreReviewedBy = actor.Name;
            application.PreReviewedAt = application.UpdatedAt;
            application.PreReviewOpinion = opinion!.Trim();
            var values = Values(application);
            values["partyText"] = "Org.PreReview.Party." + application.PreReviewParty;
            values["note"] = application.PreReviewOpinion;
            if (pass)
            {
                application.ReceivedOn = ChinaTime.Today(clock);
                await notifier.NotifyUserAsync(application.ApplicantUserId, "Org.PreReviewPassed", values, OrganizationLinks.Application(application.Id), cancellationToken);
                await notifier.NotifyPermissionHoldersAsync(OrganizationsPermissions.ReviewApplications, "Org.NewSubmission", values, OrganizationLinks.AdminApplication(application.Id), cancellationToken);
            }
            else
            {
                application.DecisionReason = application.PreReviewOpinion;
                await notifier.NotifyUserAsync(application.ApplicantUserId, "Org.PreReviewRefused", values, OrganizationLinks.Application(application.Id), cancellationToken);
            }

            return await db.SaveOrConflictAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The sign-off chain configured for applications of <paramref name="kind"/> (one step, 批准, unless set).</summary>
    public Task<Core.Review.SignOffChain> ChainAsync(ApplicationKind kind, CancellationToken cancellationToken) =>
        signOffs.ChainAsync(SignOffChainKey(kind), DefaultSignOffSteps, cancellationToken);

    /// <summary>The sign-off entries of an application, superseded ones included.</summary>
    public Task<IReadOnlyList<Core.Review.SignOffEntry>> SignOffEntriesAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return signOffs.EntriesAsync(SignOffSubject, application.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>
    /// An internal step before the decision (承办 with the 拟办意见, 审核 with the 审核意见) during review; the last step of the
    /// chain (批准) is the decision itself (<see cref="DecideAsync(RegistrationApplication, ApplicationTrigger, string?, long, CancellationToken)"/>).
    /// One person cannot take two kinds of step of one application (<see cref="Core.Review.SignOffRules"/>).
    /// </summary>
    public async Task<OperationResult> SignOffAsync(RegistrationApplication application, Core.Review.SignOffStep step, string? opinion, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != ApplicationState.UnderReview)
        {
            return OperationResult.Fail("", "Org.Validation.SignOffNotUnderReview", "Org.State." + application.State);
        }

        var chain = await ChainAsync(application.Kind, cancellationToken);
        if (chain.IsFinal(step))
        {
            return OperationResult.Fail("", "Org.Validation.SignOffIsDecision");
        }

        Expect(application, seenVersion);
        return await InTransactionAsync(async () =>
        {
            var recorded = await signOffs.RecordAsync(chain, SignOffSubject, application.Id.ToString(CultureInfo.InvariantCulture), step, opinion, cancellationToken);
            if (!recorded.Succeeded)
            {
                return recorded;
            }

            // Touching the application makes a concurrent step on it fail on the row version instead of passing both.
            application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            return await db.SaveOrConflictAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The applications under review whose sign-off waits at <paramref name="step"/> (per kind: as many current entries as
    /// the step's place in that kind's chain), for the officers' queue.
    /// </summary>
    public async Task<IQueryable<RegistrationApplication>> WaitingAtAsync(IQueryable<RegistrationApplication> applications, Core.Review.SignOffStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var place = new Dictionary<ApplicationKind, int>();
        foreach (var kind in Enum.GetValues<ApplicationKind>())
        {
            place[kind] = (await ChainAsync(kind, cancellationToken)).Steps.ToList().IndexOf(step);
        }

        // Locals, one per kind, so the query translates (-1: the kind's chain has no such step, nothing matches).
        int nameApproval = place[ApplicationKind.NameApproval], establishment = place[ApplicationKind.Establishment], change = place[ApplicationKind.Change],
            deregistration = place[ApplicationKind.Deregistration], filing = place[ApplicationKind.CommunityFiling];
        var current = signOffs.Current(SignOffSubject);
#pragma warning disable CA1305 // Translated to SQL (a cast to text): no culture is involved, and EF does not translate the overload with a provider.
        return applications
            .Select(a => new { Application = a, Done = current.Count(e => e.SubjectId == a.Id.ToString()) })
            .Where(x => x.Application.State == ApplicationState.UnderReview
                && ((x.Application.Kind == ApplicationKind.NameApproval && x.Done == nameApproval)
                    || (x.Application.Kind == ApplicationKind.Establishment && x.Done == establishment)
                    || (x.Application.Kind == ApplicationKind.Change && x.Done == change)
                    || (x.Application.Kind == ApplicationKind.Deregistration && x.Done == deregistration)
                    || (x.Application.Kind == ApplicationKind.CommunityFiling && x.Done == filing)))
            .Select(x => x.Application);
#pragma warning restore CA1305
    }

    /// <summary>Names another case owner (首办负责人): an enabled account that may review applications; audited.</summary>
    public async Task<OperationResult> AssignOwnerAsync(RegistrationApplication application, string? ownerUserId, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.AcceptedOn is null || ApplicationWorkflow.IsFinal(application.State))
        {
            return OperationResult.Fail("Owner", "Org.Validation.OwnerNotRunning");
        }

        var owner = await OwnerAsync(ownerUserId, cancellationToken);
        if (owner is null)
        {
            return OperationResult.Fail("Owner", "Org.Validation.UnknownOwner");
        }

        Expect(application, seenVersion);
        return await InTransactionAsync(async () =>
        {
            SetOwner(application, owner);
            application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            return await db.SaveOrConflictAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The officers who may own a case (enabled holders of the review permission), by e-mail.</summary>
    public Task<List<RegistryUser>> OwnerCandidatesAsync(CancellationToken cancellationToken) =>
        PermissionHolders.EnabledAsync(db, [OrganizationsPermissions.ReviewApplications], includeAdministrators: false, cancellationToken);

    private async Task<RegistryUser?> OwnerAsync(string? userId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(userId) ? null : (await OwnerCandidatesAsync(cancellationToken)).FirstOrDefault(u => u.Id == userId);

    private void SetOwner(RegistrationApplication application, RegistryUser owner)
    {
        application.OwnerUserId = owner.Id;
        application.OwnerName = string.IsNullOrEmpty(owner.DisplayName) ? owner.Email : owner.DisplayName;
        audit.Record("application.owner", nameof(RegistrationApplication), application.Id.ToString(CultureInfo.InvariantCulture), $"{application.ReceiptNumber}: {application.OwnerName}");
    }

    /// <summary>
    /// Steps of a kind's chain until a recipe or the settings set it: one (批准 alone), as the bureau decided before chains
    /// existed; the demo recipe sets 承办 → 审核 → 批准 for 成立, 变更 and 注销.
    /// </summary>
    public const int DefaultSignOffSteps = 1;

    /// <summary>Subject type of registration applications in the sign-off records.</summary>
    public const string SignOffSubject = nameof(RegistrationApplication);

    /// <summary>The setting key (after <c>SignOff.Chain.</c>) of a kind's chain, e.g. <c>Organizations.Establishment</c>.</summary>
    public static string SignOffChainKey(ApplicationKind kind) => "Organizations." + kind;

    public Task<OperationResult> WithdrawAsync(RegistrationApplication application, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        Expect(application, seenVersion);
        return InTransactionAsync(async () => Transition(application, ApplicationTrigger.Withdraw, null) ?? await db.SaveOrConflictAsync(cancellationToken), cancellationToken);
    }

    /// <summary>An officer's step: accept, return for correction (note = the deficiencies), start review, approve, reject (note = reason).</summary>
    public Task<OperationResult> DecideAsync(RegistrationApplication application, ApplicationTrigger trigger, string? note, long seenVersion, CancellationToken cancellationToken) =>
        DecideAsync(application, trigger, note, seenVersion, null, cancellationToken);

    /// <summary>
    /// As above; on acceptance <paramref name="ownerUserId"/> names the case owner (首办负责人; the accepting officer when
    /// empty). Approval and rejection are the last step of the kind's sign-off chain (批准, the note its opinion): refused
    /// until the earlier steps are signed, and by whoever signed one of them. A return for correction restarts the chain.
    /// </summary>
    public async Task<OperationResult> DecideAsync(RegistrationApplication application, ApplicationTrigger trigger, string? note, long seenVersion, string? ownerUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (ApplicationWorkflow.IsApplicantTrigger(trigger) || ApplicationWorkflow.IsPreReviewTrigger(trigger))
        {
            return OperationResult.Fail("", "Org.Validation.NotAllowed");
        }

        RegistryUser? owner = null;
        if (trigger == ApplicationTrigger.Accept)
        {
            owner = await OwnerAsync(string.IsNullOrEmpty(ownerUserId) ? actor.UserId : ownerUserId, cancellationToken);
            if (owner is null && !string.IsNullOrEmpty(ownerUserId))
            {
                return OperationResult.Fail("Owner", "Org.Validation.UnknownOwner");
            }
        }

        if (trigger is ApplicationTrigger.Return or ApplicationTrigger.Reject && string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", trigger == ApplicationTrigger.Return ? "Org.Validation.DeficienciesRequired" : "Org.Validation.ReasonRequired");
        }

        Expect(application, seenVersion);
        return await InTransactionAsync(async () =>
        {
            if (trigger is ApplicationTrigger.Approve or ApplicationTrigger.Reject && ApplicationWorkflow.Next(application.State, trigger) is not null)
            {
                var chain = await ChainAsync(application.Kind, cancellationToken);
                var signed = await signOffs.RecordAsync(chain, SignOffSubject, application.Id.ToString(CultureInfo.InvariantCulture), chain.Steps[^1], note, cancellationToken);
                if (!signed.Succeeded)
                {
                    return signed;
                }
            }

            var refused = Transition(application, trigger, note);
            if (refused is not null)
            {
                return refused;
            }

            var today = ChinaTime.Today(clock);
            var template = trigger switch
            {
                ApplicationTrigger.Accept => "Org.Accepted",
                ApplicationTrigger.Return => "Org.Returned",
                ApplicationTrigger.Approve => "Org.Approved",
                ApplicationTrigger.Reject => "Org.Rejected",
                _ => null,
            };
            switch (trigger)
            {
                case ApplicationTrigger.Accept:
                    application.AcceptedOn ??= today;
                    if (owner is not null)
                    {
                        SetOwner(application, owner);
                    }

                    break;
                case ApplicationTrigger.Return:
                    application.Corrections.Add(new CorrectionRequest { RequestedOn = today, RequestedBy = actor.Name, Deficiencies = note!.Trim() });
                    // The corrected materials are examined afresh: the sign-off starts again.
                    await signOffs.SupersedeAsync(SignOffSubject, application.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
                    break;
                case ApplicationTrigger.Approve:
                    var effect = await register.ApplyApprovalAsync(application, ReadForm(application), await rulesProvider.GetAsync(cancellationToken), today, cancellationToken);
                    if (!effect.Succeeded)
                    {
                        return effect;
                    }

                    application.DecidedAt = clock.GetUtcNow().UtcDateTime;
                    break;
                case ApplicationTrigger.Reject:
                    application.DecisionReason = note!.Trim();
                    application.DecidedAt = clock.GetUtcNow().UtcDateTime;
                    break;
            }

            if (template is not null)
            {
                // The written notice or decision (行政许可法 第三十二、三十八条) is issued from this event by the documents module.
                outbox.Publish(RegistrationDecided.Topic, new RegistrationDecided(application.Id, application.ReceiptNumber, application.Kind.ToString(), trigger.ToString(),
                    application.Title, application.OrganizationId, application.ApplicantUserId, application.ReceivedOn, application.AcceptedOn, today, note?.Trim()));
                var values = Values(application);
                values["note"] = note?.Trim() ?? "";
                await notifier.NotifyUserAsync(application.ApplicantUserId, template, values, OrganizationLinks.Application(application.Id), cancellationToken);
            }

            return await db.SaveOrConflictAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Extends the period of a running application by the kind's <see cref="KindDefinition.ExtensionDays"/>, once, with the
    /// approval of the bureau's head (行政许可法 第四十二条); the applicant is told the reason and the new dates.
    /// </summary>
    public async Task<OperationResult> ExtendAsync(RegistrationApplication application, string? reason, string? approvedBy, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var kind = (await rulesProvider.GetAsync(cancellationToken)).Kind(application.Kind);
        var errors = new List<FormError>();
        if (kind.ExtensionDays <= 0)
        {
            errors.Add(new FormError("", "Org.Validation.NoExtension"));
        }
        else if (application.ExtendedOn is not null)
        {
            errors.Add(new FormError("", "Org.Validation.AlreadyExtended"));
        }
        else if (application.AcceptedOn is null || application.State is not (ApplicationState.Accepted or ApplicationState.UnderReview))
        {
            errors.Add(new FormError("", "Org.Validation.ExtendNotRunning"));
        }

        AddTextError(errors, "ExtensionReason", reason, 500, "Org.Validation.ExtensionReasonRequired");
        AddTextError(errors, "ExtensionApprovedBy", approvedBy, 100, "Org.Validation.ExtensionApproverRequired");
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        Expect(application, seenVersion);
        return await InTransactionAsync(async () =>
        {
            application.ExtensionDays = kind.ExtensionDays;
            application.ExtensionReason = reason!.Trim();
            application.ExtensionApprovedBy = approvedBy!.Trim();
            application.ExtendedOn = ChinaTime.Today(clock);
            application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(
                "application.extended",
                nameof(RegistrationApplication),
                application.Id.ToString(CultureInfo.InvariantCulture),
                $"{application.ReceiptNumber} +{kind.ExtensionDays} ({application.ExtensionApprovedBy}): {application.ExtensionReason}");
            var values = Values(application);
            values["days"] = kind.ExtensionDays.ToString(CultureInfo.InvariantCulture);
            values["note"] = application.ExtensionReason;
            await notifier.NotifyUserAsync(application.ApplicantUserId, "Org.Extended", values, OrganizationLinks.Application(application.Id), cancellationToken);
            return await db.SaveOrConflictAsync(cancellationToken);
        }, cancellationToken);
    }

    private static void AddTextError(List<FormError> errors, string field, string? value, int maxLength, string requiredKey)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FormError(field, requiredKey));
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(new FormError(field, "Org.Validation.TooLong", maxLength.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// A pending establishment application (submitted, returned for correction, accepted or under review) other than this
    /// one that builds on the same approved name: one reservation serves one establishment.
    /// </summary>
    public Task<ClashingApplication?> OtherEstablishmentUsingAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var nameApplicationId = application.NameApplicationId;
        return db.Set<RegistrationApplication>().AsNoTracking()
            .Where(a => a.Kind == ApplicationKind.Establishment && a.Id != application.Id && a.NameApplicationId == nameApplicationId
                && (a.State == ApplicationState.Submitted || a.State == ApplicationState.Returned || a.State == ApplicationState.Accepted || a.State == ApplicationState.UnderReview))
            .OrderBy(a => a.Id)
            .Select(a => new ClashingApplication(a.Id, a.ReceiptNumber, a.Title))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The reservation behind an establishment application (the approved name application's).</summary>
    public Task<NameReservation?> ReservationForAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return db.Set<NameReservation>().AsNoTracking().SingleOrDefaultAsync(
            r => r.ApplicationId == application.NameApplicationId
                && db.Set<RegistrationApplication>().Any(a => a.Id == r.ApplicationId && a.ApplicantUserId == application.ApplicantUserId),
            cancellationToken);
    }

    private OperationResult? Transition(RegistrationApplication application, ApplicationTrigger trigger, string? note)
    {
        var from = application.State;
        if (ApplicationWorkflow.Next(from, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Org.Validation.TransitionRefused", "Org.State." + from, "Org.Trigger." + trigger);
        }

        application.State = to;
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        application.Events.Add(new ApplicationEvent { At = application.UpdatedAt, UserName = actor.Name, From = from, To = to, Note = note?.Trim() });
        audit.Record(
            "application." + trigger.ToString().ToLowerInvariant(),
            nameof(RegistrationApplication),
            application.Id.ToString(CultureInfo.InvariantCulture),
            $"{application.ReceiptNumber} {application.Kind} {from} → {to}{(string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim())}");
        return null;
    }

    /// <summary>
    /// Declares the version the user acted on; every save of this operation (approval saves midway to get ids) is checked
    /// against it, so a concurrent decision makes this one fail instead of overwriting it.
    /// </summary>
    private void Expect(RegistrationApplication application, long seenVersion) =>
        db.Entry(application).Property(a => a.Version).OriginalValue = seenVersion;

    private async Task<OperationResult> InTransactionAsync(Func<Task<OperationResult>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Already inside a larger unit of work (a recipe): it commits or rolls back as a whole.
            return await ConcurrentSave.OrConflictAsync(work);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await ConcurrentSave.OrConflictAsync(work);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    private static Dictionary<string, string> Values(RegistrationApplication application) => new()
    {
        ["receipt"] = application.ReceiptNumber ?? "",
        ["title"] = application.Title,
    };

    private static string TitleOf(ApplicationKind kind, ApplicationForm form) =>
        kind == ApplicationKind.NameApproval ? string.Join("、", form.ProposedNames) : form.Name;
}
