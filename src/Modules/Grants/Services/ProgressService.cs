using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>Settings of progress reports (section <c>Registry:Grants:Progress</c>).</summary>
public sealed class GrantProgressOptions
{
    public const string Section = "Registry:Grants:Progress";

    /// <summary>The final report is due this many working days after the project's last day.</summary>
    public int FinalDueWorkingDays { get; set; } = 15;

    /// <summary>The organization is reminded this many days before a report is due.</summary>
    public int RemindDaysBefore { get; set; } = 7;
}

/// <summary>A report with its project's title and organization, for lists.</summary>
public sealed record ReportRow(ProgressReport Report, string Title, string OrganizationName, int RoundId, DueDate Due);

/// <summary>
/// The organization's side of progress reports: both reports created once an agreement is signed (due dates from the
/// plan's period and the working-day calendar), drafts, evidence uploads, submission; the officer returns a report for
/// correction with a reason. Every step audited, the other side notified.
/// </summary>
public sealed class ProgressService(
    DbContext db,
    ICalendarProvider calendars,
    IOptions<GrantProgressOptions> options,
    IOrganizationNotifier organizations,
    INotifier notifier,
    IFileStore files,
    IAuditTrail audit,
    TimeProvider clock)
{
    private static readonly AgreementState[] Running = [AgreementState.Signed, AgreementState.Closed];

    public static string Id(ProgressReport report) => report.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The notification template of an event of the report's kind (e.g. Grant.Progress.MidTerm.DueSoon).</summary>
    public static string Template(ProgressReport report, string name)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Grant.Progress.{report.Kind}.{name}";
    }

    /// <summary>A notice's values: the title, the due date and, when it is provisional, the calendar's suffix (localized per recipient).</summary>
    public static Dictionary<string, string> Values(ProgressReport report, string title, DueDate due) => new()
    {
        ["title"] = title,
        ["due"] = due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["dueProvisionalText"] = due.Provisional ? "Calendar.ProvisionalSuffix" : "",
    };

    /// <summary>The report's due date now (derived through the calendar, never stored).</summary>
    public async Task<DueDate> DueAsync(ProgressReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.DueDate(await calendars.GetAsync(cancellationToken));
    }

    public async Task<Dictionary<string, string>> ValuesAsync(ProgressReport report, string title, CancellationToken cancellationToken) =>
        Values(report, title, await DueAsync(report, cancellationToken));

    /// <summary>
    /// Creates the mid-term and final reports of every signed agreement that lacks them (idempotent; two nodes racing meet
    /// the unique index and the loser keeps nothing). Each stores its deadline's inputs; the due date is derived when read
    /// (a year without a published holiday notice gives a provisional date, never none). Returns how many were created.
    /// </summary>
    public async Task<int> EnsureReportsAsync(CancellationToken cancellationToken)
    {
        var agreements = await db.Set<GrantAgreement>()
            .Where(a => Running.Contains(a.State) && db.Set<ProgressReport>().Count(r => r.AgreementId == a.Id) < 2)
            .ToListAsync(cancellationToken);
        if (agreements.Count == 0)
        {
            return 0;
        }

        var ids = agreements.Select(a => a.Id).ToList();
        var existing = (await db.Set<ProgressReport>().Where(r => ids.Contains(r.AgreementId)).Select(r => new { r.AgreementId, r.Kind }).ToListAsync(cancellationToken))
            .Select(r => (r.AgreementId, r.Kind)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var agreement in agreements)
        {
            var before = created;
            if (!existing.Contains((agreement.Id, ReportKind.MidTerm)))
            {
                db.Add(ProgressRules.NewReport(agreement, ReportKind.MidTerm, options.Value.FinalDueWorkingDays, now));
                created++;
            }

            if (!existing.Contains((agreement.Id, ReportKind.Final)))
            {
                db.Add(ProgressRules.NewReport(agreement, ReportKind.Final, options.Value.FinalDueWorkingDays, now));
                created++;
            }

            if (created > before)
            {
                audit.Record("grants.progress-reports-created", nameof(GrantAgreement), agreement.Id.ToString(CultureInfo.InvariantCulture), $"{created - before} reports of {agreement.Title}");
            }
        }

        if (created == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another request created them first.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    public Task<ProgressReport?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<ProgressReport>().Include(r => r.Evidence.OrderBy(e => e.UploadedAt)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<GrantAgreement> AgreementOfAsync(ProgressReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return db.Set<GrantAgreement>().AsNoTracking().Include(a => a.Tranches).ThenInclude(t => t.Payments).SingleAsync(a => a.Id == report.AgreementId, cancellationToken);
    }

    /// <summary>Reports (with their projects) matching <paramref name="filter"/>: waiting for evaluation first, then by due date.</summary>
    public async Task<List<ReportRow>> RowsAsync(System.Linq.Expressions.Expression<Func<ProgressReport, bool>> filter, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var rows = await Joined(filter).Select(x => new { x.Report, x.Agreement.Title, x.Agreement.OrganizationName, x.Agreement.RoundId }).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new ReportRow(x.Report, x.Title, x.OrganizationName, x.RoundId, x.Report.DueDate(calendar)))
            .OrderByDescending(r => r.Report.State == ReportState.Submitted).ThenBy(r => r.Due.Date).ThenBy(r => r.Report.Id)];
    }

    /// <summary>One page of the evaluated reports, the latest evaluation first; the page number is brought into range.</summary>
    public async Task<(List<ReportRow> Rows, int Page, int Total)> EvaluatedPageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await db.Set<ProgressReport>().CountAsync(r => r.State == ReportState.Evaluated, cancellationToken);
        page = PageInfo.Clamp(page, pageSize, total);
        var rows = await Joined(r => r.State == ReportState.Evaluated).OrderByDescending(x => x.Report.EvaluatedAt).ThenByDescending(x => x.Report.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new { x.Report, x.Agreement.Title, x.Agreement.OrganizationName, x.Agreement.RoundId }).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        return ([.. rows.Select(x => new ReportRow(x.Report, x.Title, x.OrganizationName, x.RoundId, x.Report.DueDate(calendar)))], page, total);
    }

    private IQueryable<ReportWithAgreement> Joined(System.Linq.Expressions.Expression<Func<ProgressReport, bool>> filter) =>
        from r in db.Set<ProgressReport>().AsNoTracking().Where(filter)
        join a in db.Set<GrantAgreement>().AsNoTracking() on r.AgreementId equals a.Id
        select new ReportWithAgreement { Report = r, Agreement = a };

    private sealed class ReportWithAgreement
    {
        public required ProgressReport Report { get; init; }

        public required GrantAgreement Agreement { get; init; }
    }

    /// <summary>Saves the draft (autosave and the save button): incomplete is fine, malformed is not.</summary>
    public async Task<OperationResult> SaveDraftAsync(ProgressReport report, ProgressInput input, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(input);
        if (!report.IsEditable)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NotEditable");
        }

        var errors = ProgressRules.ShapeErrors(report, input);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(report, seenVersion);
        ProgressRules.Apply(report, input);
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Submits a complete report (after the project started; a final one after it ended and the mid-term was evaluated).</summary>
    public async Task<OperationResult> SubmitAsync(ProgressReport report, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var agreement = await AgreementOfAsync(report, cancellationToken);
        var midTerm = report.Kind == ReportKind.Final
            ? await db.Set<ProgressReport>().AsNoTracking().SingleOrDefaultAsync(r => r.AgreementId == report.AgreementId && r.Kind == ReportKind.MidTerm, cancellationToken)
            : null;
        var errors = ProgressRules.SubmitErrors(report, ChinaTime.Today(clock), agreement.StartOn, agreement.EndOn, midTerm);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(report, seenVersion);
        if (Transition(report, ProgressTrigger.Submit, $"{report.Kind} of {agreement.Title}") is { } refused)
        {
            return refused;
        }

        report.SubmittedAt = report.UpdatedAt;
        var values = await ValuesAsync(report, agreement.Title, cancellationToken);
        await organizations.NotifyAsync(report.OrganizationId, Template(report, "Received"), values, GrantLinks.ProgressReport(report.Id), cancellationToken);
        await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, Template(report, "Submitted"), values, GrantLinks.EvaluationReport(report.Id), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Attaches a photo or evidence file (type and size checked by the file store); a refused upload changes nothing,
    /// the files already attached stay.
    /// </summary>
    public async Task<OperationResult> AttachAsync(ProgressReport report, Stream content, string fileName, string? caption, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsEditable)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NotEditable");
        }

        if (report.Evidence.Count >= MaxEvidence)
        {
            return OperationResult.Fail("File", "Grant.Progress.Error.TooManyFiles", MaxEvidence);
        }

        if ((caption?.Length ?? 0) > 200)
        {
            return OperationResult.Fail("Caption", "Validation.MaxLength", "Grant.Progress.Field.Caption", 200);
        }

        var upload = await files.SaveForOrganizationAsync(content, fileName, report.OrganizationId, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("File", upload.ErrorKey!);
        }

        db.ExpectVersion(report, seenVersion);
        var now = clock.GetUtcNow().UtcDateTime;
        report.Evidence.Add(new ProgressEvidence { FileId = upload.File!.Id, FileName = upload.File.FileName, Caption = caption?.Trim() ?? "", UploadedAt = now });
        report.UpdatedAt = now;
        audit.Record("grants.progress-evidence-added", nameof(ProgressReport), Id(report), upload.File.FileName);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    public const int MaxEvidence = 30;

    public async Task<OperationResult> RemoveEvidenceAsync(ProgressReport report, int evidenceId, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsEditable)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NotEditable");
        }

        if (report.Evidence.FirstOrDefault(e => e.Id == evidenceId) is not { } evidence)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NoSuchFile");
        }

        db.ExpectVersion(report, seenVersion);
        report.Evidence.Remove(evidence);
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("grants.progress-evidence-removed", nameof(ProgressReport), Id(report), evidence.FileName);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>An officer returns a submitted report (not yet evaluated) for correction with a reason; the organization is told.</summary>
    public async Task<OperationResult> ReturnAsync(ProgressReport report, string? reason, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (ProgressWorkflow.Next(report.State, ProgressTrigger.Return) is null)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NotSubmitted");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Fail("ReturnReason", "Validation.Required", "Grant.Progress.Field.ReturnReason");
        }

        if (reason.Length > ProgressRules.ReasonMax)
        {
            return OperationResult.Fail("ReturnReason", "Validation.MaxLength", "Grant.Progress.Field.ReturnReason", ProgressRules.ReasonMax);
        }

        db.ExpectVersion(report, seenVersion);
        var title = await TitleAsync(report, cancellationToken);
        report.ReturnReason = reason.Trim();
        if (Transition(report, ProgressTrigger.Return, $"{report.Kind} of {title}: {report.ReturnReason}") is { } refused)
        {
            return refused;
        }

        var values = await ValuesAsync(report, title, cancellationToken);
        values["reason"] = report.ReturnReason;
        await organizations.NotifyAsync(report.OrganizationId, Template(report, "Returned"), values, GrantLinks.ProgressReport(report.Id), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// The one way a progress report changes state (pages, evaluation and recipe alike): through <see cref="ProgressWorkflow"/>,
    /// recording the audit entry on the tracked report; saved by the caller. Returns the refusal, or null when done.
    /// </summary>
    public OperationResult? Transition(ProgressReport report, ProgressTrigger trigger, string detail)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (ProgressWorkflow.Next(report.State, trigger) is not { } to)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        report.State = to;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(trigger switch
        {
            ProgressTrigger.Submit => "grants.progress-submitted",
            ProgressTrigger.Return => "grants.progress-returned",
            _ => "grants.progress-evaluated",
        }, nameof(ProgressReport), Id(report), detail);
        return null;
    }

    public Task<string> TitleAsync(ProgressReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return db.Set<GrantAgreement>().Where(a => a.Id == report.AgreementId).Select(a => a.Title).SingleAsync(cancellationToken);
    }
}

/// <summary>Evidence of a progress report: the organization's members, and its evaluators once they declared no conflict.</summary>
internal sealed class ProgressEvidenceAccessRule(DbContext db, IOrganizationRegister register) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var report = await db.Set<ProgressEvidence>().Where(e => e.FileId == file.Id)
            .Join(db.Set<ProgressReport>(), e => e.ReportId, r => r.Id, (_, r) => new { r.Id, r.OrganizationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (report is null || user.UserId() is not { } userId)
        {
            return false;
        }

        return (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(report.OrganizationId)
            || await db.Set<EvaluationSeat>().AnyAsync(s => s.ReportId == report.Id && s.EvaluatorUserId == userId && s.DeclaredAt != null && !s.Recused, cancellationToken);
    }
}
