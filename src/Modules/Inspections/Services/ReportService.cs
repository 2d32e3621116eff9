using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>What an officer records when concluding a report.</summary>
public sealed record ResultDecision(InspectionResult Result, string? Reasons, string? RectificationRequirements, DateOnly? RectificationDueOn);

/// <summary>
/// Runs an annual report from draft to result and rectification, with an audit entry and a notification on every step.
/// Every change states the version the user saw: a concurrent change is reported, never overwritten.
/// </summary>
public sealed class ReportService(
    DbContext db,
    IFileStore files,
    CreditListService creditLists,
    IOrganizationNotifier organizations,
    ISupervisingUnits units,
    INotifier notifier,
    IOutbox outbox,
    IAuditTrail audit,
    ICurrentActor actor,
    ISignOffs signOffs,
    IOrganizationRegister register,
    ITextCatalog catalog,
    TimeProvider clock)
{
    /// <summary>The chain key of the annual-inspection result (one step, 批准, unless the administrator sets more).</summary>
    public const string SignOffChainKey = "Inspections.Result";

    public const int DefaultSignOffSteps = 1;

    public const string SignOffSubject = nameof(AnnualReport);

    private static readonly CultureInfo Bureau = CultureInfo.GetCultureInfo("zh-CN");

    public Task<AnnualReport?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<AnnualReport>().Include(r => r.Documents).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<InspectionCampaign> CampaignOfAsync(AnnualReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return db.Set<InspectionCampaign>().AsNoTracking().SingleAsync(c => c.Id == report.CampaignId, cancellationToken);
    }

    /// <summary>The organizations' reports, newest year first (the applicant's overview).</summary>
    public Task<List<AnnualReport>> OfOrganizationsAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken) =>
        db.Set<AnnualReport>().AsNoTracking().Where(r => organizationIds.Contains(r.OrganizationId))
            .OrderByDescending(r => r.Year).ThenBy(r => r.OrganizationName).ToListAsync(cancellationToken);

    /// <summary>
    /// The pre-filled fields still marked on a report: stored once it was saved; for a report not started yet, what it
    /// opens with (<see cref="ReportPrefill.Suggest"/>: the latest earlier report the organization filed, else the register).
    /// </summary>
    public async Task<IReadOnlyList<PrefilledField>> PrefillAsync(AnnualReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != ReportState.NotStarted || !ReportPrefill.IsBlank(report.Content))
        {
            return ReportPrefill.Read(report.PrefillJson);
        }

        var filed = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.OrganizationId == report.OrganizationId && r.Year < report.Year
                && (r.State == ReportState.Submitted || r.State == ReportState.UnitReview || r.State == ReportState.Concluded))
            .OrderByDescending(r => r.Year).Take(3).ToListAsync(cancellationToken);
        // An imported result may come without its paper content: the latest report that says something counts.
        var previous = filed.FirstOrDefault(r => !ReportPrefill.IsBlank(r.Content));
        var organization = previous is null ? await register.FactsAsync(report.OrganizationId, cancellationToken) : null;
        return ReportPrefill.Suggest(previous?.Content, organization?.IndividualMembers ?? 0, organization?.UnitMembers ?? 0);
    }

    /// <summary>The content a report opens with: its own, or the pre-filled one while not started (see <see cref="PrefillAsync"/>).</summary>
    public async Task<(ReportContent Content, IReadOnlyList<PrefilledField> Prefilled)> OpeningContentAsync(AnnualReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var prefilled = await PrefillAsync(report, cancellationToken);
        if (report.State != ReportState.NotStarted || prefilled.Count == 0)
        {
            return (report.Content, prefilled);
        }

        var content = new ReportContent();
        ReportPrefill.Apply(content, prefilled);
        return (content, prefilled);
    }

    /// <summary>Saves a draft confirming no pre-filled section (only values changed lose their mark).</summary>
    public Task<OperationResult> SaveDraftAsync(AnnualReport report, ReportContent content, long seenVersion, CancellationToken cancellationToken) =>
        SaveDraftAsync(report, content, new HashSet<PrefillSection>(), seenVersion, cancellationToken);

    /// <summary>
    /// Saves the applicant's draft; the pre-filled fields the applicant changed, or whose section they confirmed
    /// (<paramref name="confirmed"/>), are no longer marked.
    /// </summary>
    public async Task<OperationResult> SaveDraftAsync(AnnualReport report, ReportContent content, IReadOnlySet<PrefillSection> confirmed, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(confirmed);
        if (!report.IsEditableByOrganization)
        {
            return OperationResult.Fail("", "Insp.Error.NotEditable");
        }

        var marks = await PrefillAsync(report, cancellationToken);
        db.ExpectVersion(report, seenVersion);
        var left = ReportPrefill.Reconcile(marks, content, confirmed);
        if (left.Count < marks.Count)
        {
            audit.Record("inspections.prefill-confirmed", nameof(AnnualReport), Id(report),
                $"{report.OrganizationName} {report.Year}: {string.Join(", ", marks.Except(left).Select(m => m.Field))}");
        }

        report.PrefillJson = ReportPrefill.Write(left);
        report.Content = content;
        if (report.State == ReportState.NotStarted)
        {
            Transition(report, ReportTrigger.Start, report.OrganizationName);
        }

        Touch(report);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Records the content of a report filed on paper (a recipe, alongside the imported results): whatever its state,
    /// checked as a submission's figures are (no negative amount, the net-asset identity, party members), audited.
    /// </summary>
    public async Task<OperationResult> RecordPaperContentAsync(AnnualReport report, ReportContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        // The paper report's documents stay on paper: only the figures and texts are checked.
        var errors = ReportValidator.Validate(content, auditRequired: false, ReportDocuments.All);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        report.Content = content;
        report.PrefillJson = null;
        Touch(report);
        audit.Record("inspections.report-content-recorded", nameof(AnnualReport), Id(report), $"{report.OrganizationName} {report.Year}");
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Attaches a file to a checklist item; a refused file leaves the previous one in place.</summary>
    public async Task<OperationResult> AttachAsync(AnnualReport report, string itemCode, Stream content, string fileName, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsEditableByOrganization)
        {
            return OperationResult.Fail("", "Insp.Error.NotEditable");
        }

        if (!ReportDocuments.All.Contains(itemCode))
        {
            return OperationResult.Fail("", "Insp.Error.UnknownDocument");
        }

        var upload = await files.SaveForOrganizationAsync(content, fileName, report.OrganizationId, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("", upload.ErrorKey!);
        }

        db.ExpectVersion(report, seenVersion);
        foreach (var replaced in report.Documents.Where(d => d.ItemCode == itemCode).ToList())
        {
            // One stored file per upload: the replaced one is referred to by nothing else.
            report.Documents.Remove(replaced);
            await files.ReleaseAsync(replaced.FileId, cancellationToken);
        }

        report.Documents.Add(new ReportDocument { ItemCode = itemCode, FileId = upload.File!.Id, FileName = upload.File.FileName, UploadedAt = clock.GetUtcNow().UtcDateTime });
        if (report.State == ReportState.NotStarted)
        {
            Transition(report, ReportTrigger.Start, report.OrganizationName);
        }

        Touch(report);
        var saved = await SaveAsync(cancellationToken);
        if (saved.Succeeded)
        {
            await files.PurgeReleasedAsync(cancellationToken);
        }

        return saved;
    }

    public async Task<OperationResult> SubmitAsync(AnnualReport report, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (AnnualReportWorkflow.Next(report.State, ReportTrigger.Submit) is null)
        {
            return OperationResult.Fail("", "Insp.Error.NotEditable");
        }

        var errors = ReportValidator.Validate(report.Content, report.AuditRequired, [.. report.Documents.Select(d => d.ItemCode)]).ToList();
        // The applicant answers for every figure filed: pre-filled ones are confirmed (or changed) first.
        errors.AddRange(ReportPrefill.Unconfirmed(await PrefillAsync(report, cancellationToken))
            .Select(section => new FormError("Confirm" + section, "Insp.Prefill.Unconfirmed", "Insp.Prefill.Section." + section)));
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(report, seenVersion);
        if (await FileAsync(report, ChinaTime.Today(clock), cancellationToken) is { } refused)
        {
            return refused;
        }

        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Files a report whose content was recorded from paper (a recipe): its figures checked as a submission's are, its
    /// documents staying on paper, dated <paramref name="filedOn"/>; to the supervising unit first when it answers online.
    /// </summary>
    public async Task<OperationResult> FilePaperReportAsync(AnnualReport report, DateOnly filedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = ReportValidator.Validate(report.Content, auditRequired: false, ReportDocuments.All);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        if (await FileAsync(report, filedOn, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Files the report on <paramref name="filedOn"/>: to the organization's supervising unit for 初审 when it answers
    /// online (its accounts are told), else straight to the bureau; the caller saves.
    /// </summary>
    private async Task<OperationResult?> FileAsync(AnnualReport report, DateOnly filedOn, CancellationToken cancellationToken)
    {
        var campaign = await CampaignOfAsync(report, cancellationToken);
        var unit = await units.OnlineUnitOfAsync(report.OrganizationId, cancellationToken);
        report.SubmittedLate = report.SubmittedLate || filedOn > campaign.DeadlineFor(report.TypeCode);
        var trigger = unit is null ? ReportTrigger.Submit : ReportTrigger.SubmitToUnit;
        if (Transition(report, trigger, $"{report.OrganizationName} {report.Year}{(unit is null ? "" : $" → {unit.Name}")}{(report.SubmittedLate ? " (late)" : "")}") is { } refused)
        {
            return refused;
        }

        report.SubmittedAt = filedOn == ChinaTime.Today(clock) ? report.UpdatedAt : ChinaTime.StartUtc(filedOn);
        report.ReturnNote = null;
        report.UnitId = unit?.Id;
        report.UnitName = unit?.Name;
        report.UnitOutcome = null;
        report.UnitOpinion = null;
        report.UnitReviewedAt = null;
        report.UnitReviewedBy = null;
        await creditLists.RequestExitAsync(report.OrganizationId, report.Year, EntryCause.LateAnnualReport, filedOn, cancellationToken);
        if (unit is null)
        {
            await notifier.NotifyPermissionHoldersAsync(InspectionsPermissions.Review, "Insp.ReportSubmitted", Values(report), AdminLink(report), cancellationToken);
        }
        else
        {
            foreach (var account in await units.AccountsAsync(unit.Id, cancellationToken))
            {
                await notifier.NotifyUserAsync(account, "Insp.UnitReportArrived", Values(report), InspectionLinks.UnitReport(report.Id), cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// The supervising unit's 初审 of a report addressed to it (<paramref name="unitId"/>): agreed, it goes on to the bureau;
    /// returned, back to the organization with the opinion as the reason. The opinion is required either way.
    /// </summary>
    public async Task<OperationResult> UnitReviewAsync(AnnualReport report, int unitId, UnitReviewOutcome outcome, string? opinion, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var trigger = outcome == UnitReviewOutcome.Agreed ? ReportTrigger.UnitAgree : ReportTrigger.UnitReturn;
        if (report.UnitId != unitId || AnnualReportWorkflow.Next(report.State, trigger) is null)
        {
            return OperationResult.Fail("", "Insp.Error.NotWithUnit");
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            return OperationResult.Fail("Opinion", "Validation.Required", "Insp.Field.UnitOpinion");
        }

        if (opinion.Length > ReportValidator.MaxTextLength)
        {
            return OperationResult.Fail("Opinion", "Validation.MaxLength", "Insp.Field.UnitOpinion", ReportValidator.MaxTextLength);
        }

        db.ExpectVersion(report, seenVersion);
        var text = opinion.Trim();
        if (Transition(report, trigger, $"{report.UnitName}: {text}") is { } refused)
        {
            return refused;
        }

        report.UnitOutcome = outcome;
        report.UnitOpinion = text;
        report.UnitReviewedAt = report.UpdatedAt;
        report.UnitReviewedBy = actor.Name;
        if (outcome == UnitReviewOutcome.Agreed)
        {
            await notifier.NotifyPermissionHoldersAsync(InspectionsPermissions.Review, "Insp.UnitAgreed", Values(report), AdminLink(report), cancellationToken);
        }
        else
        {
            report.ReturnNote = text;
            await organizations.NotifyAsync(report.OrganizationId, "Insp.UnitReturned", Values(report), OrgLink(report), cancellationToken);
        }

        return await SaveAsync(cancellationToken);
    }

    public async Task<OperationResult> ReturnAsync(AnnualReport report, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (AnnualReportWorkflow.Next(report.State, ReportTrigger.Return) is null)
        {
            return OperationResult.Fail("", "Insp.Error.NotSubmitted");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", "Validation.Required", "Insp.Field.ReturnNote");
        }

        db.ExpectVersion(report, seenVersion);
        report.ReturnNote = note.Trim();
        if (Transition(report, ReportTrigger.Return, report.ReturnNote) is { } refused)
        {
            return refused;
        }

        // The internal sign-off starts again on the corrected report.
        await signOffs.SupersedeAsync(SignOffSubject, Id(report), cancellationToken);
        await organizations.NotifyAsync(report.OrganizationId, "Insp.ReportReturned", Values(report), OrgLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    public Task<SignOffChain> SignOffChainAsync(CancellationToken cancellationToken) =>
        signOffs.ChainAsync(SignOffChainKey, DefaultSignOffSteps, cancellationToken);

    /// <summary>The sign-off entries of a report's result, superseded ones (before a return) included.</summary>
    public Task<IReadOnlyList<SignOffEntry>> SignOffEntriesAsync(AnnualReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return signOffs.EntriesAsync(SignOffSubject, Id(report), cancellationToken);
    }

    /// <summary>
    /// An internal step before the result (承办 with the 拟办意见, 审核 with the 审核意见) on a filed report; the chain's last
    /// step (批准) is the result itself. One person never takes two kinds of step of one report.
    /// </summary>
    public async Task<OperationResult> SignOffAsync(AnnualReport report, SignOffStep step, string? opinion, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != ReportState.Submitted)
        {
            return OperationResult.Fail("", "Insp.Error.NotSubmitted");
        }

        var chain = await SignOffChainAsync(cancellationToken);
        if (!Enum.IsDefined(step) || chain.IsFinal(step))
        {
            return OperationResult.Fail("", "Insp.SignOff.IsDecision");
        }

        db.ExpectVersion(report, seenVersion);
        var recorded = await signOffs.RecordAsync(chain, SignOffSubject, Id(report), step, opinion, cancellationToken);
        if (!recorded.Succeeded)
        {
            return recorded;
        }

        // Touching the report makes a concurrent step on it fail on the row version instead of passing both.
        Touch(report);
        return await SaveAsync(cancellationToken);
    }

    public static IReadOnlyList<FormError> Validate(ResultDecision decision, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var errors = new List<FormError>();
        if (decision.Result == InspectionResult.Qualified)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(decision.Reasons))
        {
            errors.Add(new FormError("Reasons", "Validation.Required", "Insp.Field.Reasons"));
        }

        if (string.IsNullOrWhiteSpace(decision.RectificationRequirements))
        {
            errors.Add(new FormError("RectificationRequirements", "Validation.Required", "Insp.Field.RectificationRequirements"));
        }

        if (decision.RectificationDueOn is not { } due)
        {
            errors.Add(new FormError("RectificationDueOn", "Validation.Required", "Insp.Field.RectificationDueOn"));
        }
        else if (due <= today)
        {
            errors.Add(new FormError("RectificationDueOn", "Insp.Error.DueInPast"));
        }

        return errors;
    }

    /// <summary>Records 合格 / 基本合格 / 不合格; the latter two require rectification by a due date.</summary>
    public async Task<OperationResult> RecordResultAsync(AnnualReport report, ResultDecision decision, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(decision);
        if (AnnualReportWorkflow.Next(report.State, ReportTrigger.Conclude) is null)
        {
            return OperationResult.Fail("", "Insp.Error.NotSubmitted");
        }

        var today = ChinaTime.Today(clock);
        var errors = Validate(decision, today);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(report, seenVersion);
        // The result is the chain's last step (批准): refused until the earlier steps are signed, and by whoever signed one.
        var chain = await SignOffChainAsync(cancellationToken);
        if (chain.Waiting(await SignOffEntriesAsync(report, cancellationToken)) is { } waiting && !chain.IsFinal(waiting))
        {
            return OperationResult.Fail("", "Insp.SignOff.NotReady", "Core.SignOff.Step." + waiting);
        }

        var resultText = catalog.Find("Insp.Result." + decision.Result, Bureau) ?? decision.Result.ToString();
        var opinion = string.IsNullOrWhiteSpace(decision.Reasons) ? resultText : $"{resultText}: {decision.Reasons.Trim()}";
        var signed = await signOffs.RecordAsync(chain, SignOffSubject, Id(report), chain.Steps[^1],
            opinion.Length <= SignOffRules.MaxOpinionLength ? opinion : opinion[..SignOffRules.MaxOpinionLength], cancellationToken);
        if (!signed.Succeeded)
        {
            return signed;
        }

        if (Conclude(report, decision, today, imported: false) is { } refused)
        {
            return refused;
        }

        await creditLists.VerifyFulfilmentAsync(report.OrganizationId, report.Year, EntryCause.LateAnnualReport, today, cancellationToken);
        await organizations.NotifyAsync(report.OrganizationId, "Insp.Result" + decision.Result, Values(report), OrgLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Applies a result (online review or import) through the report's and the rectification's transitions, with the feed
    /// message; the caller saves. Returns the refusal, or null when done.
    /// </summary>
    internal OperationResult? Conclude(AnnualReport report, ResultDecision decision, DateOnly today, bool imported)
    {
        var rectify = decision.Result != InspectionResult.Qualified;
        if (Transition(report, imported ? ReportTrigger.Import : ReportTrigger.Conclude,
            $"{report.OrganizationName} {report.Year}: {decision.Result}{(rectify ? $", rectify by {decision.RectificationDueOn:yyyy-MM-dd}" : "")}") is { } refused)
        {
            return refused;
        }

        report.Result = decision.Result;
        report.ResultReasons = decision.Reasons?.Trim();
        report.ResultOn = today;
        report.ResultBy = actor.Name;
        report.Imported = imported;
        if (rectify && Transition(report, RectificationTrigger.Require, $"by {decision.RectificationDueOn:yyyy-MM-dd}") is { } notRequired)
        {
            return notRequired;
        }

        report.RectificationRequirements = rectify ? decision.RectificationRequirements?.Trim() : null;
        report.RectificationDueOn = rectify ? decision.RectificationDueOn : null;
        outbox.Publish(InspectionResultRecorded.Topic, new InspectionResultRecorded(report.OrganizationId, report.Year, decision.Result.ToString()));
        return null;
    }

    public async Task<OperationResult> SubmitRectificationAsync(AnnualReport report, string? text, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (RectificationWorkflow.Next(report.Rectification, RectificationTrigger.Submit) is null)
        {
            return OperationResult.Fail("", "Insp.Error.NoRectificationDue");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return OperationResult.Fail("RectificationReport", "Validation.Required", "Insp.Field.RectificationReport");
        }

        if (text.Length > ReportValidator.MaxTextLength)
        {
            return OperationResult.Fail("RectificationReport", "Validation.MaxLength", "Insp.Field.RectificationReport", ReportValidator.MaxTextLength);
        }

        db.ExpectVersion(report, seenVersion);
        if (Transition(report, RectificationTrigger.Submit, report.OrganizationName) is { } refused)
        {
            return refused;
        }

        report.RectificationReport = text.Trim();
        report.RectificationSubmittedAt = report.UpdatedAt;
        var today = ChinaTime.Today(clock);
        await creditLists.RequestExitAsync(report.OrganizationId, report.Year, EntryCause.UnfinishedRectification, today, cancellationToken);
        await notifier.NotifyPermissionHoldersAsync(InspectionsPermissions.Review, "Insp.RectificationSubmitted", Values(report), AdminLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Accepts the rectification (and takes the organization off the abnormal list for it), or asks for more.</summary>
    public async Task<OperationResult> VerifyRectificationAsync(AnnualReport report, bool accepted, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (RectificationWorkflow.Next(report.Rectification, accepted ? RectificationTrigger.Verify : RectificationTrigger.Return) is null)
        {
            return OperationResult.Fail("", "Insp.Error.NoRectificationSubmitted");
        }

        if (!accepted && string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", "Validation.Required", "Insp.Field.ReturnNote");
        }

        var today = ChinaTime.Today(clock);
        db.ExpectVersion(report, seenVersion);
        if (Transition(report, accepted ? RectificationTrigger.Verify : RectificationTrigger.Return, note?.Trim() ?? report.OrganizationName) is { } refused)
        {
            return refused;
        }

        if (accepted)
        {
            report.RectificationVerifiedOn = today;
            report.RectificationVerifiedBy = actor.Name;
            await creditLists.VerifyFulfilmentAsync(report.OrganizationId, report.Year, EntryCause.UnfinishedRectification, today, cancellationToken);
        }
        else
        {
            report.RectificationRequirements = $"{report.RectificationRequirements}\n\n{today:yyyy-MM-dd}: {note!.Trim()}";
        }

        await organizations.NotifyAsync(report.OrganizationId, accepted ? "Insp.RectificationVerified" : "Insp.RectificationReturned", Values(report), OrgLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// The one way a report changes state (pages and importer alike): through <see cref="AnnualReportWorkflow"/>, touching
    /// the report and recording the audit entry; saved by the caller. Returns the refusal, or null when done.
    /// </summary>
    internal OperationResult? Transition(AnnualReport report, ReportTrigger trigger, string detail)
    {
        var from = report.State;
        if (AnnualReportWorkflow.Next(from, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Insp.Error.TransitionRefused", "Insp.State." + from);
        }

        report.State = to;
        Touch(report);
        audit.Record(trigger switch
        {
            ReportTrigger.Start => "inspections.report-started",
            ReportTrigger.Submit => "inspections.report-submitted",
            ReportTrigger.Return => "inspections.report-returned",
            ReportTrigger.Conclude => "inspections.result-recorded",
            ReportTrigger.SubmitToUnit => "inspections.report-submitted-to-unit",
            ReportTrigger.UnitAgree => "inspections.unit-review-agreed",
            ReportTrigger.UnitReturn => "inspections.unit-review-returned",
            _ => "inspections.result-imported",
        }, nameof(AnnualReport), Id(report), detail);
        return null;
    }

    /// <summary>The one way a rectification changes state: through <see cref="RectificationWorkflow"/>, as <see cref="Transition(AnnualReport, ReportTrigger, string)"/>.</summary>
    internal OperationResult? Transition(AnnualReport report, RectificationTrigger trigger, string detail)
    {
        var from = report.Rectification;
        if (RectificationWorkflow.Next(from, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Insp.Error.TransitionRefused", "Insp.Rectification." + from);
        }

        report.Rectification = to;
        Touch(report);
        audit.Record(trigger switch
        {
            RectificationTrigger.Require => "inspections.rectification-required",
            RectificationTrigger.Submit => "inspections.rectification-submitted",
            RectificationTrigger.Verify => "inspections.rectification-verified",
            RectificationTrigger.Return => "inspections.rectification-returned",
            _ => "inspections.rectification-imported",
        }, nameof(AnnualReport), Id(report), detail);
        return null;
    }

    private void Touch(AnnualReport report) => report.UpdatedAt = clock.GetUtcNow().UtcDateTime;

    private Task<OperationResult> SaveAsync(CancellationToken cancellationToken) => ConcurrentSave.OrConflictAsync(() => creditLists.FlushAsync(cancellationToken));

    private static string Id(AnnualReport report) => report.Id.ToString(CultureInfo.InvariantCulture);

    private static string OrgLink(AnnualReport report) => InspectionLinks.Report(report.Id);

    private static string AdminLink(AnnualReport report) => InspectionLinks.AdminReport(report.Id);

    private static Dictionary<string, string> Values(AnnualReport report) => new()
    {
        ["organization"] = report.OrganizationName,
        ["year"] = report.Year.ToString(CultureInfo.InvariantCulture),
        ["due"] = report.RectificationDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["unit"] = report.UnitName ?? "",
    };
}
