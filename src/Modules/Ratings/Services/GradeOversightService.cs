using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>
/// Oversight of grades during their validity: the officers' answer to automatic proposals (accept or dismiss), the
/// 2026 revision's follow-up draw (跟踪评估) of 4A+ organizations and check evaluations (核查评估). Every grade change goes
/// through <see cref="GradeService.ChangeAsync"/> (audited, the organization notified, the register kept in step).
/// </summary>
public sealed class GradeOversightService(DbContext db, GradeService grades, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
{
    public Task<List<GradeProposal>> ProposalsAsync(CancellationToken cancellationToken) =>
        db.Set<GradeProposal>().AsNoTracking()
            .OrderBy(p => p.State == ProposalState.Open ? 0 : 1).ThenByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id)
            .Take(200).ToListAsync(cancellationToken);

    public Task<int> OpenProposalsAsync(CancellationToken cancellationToken) =>
        db.Set<GradeProposal>().CountAsync(p => p.State == ProposalState.Open, cancellationToken);

    /// <summary>
    /// Accepts a proposal. A downgrade proposal lowers the grade to <paramref name="newGrade"/> (the proposed one or
    /// another below the current grade; 0 cancels it); a check-evaluation proposal opens the check evaluation. The reason
    /// is required and recorded.
    /// </summary>
    public async Task<OperationResult> AcceptAsync(int proposalId, int? newGrade, string? reason, CancellationToken cancellationToken)
    {
        if (await db.Set<GradeProposal>().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken) is not { } proposal)
        {
            return OperationResult.Fail("", "Rate.Error.ProposalNotFound");
        }

        if (ProposalWorkflow.Next(proposal.State, ProposalTrigger.Accept) is null)
        {
            return OperationResult.Fail("", "Rate.Error.ProposalDecided");
        }

        if (TextLimits.Refused("Reason", "Rate.Field.Reason", reason, TextLimits.Note, out var refused))
        {
            return refused;
        }

        var grade = await grades.FindAsync(proposal.GradeId, cancellationToken);
        if (grade is null || !grade.IsValidOn(ChinaTime.Today(clock)))
        {
            return OperationResult.Fail("", "Rate.Error.GradeNotValid");
        }

        Decide(proposal, ProposalTrigger.Accept, reason);
        audit.Record("ratings.proposal-accepted", nameof(GradeProposal), Id(proposal.Id),
            $"{proposal.OrganizationName}: {proposal.Kind} ({proposal.Cause}, {proposal.InspectionYear}): {reason.Trim()}");
        if (proposal.Kind == ProposalKind.CheckEvaluation)
        {
            return await OpenCheckAsync(grade, reason, cancellationToken);
        }

        var result = await grades.ChangeAsync(grade, newGrade ?? proposal.ProposedGrade, reason, cancellationToken);
        if (!result.Succeeded)
        {
            // Nothing was saved: forget the decision and its audit entry, the proposal stays open.
            db.ChangeTracker.Clear();
        }

        return result;
    }

    /// <summary>Dismisses a proposal with the officers' reason; the grade stands.</summary>
    public async Task<OperationResult> DismissAsync(int proposalId, string? reason, CancellationToken cancellationToken)
    {
        if (await db.Set<GradeProposal>().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken) is not { } proposal)
        {
            return OperationResult.Fail("", "Rate.Error.ProposalNotFound");
        }

        if (ProposalWorkflow.Next(proposal.State, ProposalTrigger.Dismiss) is null)
        {
            return OperationResult.Fail("", "Rate.Error.ProposalDecided");
        }

        if (TextLimits.Refused("Reason", "Rate.Field.Reason", reason, TextLimits.Note, out var refused))
        {
            return refused;
        }

        Decide(proposal, ProposalTrigger.Dismiss, reason);
        audit.Record("ratings.proposal-dismissed", nameof(GradeProposal), Id(proposal.Id),
            $"{proposal.OrganizationName}: {proposal.Kind} ({proposal.Cause}, {proposal.InspectionYear}): {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    public Task<List<FollowUpDraw>> DrawsAsync(CancellationToken cancellationToken) =>
        db.Set<FollowUpDraw>().AsNoTracking().OrderByDescending(d => d.Id).Take(50).ToListAsync(cancellationToken);

    public Task<List<GradeEvaluation>> EvaluationsAsync(CancellationToken cancellationToken) =>
        db.Set<GradeEvaluation>().AsNoTracking()
            .OrderBy(e => e.Outcome == EvaluationOutcome.Open ? 0 : 1).ThenByDescending(e => e.OpenedOn).ThenByDescending(e => e.Id)
            .Take(200).ToListAsync(cancellationToken);

    /// <summary>
    /// Draws <paramref name="shareBasisPoints"/> of the organizations holding 4A or above today for follow-up evaluation
    /// (2026 revision) with <see cref="FollowUpDrawRules.Select"/>, records the pool, the seed and the result, and opens a
    /// follow-up evaluation for each organization drawn. A blank seed is generated (and recorded like any other).
    /// </summary>
    public async Task<(OperationResult Result, FollowUpDraw? Draw)> DrawAsync(int year, int shareBasisPoints, string? seed, CancellationToken cancellationToken)
    {
        if (shareBasisPoints is < 1 or > 10000)
        {
            return (OperationResult.Fail("Share", "Rate.Error.Share"), null);
        }

        seed = string.IsNullOrWhiteSpace(seed) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) : seed.Trim();
        if (seed.Length > 100)
        {
            return (OperationResult.Fail("Seed", "Validation.MaxLength", "Rate.Field.Seed", 100), null);
        }

        var today = ChinaTime.Today(clock);
        var held = await db.Set<OrganizationGrade>().AsNoTracking().HeldOn(today).Where(g => g.Grade >= FollowUpDrawRules.MinimumGrade)
            .OrderBy(g => g.OrganizationId).ThenByDescending(g => g.Grade).ToListAsync(cancellationToken);
        var byOrganization = held.GroupBy(g => g.OrganizationId).ToDictionary(g => g.Key, g => g.First());
        if (byOrganization.Count == 0)
        {
            return (OperationResult.Fail("", "Rate.Error.NoPool"), null);
        }

        var selected = FollowUpDrawRules.Select(byOrganization.Keys, seed, shareBasisPoints);
        var draw = new FollowUpDraw
        {
            Year = year,
            DrawnOn = today,
            DrawnBy = actor.Name,
            Seed = seed,
            ShareBasisPoints = shareBasisPoints,
            MinimumGrade = FollowUpDrawRules.MinimumGrade,
            Pool = FollowUpDraw.Join(byOrganization.Keys.Order()),
            Selected = FollowUpDraw.Join(selected),
        };
        db.Add(draw);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var organizationId in selected)
        {
            var grade = byOrganization[organizationId];
            db.Add(new GradeEvaluation
            {
                Kind = EvaluationKind.FollowUp,
                OrganizationId = organizationId,
                OrganizationName = grade.OrganizationName,
                GradeId = grade.Id,
                Grade = grade.Grade,
                DrawId = draw.Id,
                Reason = string.Create(CultureInfo.InvariantCulture, $"{draw.Year} #{draw.Id}"),
                OpenedOn = today,
                OpenedBy = actor.Name,
            });
        }

        audit.Record("ratings.follow-up-drawn", nameof(FollowUpDraw), Id(draw.Id),
            $"{year}: {shareBasisPoints} bp of {byOrganization.Count} (4A+), seed \"{seed}\": {draw.Selected}");
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Ok, draw);
    }

    /// <summary>Opens a check evaluation (核查评估) of a grade valid today, with what happened that may affect it.</summary>
    public async Task<OperationResult> OpenCheckAsync(int gradeId, string? reason, CancellationToken cancellationToken)
    {
        var grade = await grades.FindAsync(gradeId, cancellationToken);
        if (grade is null || !grade.IsValidOn(ChinaTime.Today(clock)))
        {
            return OperationResult.Fail("", "Rate.Error.GradeNotValid");
        }

        if (TextLimits.Refused("Reason", "Rate.Field.CheckReason", reason, TextLimits.Note, out var refused))
        {
            return refused;
        }

        return await OpenCheckAsync(grade, reason, cancellationToken);
    }

    /// <summary>
    /// Concludes an evaluation: the grade stands (<paramref name="resultGrade"/> equal to it) or is lowered or cancelled
    /// through <see cref="GradeService.ChangeAsync"/>. The conclusion is required.
    /// </summary>
    public async Task<OperationResult> ConcludeAsync(int evaluationId, int resultGrade, string? conclusion, CancellationToken cancellationToken)
    {
        if (await db.Set<GradeEvaluation>().SingleOrDefaultAsync(e => e.Id == evaluationId, cancellationToken) is not { } evaluation)
        {
            return OperationResult.Fail("", "Rate.Error.EvaluationNotFound");
        }

        if (evaluation.Outcome != EvaluationOutcome.Open)
        {
            return OperationResult.Fail("", "Rate.Error.EvaluationConcluded");
        }

        if (TextLimits.Refused("Conclusion", "Rate.Field.Conclusion", conclusion, TextLimits.Note, out var refused))
        {
            return refused;
        }

        var grade = await grades.FindAsync(evaluation.GradeId, cancellationToken);
        if (grade is null || !grade.IsValidOn(ChinaTime.Today(clock)))
        {
            return OperationResult.Fail("", "Rate.Error.GradeNotValid");
        }

        if (resultGrade < 0 || resultGrade > grade.Grade)
        {
            return OperationResult.Fail("ResultGrade", "Rate.Error.Downgrade");
        }

        evaluation.Outcome = resultGrade == grade.Grade ? EvaluationOutcome.Kept : EvaluationOutcome.Adjusted;
        evaluation.ResultGrade = resultGrade;
        evaluation.Conclusion = conclusion.Trim();
        evaluation.ConcludedOn = ChinaTime.Today(clock);
        evaluation.ConcludedBy = actor.Name;
        audit.Record("ratings.evaluation-concluded", nameof(GradeEvaluation), Id(evaluation.Id),
            $"{evaluation.OrganizationName}: {evaluation.Kind} {grade.Grade}A → {(resultGrade == 0 ? "none" : resultGrade + "A")}: {evaluation.Conclusion}");
        if (evaluation.Outcome == EvaluationOutcome.Kept)
        {
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Ok;
        }

        var result = await grades.ChangeAsync(grade, resultGrade, conclusion, cancellationToken);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private async Task<OperationResult> OpenCheckAsync(OrganizationGrade grade, string reason, CancellationToken cancellationToken)
    {
        if (await db.Set<GradeEvaluation>().AnyAsync(e => e.GradeId == grade.Id && e.Kind == EvaluationKind.Check && e.Outcome == EvaluationOutcome.Open, cancellationToken))
        {
            db.ChangeTracker.Clear();
            return OperationResult.Fail("", "Rate.Error.CheckOpen");
        }

        db.Add(new GradeEvaluation
        {
            Kind = EvaluationKind.Check,
            OrganizationId = grade.OrganizationId,
            OrganizationName = grade.OrganizationName,
            GradeId = grade.Id,
            Grade = grade.Grade,
            Reason = reason.Trim(),
            OpenedOn = ChinaTime.Today(clock),
            OpenedBy = actor.Name,
        });
        audit.Record("ratings.check-opened", nameof(OrganizationGrade), Id(grade.Id), $"{grade.OrganizationName}: {grade.Grade}A: {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The one way a proposal changes state: through <see cref="ProposalWorkflow"/> (checked open by the caller).</summary>
    private void Decide(GradeProposal proposal, ProposalTrigger trigger, string reason)
    {
        proposal.State = ProposalWorkflow.Next(proposal.State, trigger) ?? throw new InvalidOperationException($"proposal {proposal.Id} is {proposal.State}");
        proposal.DecidedAt = clock.GetUtcNow().UtcDateTime;
        proposal.DecidedBy = actor.Name;
        proposal.Note = reason.Trim();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
