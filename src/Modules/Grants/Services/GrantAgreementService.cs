using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>
/// An agreement with what decides its money: the mid-term and final outcomes, refunds and the plan's versions.
/// </summary>
public sealed record AgreementRecord(GrantAgreement Agreement, EvaluationOutcome? MidTerm, EvaluationOutcome? Final, IReadOnlyList<GrantRefund> Refunds, IReadOnlyList<AgreementRevision> Revisions)
{
    public TrancheStatus StatusOf(GrantTranche tranche)
    {
        ArgumentNullException.ThrowIfNull(tranche);
        return TranchePayability.Status(tranche.Condition, Agreement.State, MidTerm, Final);
    }

    public long OutstandingRefundFen => Refunds.Sum(r => r.OutstandingFen);

    /// <summary>The revision awaiting the officer's decision, if any.</summary>
    public AgreementRevision? Pending => Revisions.FirstOrDefault(r => r.State == RevisionState.Submitted);

    /// <summary>The plan a new revision is compared with: the one in force.</summary>
    public IReadOnlyList<PlanChange> Diff(AgreementRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var previous = Revisions.Where(r => r.Number < revision.Number && r.State is RevisionState.Original or RevisionState.Accepted).MaxBy(r => r.Number);
        return previous is null ? [] : PlanDiff.Between(previous.Plan, revision.Plan);
    }
}

/// <summary>An award of a round with its agreement (if drawn up) and what was paid on it (fen).</summary>
public sealed record AwardRow(int ApplicationId, string Title, string OrganizationName, string Category, long AwardedFen, int? AgreementId, AgreementState? State, long PaidFen);

