using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
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
    TimeProvider clock)
{
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

    public async Task<OperationResult> SaveDraftAsync(AnnualReport report, ReportContent content, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        if (!report.IsEditableByOrganization)
        {
            return OperationResult.Fail("", "Insp.Error.NotEditable");
        }

        db.ExpectVersion(report, seenVersion);
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

        var errors = ReportValidator.Validate(report.Content, report.AuditRequired, [.. report.Documents.Select(d => d.ItemCode)]);
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

        await organizations.NotifyAsync(report.OrganizationId, "Insp.ReportReturned", Values(report), OrgLink(report), cancellationToken);
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

    private async Task<OperationResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await creditLists.FlushAsync(cancellationToken);
            return OperationResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Stale;
        }
    }

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
