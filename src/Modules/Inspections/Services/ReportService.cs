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
            report.State = ReportState.Draft;
        }

        Touch(report);
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

        var upload = await files.SaveAsync(content, fileName, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("", upload.ErrorKey!);
        }

        db.ExpectVersion(report, seenVersion);
        report.Documents.RemoveAll(d => d.ItemCode == itemCode);
        report.Documents.Add(new ReportDocument { ItemCode = itemCode, FileId = upload.File!.Id, FileName = upload.File.FileName, UploadedAt = clock.GetUtcNow().UtcDateTime });
        if (report.State == ReportState.NotStarted)
        {
            report.State = ReportState.Draft;
        }

        Touch(report);
        return await SaveAsync(cancellationToken);
    }

    public async Task<OperationResult> SubmitAsync(AnnualReport report, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsEditableByOrganization)
        {
            return OperationResult.Fail("", "Insp.Error.NotEditable");
        }

        var errors = ReportValidator.Validate(report.Content, report.AuditRequired, [.. report.Documents.Select(d => d.ItemCode)]);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var campaign = await CampaignOfAsync(report, cancellationToken);
        var today = ChinaTime.Today(clock);
        db.ExpectVersion(report, seenVersion);
        report.State = ReportState.Submitted;
        report.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        report.SubmittedLate = report.SubmittedLate || today > campaign.DeadlineFor(report.TypeCode);
        report.ReturnNote = null;
        Touch(report);
        await creditLists.RequestExitAsync(report.OrganizationId, report.Year, EntryCause.LateAnnualReport, today, cancellationToken);
        audit.Record("inspections.report-submitted", nameof(AnnualReport), Id(report), $"{report.OrganizationName} {report.Year}{(report.SubmittedLate ? " (late)" : "")}");
        await notifier.NotifyPermissionHoldersAsync(InspectionsPermissions.Review, "Insp.ReportSubmitted", Values(report), AdminLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    public async Task<OperationResult> ReturnAsync(AnnualReport report, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != ReportState.Submitted)
        {
            return OperationResult.Fail("", "Insp.Error.NotSubmitted");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", "Validation.Required", "Insp.Field.ReturnNote");
        }

        db.ExpectVersion(report, seenVersion);
        report.State = ReportState.Returned;
        report.ReturnNote = note.Trim();
        Touch(report);
        audit.Record("inspections.report-returned", nameof(AnnualReport), Id(report), report.ReturnNote);
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
        if (report.State != ReportState.Submitted)
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
        Conclude(report, decision, today, imported: false);
        await creditLists.VerifyFulfilmentAsync(report.OrganizationId, report.Year, EntryCause.LateAnnualReport, today, cancellationToken);
        await organizations.NotifyAsync(report.OrganizationId, "Insp.Result" + decision.Result, Values(report), OrgLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Applies a result (online review or import) with its audit entry and feed message; the caller saves.</summary>
    internal void Conclude(AnnualReport report, ResultDecision decision, DateOnly today, bool imported)
    {
        report.State = ReportState.Concluded;
        report.Result = decision.Result;
        report.ResultReasons = decision.Reasons?.Trim();
        report.ResultOn = today;
        report.ResultBy = actor.Name;
        report.Imported = imported;
        var rectify = decision.Result != InspectionResult.Qualified;
        report.Rectification = rectify ? RectificationState.Required : RectificationState.None;
        report.RectificationRequirements = rectify ? decision.RectificationRequirements?.Trim() : null;
        report.RectificationDueOn = rectify ? decision.RectificationDueOn : null;
        Touch(report);
        audit.Record(imported ? "inspections.result-imported" : "inspections.result-recorded", nameof(AnnualReport), Id(report),
            $"{report.OrganizationName} {report.Year}: {decision.Result}{(rectify ? $", rectify by {decision.RectificationDueOn:yyyy-MM-dd}" : "")}");
        outbox.Publish(InspectionResultRecorded.Topic, new InspectionResultRecorded(report.OrganizationId, report.Year, decision.Result.ToString()));
    }

    public async Task<OperationResult> SubmitRectificationAsync(AnnualReport report, string? text, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Rectification != RectificationState.Required)
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
        report.Rectification = RectificationState.Submitted;
        report.RectificationReport = text.Trim();
        report.RectificationSubmittedAt = clock.GetUtcNow().UtcDateTime;
        Touch(report);
        var today = ChinaTime.Today(clock);
        await creditLists.RequestExitAsync(report.OrganizationId, report.Year, EntryCause.UnfinishedRectification, today, cancellationToken);
        audit.Record("inspections.rectification-submitted", nameof(AnnualReport), Id(report), report.OrganizationName);
        await notifier.NotifyPermissionHoldersAsync(InspectionsPermissions.Review, "Insp.RectificationSubmitted", Values(report), AdminLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Accepts the rectification (and takes the organization off the abnormal list for it), or asks for more.</summary>
    public async Task<OperationResult> VerifyRectificationAsync(AnnualReport report, bool accepted, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Rectification != RectificationState.Submitted)
        {
            return OperationResult.Fail("", "Insp.Error.NoRectificationSubmitted");
        }

        if (!accepted && string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", "Validation.Required", "Insp.Field.ReturnNote");
        }

        var today = ChinaTime.Today(clock);
        db.ExpectVersion(report, seenVersion);
        if (accepted)
        {
            report.Rectification = RectificationState.Verified;
            report.RectificationVerifiedOn = today;
            report.RectificationVerifiedBy = actor.Name;
            await creditLists.VerifyFulfilmentAsync(report.OrganizationId, report.Year, EntryCause.UnfinishedRectification, today, cancellationToken);
        }
        else
        {
            report.Rectification = RectificationState.Required;
            report.RectificationRequirements = $"{report.RectificationRequirements}\n\n{today:yyyy-MM-dd}: {note!.Trim()}";
        }

        Touch(report);
        audit.Record(accepted ? "inspections.rectification-verified" : "inspections.rectification-returned", nameof(AnnualReport), Id(report), note?.Trim() ?? report.OrganizationName);
        await organizations.NotifyAsync(report.OrganizationId, accepted ? "Insp.RectificationVerified" : "Insp.RectificationReturned", Values(report), OrgLink(report), cancellationToken);
        return await SaveAsync(cancellationToken);
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

    private static string OrgLink(AnnualReport report) => $"/Inspections/Report/{report.Id}";

    private static string AdminLink(AnnualReport report) => $"/Inspections/Admin/Report/{report.Id}";

    private static Dictionary<string, string> Values(AnnualReport report) => new()
    {
        ["organization"] = report.OrganizationName,
        ["year"] = report.Year.ToString(CultureInfo.InvariantCulture),
        ["due"] = report.RectificationDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    };
}
