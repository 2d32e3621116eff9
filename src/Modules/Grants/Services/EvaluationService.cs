using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Notifications;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>An account that may evaluate reports (holds Grants.Review or Grants.Manage).</summary>
public sealed record Evaluator(string UserId, string Name, string Email);

/// <summary>
/// Evaluation of progress reports: the round's rubric (a default until set), evaluators seated by an officer (officers
/// may seat themselves) under the review's conflict rules — never linked to the organization, a declaration before
/// opening, recusal with a reason — score sheets saved and submitted, and the officer's outcome with its consequences: a
/// failed mid-term blocks the next tranche (the tranche reads the outcome), a failed final may require a refund.
/// </summary>
public sealed class EvaluationService(
    DbContext db,
    ProgressService progress,
    ReviewService reviews,
    GrantMoneyService money,
    IOrganizationNotifier organizations,
    INotifier notifier,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const int MaxCriteria = 12;

    /// <summary>The round's evaluation rubric, or the default when none is set.</summary>
    public async Task<IReadOnlyList<RubricCriterion>> RubricAsync(int roundId, CancellationToken cancellationToken) =>
        (await db.Set<EvaluationRubric>().AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken))?.Criteria ?? EvaluationRubric.Default;

    public Task<EvaluationRubric?> StoredRubricAsync(int roundId, CancellationToken cancellationToken) =>
        db.Set<EvaluationRubric>().SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);

    /// <summary>Sets the round's rubric: 1–12 criteria with distinct codes, names, weights 1–100; not once a sheet was submitted in the round.</summary>
    public async Task<OperationResult> SaveRubricAsync(int roundId, IReadOnlyList<RubricCriterion> criteria, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var errors = RubricErrors(criteria);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var scored = await (from s in db.Set<EvaluationSeat>()
                            join r in db.Set<ProgressReport>() on s.ReportId equals r.Id
                            join a in db.Set<GrantAgreement>() on r.AgreementId equals a.Id
                            where a.RoundId == roundId && s.SubmittedAt != null
                            select s.Id).AnyAsync(cancellationToken);
        if (scored)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.RubricInUse");
        }

        var rubric = await StoredRubricAsync(roundId, cancellationToken);
        if (rubric is null)
        {
            rubric = new EvaluationRubric { RoundId = roundId };
            db.Add(rubric);
        }
        else
        {
            db.ExpectVersion(rubric, seenVersion);
        }

        rubric.Criteria = criteria;
        audit.Record("grants.evaluation-rubric-set", nameof(GrantRound), roundId.ToString(CultureInfo.InvariantCulture), string.Join(", ", criteria.Select(c => $"{c.Name} {c.Weight}")));
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    public static List<FormError> RubricErrors(IReadOnlyList<RubricCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var errors = new List<FormError>();
        if (criteria.Count is 0 or > MaxCriteria)
        {
            errors.Add(new FormError("", "Grant.Progress.Error.CriteriaCount", MaxCriteria));
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 100 || c.Guidance.Length > 500)
            {
                errors.Add(new FormError($"Criteria[{i}].Name", "Grant.Progress.Error.CriterionName", i + 1));
            }

            if (c.Weight is < 1 or > 100)
            {
                errors.Add(new FormError($"Criteria[{i}].Weight", "Grant.Progress.Error.CriterionWeight", i + 1));
            }
        }

        if (criteria.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != criteria.Count)
        {
            errors.Add(new FormError("", "Grant.Progress.Error.CriterionCodes"));
        }

        return errors;
    }

    /// <summary>Enabled accounts holding Grants.Review or Grants.Manage, by e-mail.</summary>
    public async Task<IReadOnlyList<Evaluator>> PoolAsync(CancellationToken cancellationToken)
    {
        var users = await PermissionHolders.EnabledAsync(db, [GrantsPermissions.Review, GrantsPermissions.Manage], includeAdministrators: false, cancellationToken);
        return [.. users.Select(u => new Evaluator(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, u.Email ?? ""))];
    }

    public Task<List<EvaluationSeat>> SeatsOfReportAsync(int reportId, CancellationToken cancellationToken) =>
        db.Set<EvaluationSeat>().AsNoTracking().Where(s => s.ReportId == reportId).OrderBy(s => s.AssignedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    public Task<EvaluationSeat?> SeatAsync(int reportId, string userId, CancellationToken cancellationToken) =>
        db.Set<EvaluationSeat>().SingleOrDefaultAsync(s => s.ReportId == reportId && s.EvaluatorUserId == userId, cancellationToken);

    /// <summary>The evaluator's seats with their reports (newest first).</summary>
    public async Task<List<(EvaluationSeat Seat, ReportRow Row)>> SeatsOfEvaluatorAsync(string userId, CancellationToken cancellationToken)
    {
        var seats = await db.Set<EvaluationSeat>().AsNoTracking().Where(s => s.EvaluatorUserId == userId).OrderByDescending(s => s.AssignedAt).ToListAsync(cancellationToken);
        var reportIds = seats.Select(s => s.ReportId).ToList();
        var rows = (await progress.RowsAsync(r => reportIds.Contains(r.Id), cancellationToken)).ToDictionary(r => r.Report.Id);
        return [.. seats.Select(s => (s, rows[s.ReportId]))];
    }

    /// <summary>Accounts that may not evaluate the report: those acting for the organization, and the project's applicant (as in review).</summary>
    public async Task<IReadOnlySet<string>> LinkedAsync(ProgressReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var application = await db.Set<GrantApplication>().AsNoTracking().SingleAsync(a => a.Id == report.ApplicationId, cancellationToken);
        return await reviews.LinkedAsync(application, cancellationToken);
    }

    /// <summary>An officer seats evaluators on a submitted report: never an account linked to the organization, nor one already seated.</summary>
    public async Task<OperationResult> AssignAsync(ProgressReport report, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(userIds);
        if (report.State != ReportState.Submitted)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NotSubmitted");
        }

        if (userIds.Count == 0)
        {
            return OperationResult.Fail("Evaluators", "Grant.Progress.Error.ChooseEvaluator");
        }

        var pool = (await PoolAsync(cancellationToken)).ToDictionary(e => e.UserId);
        var linked = await LinkedAsync(report, cancellationToken);
        var taken = (await db.Set<EvaluationSeat>().Where(s => s.ReportId == report.Id).Select(s => s.EvaluatorUserId).ToListAsync(cancellationToken)).ToHashSet();
        var errors = SeatRules.Refusals(userIds, pool.ToDictionary(p => p.Key, p => p.Value.Name), linked, taken, "Evaluators", "Grant.Progress.Error.NotAnEvaluator");

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var title = await progress.TitleAsync(report, cancellationToken);
        foreach (var id in userIds.Distinct())
        {
            db.Add(new EvaluationSeat { ReportId = report.Id, EvaluatorUserId = id, EvaluatorName = pool[id].Name, AssignedAt = clock.GetUtcNow().UtcDateTime });
            await notifier.NotifyUserAsync(id, ProgressService.Template(report, "Assigned"), await progress.ValuesAsync(report, title, cancellationToken), GrantLinks.EvaluationSheet(report.Id), cancellationToken);
        }

        audit.Record("grants.evaluators-assigned", nameof(ProgressReport), ProgressService.Id(report), string.Join(", ", userIds.Distinct().Select(id => pool[id].Name)));
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The evaluator declares no conflict (and may then open the report) or recuses with a reason; officers are told of a recusal.</summary>
    public async Task<OperationResult> DeclareAsync(EvaluationSeat seat, bool conflict, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        if (seat.DeclaredAt is not null)
        {
            return OperationResult.Fail("", "Grant.Error.AlreadyDeclared");
        }

        if (conflict && string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Fail("Reason", "Validation.Required", "Grant.Field.RecusalReason");
        }

        if ((reason?.Length ?? 0) > ProgressRules.ReasonMax)
        {
            return OperationResult.Fail("Reason", "Validation.MaxLength", "Grant.Field.RecusalReason", ProgressRules.ReasonMax);
        }

        seat.DeclaredAt = clock.GetUtcNow().UtcDateTime;
        seat.Recused = conflict;
        seat.RecusalReason = conflict ? reason!.Trim() : null;
        audit.Record(conflict ? "grants.evaluator-recused" : "grants.evaluator-no-conflict", nameof(EvaluationSeat), seat.Id.ToString(CultureInfo.InvariantCulture),
            $"{seat.EvaluatorName} on report {seat.ReportId}{(conflict ? ": " + seat.RecusalReason : "")}");
        if (conflict)
        {
            await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.Progress.Recused", new Dictionary<string, string> { ["evaluator"] = seat.EvaluatorName },
                GrantLinks.EvaluationReport(seat.ReportId), cancellationToken);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Saves the evaluator's sheet (a draft may be partial); submitting needs every criterion and locks it.</summary>
    public async Task<OperationResult> SaveScoresAsync(EvaluationSeat seat, ProgressReport report, IReadOnlyList<RubricCriterion> rubric, IReadOnlyDictionary<string, ScoreEntry> entries, bool submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(entries);
        if (!seat.MayOpen)
        {
            return OperationResult.Fail("", "Grant.Error.DeclareFirst");
        }

        if (seat.SubmittedAt is not null || report.State != ReportState.Submitted)
        {
            return OperationResult.Fail("", "Grant.Error.SheetLocked");
        }

        var errors = ReviewService.ScoreErrors(rubric, entries);
        if (submit)
        {
            errors.AddRange(rubric.Where(c => !entries.ContainsKey(c.Code)).Select(c => new FormError(c.Code, "Grant.Error.CriterionMissing", c.Name)));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var scores = seat.Scores.Where(s => !entries.ContainsKey(s.Code)).ToList();
        scores.AddRange(entries.Select(e => new EvaluationScore(e.Key, e.Value.Points, e.Value.Comment.Trim())));
        seat.Scores = [.. scores.OrderBy(s => s.Code, StringComparer.Ordinal)];
        if (submit)
        {
            seat.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("grants.evaluation-submitted", nameof(EvaluationSeat), seat.Id.ToString(CultureInfo.InvariantCulture), $"{seat.EvaluatorName} on report {seat.ReportId}: {seat.Total}");
            await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.Progress.Scored", new Dictionary<string, string> { ["evaluator"] = seat.EvaluatorName },
                GrantLinks.EvaluationReport(seat.ReportId), cancellationToken);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// The officer records the outcome once an evaluator submitted a sheet. Fail needs a reason; on a final report it may
    /// require a refund (at most what was paid), handed to the money side. The organization is told.
    /// </summary>
    public async Task<OperationResult> RecordOutcomeAsync(ProgressReport report, OutcomeInput input, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(input);
        if (ProgressWorkflow.Next(report.State, ProgressTrigger.Evaluate) is null)
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NotSubmitted");
        }

        if (!await db.Set<EvaluationSeat>().AnyAsync(s => s.ReportId == report.Id && s.SubmittedAt != null && !s.Recused, cancellationToken))
        {
            return OperationResult.Fail("", "Grant.Progress.Error.NoSheet");
        }

        var agreement = await progress.AgreementOfAsync(report, cancellationToken);
        var errors = ProgressRules.OutcomeErrors(report.Kind, input, agreement.PaidFen);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        // The refund (if any) is added to this context by the money side and saved with the evaluation, in one SaveChanges.
        if (input.RefundFen is { } refund && await money.RequireRefundAsync(report.AgreementId, refund, input.Reason, cancellationToken) is { Succeeded: false } refused)
        {
            return refused;
        }

        db.ExpectVersion(report, seenVersion);
        var outcome = input.Outcome!.Value;
        report.Outcome = outcome;
        report.Conditions = outcome == EvaluationOutcome.PassWithConditions ? input.Conditions!.Trim() : null;
        report.FailReason = outcome == EvaluationOutcome.Fail ? input.Reason!.Trim() : null;
        report.RefundFen = input.RefundFen;
        if (progress.Transition(report, ProgressTrigger.Evaluate, $"{report.Kind} of {agreement.Title}: {outcome} {report.Conditions ?? report.FailReason}".TrimEnd()) is { } wrong)
        {
            return wrong;
        }

        report.EvaluatedAt = report.UpdatedAt;
        report.EvaluatedBy = actor.Name;
        var values = await progress.ValuesAsync(report, agreement.Title, cancellationToken);
        values["note"] = report.Conditions ?? report.FailReason ?? "";
        await organizations.NotifyAsync(report.OrganizationId, ProgressService.Template(report, outcome.ToString()), values, GrantLinks.ProgressReport(report.Id), cancellationToken);
        if (report.Kind == ReportKind.MidTerm && outcome == EvaluationOutcome.Fail)
        {
            await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.Progress.TrancheBlocked", values, GrantLinks.EvaluationReport(report.Id), cancellationToken);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }
}