/// <summary>
/// The agreement (资助协议) of an award: drawn up by the officer, an optional revised plan and budget (项目优化) the applicant
/// submits and the officer accepts or returns (each version kept, with its diff), signing with the signed file (tranches
/// then created from the round's plan), and closure. Every step is audited and the organization told.
/// </summary>
public sealed class GrantAgreementService(
    DbContext db,
    IFileStore files,
    IOrganizationNotifier organizations,
    INotifier notifier,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const int PageSize = 50;

    public Task<GrantAgreement?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<GrantAgreement>().Include(a => a.Tranches.OrderBy(t => t.Index)).ThenInclude(t => t.Payments.OrderBy(p => p.PaidOn)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The agreement with its outcomes, refunds and revisions (the agreement tracked, the rest read-only).</summary>
    public async Task<AgreementRecord?> FileAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } agreement)
        {
            return null;
        }

        var outcomes = await db.Set<ProgressReport>().AsNoTracking().Where(r => r.AgreementId == id).Select(r => new { r.Kind, r.Outcome }).ToListAsync(cancellationToken);
        var refunds = await db.Set<GrantRefund>().AsNoTracking().Include(r => r.Repayments.OrderBy(p => p.RepaidOn)).Where(r => r.AgreementId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var revisions = await db.Set<AgreementRevision>().AsNoTracking().Where(r => r.AgreementId == id).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        return new AgreementRecord(agreement, outcomes.FirstOrDefault(o => o.Kind == ReportKind.MidTerm)?.Outcome, outcomes.FirstOrDefault(o => o.Kind == ReportKind.Final)?.Outcome, refunds, revisions);
    }

    public Task<GrantRound> RoundOfAsync(GrantAgreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == agreement.RoundId, cancellationToken);
    }

    /// <summary>Agreements of the given organizations, newest first.</summary>
    public Task<List<GrantAgreement>> OfOrganizationsAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken) =>
        db.Set<GrantAgreement>().AsNoTracking().Where(a => organizationIds.Contains(a.OrganizationId)).OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>One page of the round's awards in title order, with their agreements and payments (summed in the database), and the count.</summary>
    public async Task<(IReadOnlyList<AwardRow> Rows, int Total)> AwardsOfRoundAsync(int roundId, int page, CancellationToken cancellationToken)
    {
        var awards = db.Set<GrantApplication>().AsNoTracking().Where(a => a.RoundId == roundId && a.State == GrantState.Awarded);
        var total = await awards.CountAsync(cancellationToken);
        var rows = await (from a in awards
                          join g in db.Set<GrantAgreement>().AsNoTracking() on a.Id equals g.ApplicationId into agreements
                          from g in agreements.DefaultIfEmpty()
                          orderby a.Title, a.Id
                          select new AwardRow(a.Id, a.Title, a.OrganizationName, a.Category, a.AwardedFen ?? 0, g == null ? null : g.Id, g == null ? null : g.State,
                              db.Set<GrantPayment>().Where(p => g != null && p.AgreementId == g.Id).Sum(p => (long?)p.AmountFen) ?? 0))
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>
    /// Draws up the agreement of an awarded application: the award as the agreed amount, the submitted plan and budget as
    /// version 0. With <paramref name="revisionRequest"/> the applicant is asked for a revised plan first.
    /// </summary>
    public async Task<(OperationResult Result, GrantAgreement? Agreement)> CreateAsync(GrantApplication application, string? revisionRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != GrantState.Awarded || application.AwardedFen is not > 0 || application.StartOn is null || application.EndOn is null)
        {
            return (OperationResult.Fail("", "Grant.Error.WrongState"), null);
        }

        if (revisionRequest?.Length > 2000)
        {
            return (OperationResult.Fail("RevisionRequest", "Validation.MaxLength", "Grant.Project.Field.RevisionRequest", 2000), null);
        }

        if (await db.Set<GrantAgreement>().AnyAsync(a => a.ApplicationId == application.Id, cancellationToken))
        {
            return (OperationResult.Fail("", "Grant.Project.Error.AgreementExists"), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = AgreementPlan.Of(application, GrantApplicationService.Indicators(application));
        var asked = !string.IsNullOrWhiteSpace(revisionRequest);
        var agreement = new GrantAgreement
        {
            ApplicationId = application.Id,
            RoundId = application.RoundId,
            OrganizationId = application.OrganizationId,
            OrganizationName = application.OrganizationName,
            Title = application.Title,
            Category = application.Category,
            AgreedFen = application.AwardedFen.Value,
            MatchingFen = application.MatchingFen,
            StartOn = application.StartOn.Value,
            EndOn = application.EndOn.Value,
            State = asked ? AgreementState.AwaitingRevision : AgreementState.Drafting,
            RevisionRequest = asked ? revisionRequest!.Trim() : null,
            Plan = plan,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        db.Add(agreement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two officers at once: the unique application index lets one agreement in.
            db.ChangeTracker.Clear();
            return (OperationResult.Fail("", "Grant.Project.Error.AgreementExists"), null);
        }

        db.Add(new AgreementRevision { AgreementId = agreement.Id, Number = 0, State = RevisionState.Original, Plan = plan, SubmittedBy = application.OrganizationName, SubmittedAt = application.SubmittedAt ?? now });
        audit.Record("grants.agreement-created", nameof(GrantAgreement), Id(agreement), $"{agreement.OrganizationName}: {agreement.Title}, {new Money(agreement.AgreedFen).Format()}{(asked ? " — revision asked: " + agreement.RevisionRequest : "")}");
        await NotifyAsync(agreement, asked ? "Grant.Project.RevisionRequested" : "Grant.Project.AgreementDrawn", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return (OperationResult.Ok, agreement);
    }

    /// <summary>The officer asks for a revised plan and budget (项目优化) before signing.</summary>
    public async Task<OperationResult> RequestRevisionAsync(GrantAgreement agreement, string? request, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (AgreementWorkflow.Next(agreement.State, AgreementTrigger.RequestRevision) is null)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        if (Required(request, "RevisionRequest", "Grant.Project.Field.RevisionRequest") is { } error)
        {
            return error;
        }

        db.ExpectVersion(agreement, seenVersion);
        agreement.RevisionRequest = request!.Trim();
        if (Transition(agreement, AgreementTrigger.RequestRevision, agreement.RevisionRequest) is { } refused)
        {
            return refused;
        }

        await NotifyAsync(agreement, "Grant.Project.RevisionRequested", cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// The applicant submits the revised plan and budget: checked against the round's budget rules, and the grant part
    /// must equal the agreed amount. Kept as a new version; the officers are told.
    /// </summary>
    public async Task<OperationResult> SubmitRevisionAsync(GrantAgreement agreement, AgreementPlan plan, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(plan);
        var revisions = await db.Set<AgreementRevision>().Where(r => r.AgreementId == agreement.Id).ToListAsync(cancellationToken);
        if (agreement.State != AgreementState.AwaitingRevision || revisions.Any(r => r.State == RevisionState.Submitted))
        {
            return OperationResult.Fail("", "Grant.Project.Error.NoRevisionAsked");
        }

        var round = await RoundOfAsync(agreement, cancellationToken);
        var errors = PlanErrors(round, agreement, plan);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(agreement, seenVersion);
        var number = revisions.Max(r => r.Number) + 1;
        db.Add(new AgreementRevision { AgreementId = agreement.Id, Number = number, State = RevisionState.Submitted, Plan = plan, SubmittedBy = actor.Name, SubmittedAt = clock.GetUtcNow().UtcDateTime });
        Touch(agreement);
        audit.Record("grants.revision-submitted", nameof(GrantAgreement), Id(agreement), $"version {number}: {new Money(plan.RequestedFen).Format()} + {new Money(plan.MatchingFen).Format()}");
        await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.Project.RevisionSubmitted", Values(agreement), GrantLinks.AdminAgreement(agreement.Id), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The officer accepts the pending revision: it becomes the plan in force, the agreement can be signed.</summary>
    public Task<OperationResult> AcceptRevisionAsync(GrantAgreement agreement, long seenVersion, CancellationToken cancellationToken) =>
        DecideRevisionAsync(agreement, accept: true, note: null, seenVersion, cancellationToken);

    /// <summary>The officer returns the pending revision with the reason; the applicant submits again.</summary>
    public Task<OperationResult> ReturnRevisionAsync(GrantAgreement agreement, string? note, long seenVersion, CancellationToken cancellationToken) =>
        DecideRevisionAsync(agreement, accept: false, note, seenVersion, cancellationToken);

    /// <summary>
    /// Signs: the signed date (not in the future) and the signed file (type and size checked by the file store). The
    /// tranches are created from the round's plan and always add up to the agreed amount.
    /// </summary>
    public async Task<OperationResult> SignAsync(GrantAgreement agreement, DateOnly? signedOn, Stream? content, string? fileName, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (AgreementWorkflow.Next(agreement.State, AgreementTrigger.Sign) is null)
        {
            return OperationResult.Fail("", agreement.State == AgreementState.AwaitingRevision ? "Grant.Project.Error.RevisionPending" : "Grant.Error.WrongState");
        }

        var today = ChinaTime.Today(clock);
        if (signedOn is not { } day)
        {
            return OperationResult.Fail("SignedOn", "Validation.Required", "Grant.Project.Field.SignedOn");
        }

        if (day > today)
        {
            return OperationResult.Fail("SignedOn", "Grant.Project.Error.FutureDate");
        }

        if (content is null || string.IsNullOrEmpty(fileName))
        {
            return OperationResult.Fail("SignedFile", "Validation.Required", "Grant.Project.Field.SignedFile");
        }

        var round = await RoundOfAsync(agreement, cancellationToken);
        var upload = await files.SaveAsync(content, fileName, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("SignedFile", upload.ErrorKey!);
        }

        db.ExpectVersion(agreement, seenVersion);
        agreement.SignedOn = day;
        agreement.SignedFileId = upload.File!.Id;
        agreement.SignedFileName = upload.File.FileName;
        agreement.Tranches = [.. TrancheSplit.Split(agreement.AgreedFen, round.TranchePlan).Select(s => new GrantTranche { Index = s.Index, Percent = s.Percent, DueFen = s.DueFen, Condition = s.Condition })];
        if (Transition(agreement, AgreementTrigger.Sign,
            $"signed {day:yyyy-MM-dd}, {upload.File.FileName}; tranches {string.Join(" / ", agreement.Tranches.Select(t => new Money(t.DueFen).Format()))}") is { } refused)
        {
            return refused;
        }

        await NotifyAsync(agreement, "Grant.Project.Signed", cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Replaces the signed file (e.g. a better scan); a refused upload keeps the previous file.</summary>
    public async Task<OperationResult> ReplaceSignedFileAsync(GrantAgreement agreement, Stream? content, string? fileName, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.State is not (AgreementState.Signed or AgreementState.Closed))
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        if (content is null || string.IsNullOrEmpty(fileName))
        {
            return OperationResult.Fail("SignedFile", "Validation.Required", "Grant.Project.Field.SignedFile");
        }

        var upload = await files.SaveAsync(content, fileName, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("SignedFile", upload.ErrorKey!);
        }

        db.ExpectVersion(agreement, seenVersion);
        var previous = agreement.SignedFileName;
        agreement.SignedFileId = upload.File!.Id;
        agreement.SignedFileName = upload.File.FileName;
        Touch(agreement);
        audit.Record("grants.agreement-file-replaced", nameof(GrantAgreement), Id(agreement), $"{previous} → {upload.File.FileName}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Closes the project once the final evaluation passed and all money is settled (see <see cref="ClosureRules"/>).</summary>
    public async Task<OperationResult> CloseAsync(GrantAgreement agreement, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var file = (await FileAsync(agreement.Id, cancellationToken))!;
        var errors = ClosureRules.Check(agreement, file.MidTerm, file.Final, file.OutstandingRefundFen);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(agreement, seenVersion);
        if (Transition(agreement, AgreementTrigger.Close, $"{agreement.Title}: {file.Final}, paid {new Money(agreement.PaidFen).Format()}") is { } refused)
        {
            return refused;
        }

        agreement.ClosedOn = ChinaTime.Today(clock);
        agreement.Result = file.Final;
        await NotifyAsync(agreement, "Grant.Project.Closed", cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Every problem with a revised plan under the round's budget rules, plus: the grant part is the agreed amount.</summary>
    public static IReadOnlyList<FormError> PlanErrors(GrantRound round, GrantAgreement agreement, AgreementPlan plan)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(plan.Objectives))
        {
            errors.Add(new FormError("Objectives", "Validation.Required", "Grant.Field.Objectives"));
        }

        if (string.IsNullOrWhiteSpace(plan.ActivityPlan))
        {
            errors.Add(new FormError("ActivityPlan", "Validation.Required", "Grant.Field.ActivityPlan"));
        }

        if (plan.Objectives.Length > 5000 || plan.ActivityPlan.Length > 8000 || plan.Lines.Count > GrantApplicationService.MaxLines || plan.Indicators.Count > 20
            || plan.Lines.Any(l => l.Item.Length > 200) || plan.Indicators.Any(i => i.Name.Length > 200 || i.Target.Length > 200))
        {
            errors.Add(new FormError("", "Grant.Project.Error.TooLong"));
        }

        if (plan.Indicators.Count == 0)
        {
            errors.Add(new FormError("Indicators", "Validation.Required", "Grant.Field.Indicators"));
        }

        // The round's own budget rules, on the revised budget as if it were the application's.
        var asApplication = new GrantApplication
        {
            Category = agreement.Category,
            StartOn = plan.StartOn == default ? null : plan.StartOn,
            EndOn = plan.EndOn == default ? null : plan.EndOn,
            BudgetLines = [.. plan.Lines.Select((l, i) => new BudgetLine { Position = i, Category = l.Category, Item = l.Item, RequestedFen = l.RequestedFen, MatchingFen = l.MatchingFen })],
        };
        errors.AddRange(BudgetRules.Check(round, asApplication).Where(e => e.Key != "Grant.Error.OverCap"));
        if (plan.RequestedFen != agreement.AgreedFen)
        {
            errors.Add(new FormError("", "Grant.Project.Error.RevisedTotal", new Money(agreement.AgreedFen).Format(), new Money(plan.RequestedFen).Format()));
        }

        return errors;
    }

    private async Task<OperationResult> DecideRevisionAsync(GrantAgreement agreement, bool accept, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var pending = await db.Set<AgreementRevision>().SingleOrDefaultAsync(r => r.AgreementId == agreement.Id && r.State == RevisionState.Submitted, cancellationToken);
        if (agreement.State != AgreementState.AwaitingRevision || pending is null)
        {
            return OperationResult.Fail("", "Grant.Project.Error.NoRevisionPending");
        }

        if (!accept && Required(note, "Note", "Grant.Project.Field.ReturnNote") is { } error)
        {
            return error;
        }

        db.ExpectVersion(agreement, seenVersion);
        if (RevisionWorkflow.Next(pending.State, accept ? RevisionTrigger.Accept : RevisionTrigger.Return) is not { } decided
            || (accept && AgreementWorkflow.Next(agreement.State, AgreementTrigger.AcceptRevision) is null))
        {
            return OperationResult.Fail("", "Grant.Project.Error.NoRevisionPending");
        }

        pending.State = decided;
        pending.DecidedBy = actor.Name;
        pending.DecidedAt = clock.GetUtcNow().UtcDateTime;
        pending.Note = accept ? null : note!.Trim();
        if (accept)
        {
            var plan = pending.Plan;
            agreement.Plan = plan;
            agreement.MatchingFen = plan.MatchingFen;
            agreement.StartOn = plan.StartOn;
            agreement.EndOn = plan.EndOn;
            agreement.RevisionRequest = null;
            Transition(agreement, AgreementTrigger.AcceptRevision, $"version {pending.Number}");
        }
        else
        {
            Touch(agreement);
            audit.Record("grants.revision-returned", nameof(GrantAgreement), Id(agreement), $"version {pending.Number}: {pending.Note}");
        }

        var values = Values(agreement);
        values["reason"] = pending.Note ?? "";
        await organizations.NotifyAsync(agreement.OrganizationId, accept ? "Grant.Project.RevisionAccepted" : "Grant.Project.RevisionReturned", values, Link(agreement), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// The one way an agreement changes state: through <see cref="AgreementWorkflow"/>, touching the agreement and recording
    /// the audit entry; saved by the caller. Returns the refusal, or null when done.
    /// </summary>
    private OperationResult? Transition(GrantAgreement agreement, AgreementTrigger trigger, string detail)
    {
        if (AgreementWorkflow.Next(agreement.State, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        agreement.State = to;
        Touch(agreement);
        audit.Record(AuditAction(trigger), nameof(GrantAgreement), Id(agreement), detail);
        return null;
    }

    private static string AuditAction(AgreementTrigger trigger) => trigger switch
    {
        AgreementTrigger.RequestRevision => "grants.revision-requested",
        AgreementTrigger.AcceptRevision => "grants.revision-accepted",
        AgreementTrigger.Sign => "grants.agreement-signed",
        AgreementTrigger.Close => "grants.agreement-closed",
        _ => "grants.agreement-" + trigger.ToString().ToLowerInvariant(),
    };

    private static OperationResult? Required(string? text, string field, string label) =>
        string.IsNullOrWhiteSpace(text) ? OperationResult.Fail(field, "Validation.Required", label)
        : text.Length > 2000 ? OperationResult.Fail(field, "Validation.MaxLength", label, 2000)
        : null;

    private void Touch(GrantAgreement agreement) => Touch(db, agreement, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Marks the agreement changed, so its row version is checked and bumped even when only its children change (a payment,
    /// a revision) and the time is the same as the last save's.
    /// </summary>
    internal static void Touch(DbContext db, GrantAgreement agreement, DateTime now)
    {
        agreement.UpdatedAt = now;
        db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = true;
    }

    private Task NotifyAsync(GrantAgreement agreement, string template, CancellationToken cancellationToken) =>
        organizations.NotifyAsync(agreement.OrganizationId, template, Values(agreement), Link(agreement), cancellationToken);

    internal static string Link(GrantAgreement agreement) => GrantLinks.Agreement(agreement.Id);

    internal static string Id(GrantAgreement agreement) => agreement.Id.ToString(CultureInfo.InvariantCulture);

    internal static Dictionary<string, string> Values(GrantAgreement agreement) => new()
    {
        ["organization"] = agreement.OrganizationName,
        ["title"] = agreement.Title,
        ["amount"] = new Money(agreement.AgreedFen).Format(),
        ["request"] = agreement.RevisionRequest ?? "",
    };
}

/// <summary>The signed agreement file: the organization's members (officers read every file).</summary>
internal sealed class SignedAgreementAccessRule(DbContext db, IOrganizationRegister register) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var organizationIds = await db.Set<GrantAgreement>().Where(a => a.SignedFileId == file.Id).Select(a => a.OrganizationId).ToListAsync(cancellationToken);
        return organizationIds.Count > 0 && user.UserId() is { } userId
            && (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Intersect(organizationIds).Any();
    }
}
