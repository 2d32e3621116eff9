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

/// <summary>A reviewer of the pool, their load in the round (active seats) and how many sheets they submitted.</summary>
public sealed record ReviewerLoad(string UserId, string Name, string Email, int Assigned, int Submitted);

/// <summary>
/// Review: assignment (manual or balanced automatically, never a reviewer linked to the applicant organization, never the
/// same reviewer twice), declarations and recusals (a recusal hands the seat to another reviewer), score sheets
/// (save, submit and lock; an officer reopens with a reason).
/// </summary>
public sealed class ReviewService(DbContext db, IOrganizationRegister register, INotifier notifier, IAuditTrail audit, TimeProvider clock)
{
    public Task<List<ReviewAssignment>> SeatsOfApplicationAsync(int applicationId, CancellationToken cancellationToken) =>
        db.Set<ReviewAssignment>().AsNoTracking().Include(a => a.Scores).Where(a => a.ApplicationId == applicationId).OrderBy(a => a.AssignedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    public Task<List<ReviewAssignment>> SeatsOfRoundAsync(int roundId, CancellationToken cancellationToken) =>
        db.Set<ReviewAssignment>().AsNoTracking().Include(a => a.Scores).Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);

    /// <summary>The reviewer's seats (newest first).</summary>
    public Task<List<ReviewAssignment>> SeatsOfReviewerAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<ReviewAssignment>().AsNoTracking().Where(a => a.ReviewerUserId == userId).OrderByDescending(a => a.AssignedAt).ToListAsync(cancellationToken);

    public Task<ReviewAssignment?> SeatAsync(int applicationId, string userId, CancellationToken cancellationToken) =>
        db.Set<ReviewAssignment>().Include(a => a.Scores).SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.ReviewerUserId == userId, cancellationToken);

    public Task<ReviewAssignment?> FindSeatAsync(int seatId, CancellationToken cancellationToken) =>
        db.Set<ReviewAssignment>().Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == seatId, cancellationToken);

    /// <summary>Enabled accounts that may review (by role permission), with their load and progress in the round.</summary>
    public async Task<IReadOnlyList<ReviewerLoad>> PoolAsync(int roundId, CancellationToken cancellationToken)
    {
        var users = await PermissionHolders.EnabledAsync(db, [GrantsPermissions.Review], includeAdministrators: false, cancellationToken);
        var seats = await db.Set<ReviewAssignment>().AsNoTracking().Where(a => a.RoundId == roundId && !a.Recused)
            .GroupBy(a => a.ReviewerUserId).Select(g => new { g.Key, Assigned = g.Count(), Submitted = g.Count(a => a.SubmittedAt != null) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        return [.. users.Select(u => new ReviewerLoad(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, u.Email ?? "",
            seats.GetValueOrDefault(u.Id)?.Assigned ?? 0, seats.GetValueOrDefault(u.Id)?.Submitted ?? 0))];
    }

    /// <summary>Accounts that may not review the application: those acting for its organization, and its applicant.</summary>
    public async Task<IReadOnlySet<string>> LinkedAsync(GrantApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Linked(application, await register.UsersOfOrganizationAsync(application.OrganizationId, cancellationToken));
    }

    private static HashSet<string> Linked(GrantApplication application, IEnumerable<string> accountsOfOrganization)
    {
        var linked = accountsOfOrganization.ToHashSet(StringComparer.Ordinal);
        if (application.ApplicantUserId is { } applicant)
        {
            linked.Add(applicant);
        }

        return linked;
    }

    /// <summary>
    /// Gives every passed application of the round the round's number of active reviewers: the least loaded eligible
    /// reviewer first (ties by e-mail), never linked, never one already seated (or recused) on it. Returns the seats added;
    /// applications left short (too few eligible reviewers) come back as errors naming them.
    /// </summary>
    public async Task<(OperationResult Result, int Added)> AutoAssignAsync(GrantRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var pool = await PoolAsync(round.Id, cancellationToken);
        var load = pool.ToDictionary(r => r.UserId, r => r.Assigned);
        var applications = await db.Set<GrantApplication>().AsNoTracking().Where(a => a.RoundId == round.Id && a.State == GrantState.Passed)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var seats = (await db.Set<ReviewAssignment>().AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => new { a.ApplicationId, a.ReviewerUserId, a.Recused }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ApplicationId);
        // The accounts of every applicant organization in one query, not one per application.
        var accounts = await register.UsersOfOrganizationsAsync([.. applications.Select(a => a.OrganizationId).Distinct()], cancellationToken);
        var errors = new List<FormError>();
        var added = 0;
        foreach (var application in applications)
        {
            var taken = seats[application.Id].Select(s => s.ReviewerUserId).ToHashSet();
            var needed = round.ReviewersPerApplication - seats[application.Id].Count(s => !s.Recused);
            var linked = Linked(application, accounts[application.OrganizationId]);
            for (var i = 0; i < needed; i++)
            {
                var next = pool.Where(r => !taken.Contains(r.UserId) && !linked.Contains(r.UserId)).OrderBy(r => load[r.UserId]).ThenBy(r => r.Email, StringComparer.Ordinal).FirstOrDefault();
                if (next is null)
                {
                    errors.Add(new FormError("", "Grant.Error.NotEnoughReviewers", application.Title, round.ReviewersPerApplication));
                    break;
                }

                await SeatAsync(round, application, next, automatic: true, cancellationToken);
                taken.Add(next.UserId);
                load[next.UserId]++;
                added++;
            }
        }

        audit.Record("grants.reviewers-assigned", nameof(GrantRound), RoundService.Id(round), $"{added} seats, automatic");
        await db.SaveChangesAsync(cancellationToken);
        return (new OperationResult(errors), added);
    }

    /// <summary>An officer seats the given reviewers on a passed application; linked, unknown or already seated ones are refused.</summary>
    public async Task<OperationResult> AssignAsync(GrantApplication application, IReadOnlyCollection<string> reviewerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(reviewerIds);
        if (application.State != GrantState.Passed)
        {
            return OperationResult.Fail("", "Grant.Error.WrongState");
        }

        var round = await db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == application.RoundId, cancellationToken);
        var pool = (await PoolAsync(round.Id, cancellationToken)).ToDictionary(r => r.UserId);
        var linked = await LinkedAsync(application, cancellationToken);
        var taken = (await db.Set<ReviewAssignment>().Where(a => a.ApplicationId == application.Id).Select(a => a.ReviewerUserId).ToListAsync(cancellationToken)).ToHashSet();
        var errors = SeatRules.Refusals(reviewerIds, pool.ToDictionary(p => p.Key, p => p.Value.Name), linked, taken, "Reviewers", "Grant.Error.NotAReviewer");

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        foreach (var id in reviewerIds.Distinct())
        {
            await SeatAsync(round, application, pool[id], automatic: false, cancellationToken);
        }

        audit.Record("grants.reviewers-assigned", nameof(GrantApplication), GrantApplicationService.Id(application), string.Join(", ", reviewerIds.Distinct().Select(id => pool[id].Name)));
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>An officer takes a seat without a submitted sheet from its reviewer and gives it to another (not linked, not seated).</summary>
    public async Task<OperationResult> ReassignAsync(ReviewAssignment seat, string newReviewerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        if (seat.SubmittedAt is not null)
        {
            return OperationResult.Fail("", "Grant.Error.SheetSubmitted");
        }

        var application = await db.Set<GrantApplication>().SingleAsync(a => a.Id == seat.ApplicationId, cancellationToken);
        var result = await AssignAsync(application, [newReviewerId], cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        db.Remove(seat);
        audit.Record("grants.reviewer-reassigned", nameof(GrantApplication), GrantApplicationService.Id(application), $"{seat.ReviewerName} → {newReviewerId}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// The reviewer declares no conflict (and may then open the application) or recuses with a reason; a recusal seats
    /// the least loaded eligible reviewer instead (officers are told when there is none).
    /// </summary>
    public async Task<OperationResult> DeclareAsync(ReviewAssignment seat, bool conflict, string? reason, CancellationToken cancellationToken)
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

        seat.DeclaredAt = clock.GetUtcNow().UtcDateTime;
        seat.Recused = conflict;
        seat.RecusalReason = conflict ? reason!.Trim() : null;
        audit.Record(conflict ? "grants.reviewer-recused" : "grants.no-conflict-declared", nameof(ReviewAssignment), seat.Id.ToString(CultureInfo.InvariantCulture),
            $"{seat.ReviewerName} on application {seat.ApplicationId}{(conflict ? ": " + seat.RecusalReason : "")}");
        await db.SaveChangesAsync(cancellationToken);
        if (conflict)
        {
            var round = await db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == seat.RoundId, cancellationToken);
            var (result, _) = await AutoAssignAsync(round, cancellationToken);
            if (!result.Succeeded)
            {
                await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.Recused", new Dictionary<string, string> { ["reviewer"] = seat.ReviewerName },
                    GrantLinks.AdminApplication(seat.ApplicationId), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return OperationResult.Ok;
    }

    /// <summary>Saves the reviewer's sheet (a draft may be partial); submitting needs every criterion and locks the sheet.</summary>
    public async Task<OperationResult> SaveScoresAsync(ReviewAssignment seat, GrantRound round, IReadOnlyDictionary<string, ScoreEntry> entries, bool submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(entries);
        if (!seat.MayOpen)
        {
            return OperationResult.Fail("", "Grant.Error.DeclareFirst");
        }

        if (seat.SubmittedAt is not null || !RoundWorkflow.BeforeShortlist(round.Stage))
        {
            return OperationResult.Fail("", "Grant.Error.SheetLocked");
        }

        var errors = ScoreErrors(round.Rubric, entries);
        if (submit)
        {
            errors.AddRange(round.Rubric.Where(c => !entries.ContainsKey(c.Code)).Select(c => new FormError(c.Code, "Grant.Error.CriterionMissing", c.Name)));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        foreach (var (code, entry) in entries)
        {
            if (seat.Scores.FirstOrDefault(s => s.CriterionCode == code) is { } score)
            {
                score.Points = entry.Points;
                score.Comment = entry.Comment.Trim();
            }
            else
            {
                seat.Scores.Add(new ReviewScore { CriterionCode = code, Points = entry.Points, Comment = entry.Comment.Trim() });
            }
        }

        if (submit)
        {
            seat.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("grants.scores-submitted", nameof(ReviewAssignment), seat.Id.ToString(CultureInfo.InvariantCulture),
                $"{seat.ReviewerName} on application {seat.ApplicationId}: {seat.Scores.Sum(s => s.Points)}");
        }

        // Score rows alone do not modify the seat: touching it makes two tabs saving the same sheet conflict.
        seat.Version++;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Points outside 0 … the criterion's weight, finer than 0.5, unknown criteria, over-long comments.</summary>
    public static List<FormError> ScoreErrors(IReadOnlyList<RubricCriterion> rubric, IReadOnlyDictionary<string, ScoreEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<FormError>();
        foreach (var (code, entry) in entries)
        {
            if (rubric.FirstOrDefault(c => c.Code == code) is not { } criterion)
            {
                errors.Add(new FormError(code, "Grant.Error.UnknownCriterion", code));
            }
            else if (entry.Points < 0 || entry.Points > criterion.Weight || decimal.Round(entry.Points, 1) != entry.Points)
            {
                errors.Add(new FormError(code, "Grant.Error.PointsRange", criterion.Name, criterion.Weight));
            }
            else if (entry.Comment.Length > 2000)
            {
                errors.Add(new FormError(code, "Validation.MaxLength", "Grant.Field.Comment", 2000));
            }
        }

        return errors;
    }

    /// <summary>An officer reopens a submitted sheet with a reason; the reviewer is told.</summary>
    public async Task<OperationResult> ReopenAsync(ReviewAssignment seat, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        if (seat.SubmittedAt is null)
        {
            return OperationResult.Fail("", "Grant.Error.SheetNotSubmitted");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return OperationResult.Fail("Reason", "Validation.Required", "Grant.Field.ReopenReason");
        }

        seat.SubmittedAt = null;
        seat.ReopenReason = reason.Trim();
        audit.Record("grants.sheet-reopened", nameof(ReviewAssignment), seat.Id.ToString(CultureInfo.InvariantCulture), $"{seat.ReviewerName}: {seat.ReopenReason}");
        await notifier.NotifyUserAsync(seat.ReviewerUserId, "Grant.Reopened", new Dictionary<string, string> { ["reason"] = seat.ReopenReason }, GrantLinks.ReviewSheet(seat.ApplicationId), cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private async Task SeatAsync(GrantRound round, GrantApplication application, ReviewerLoad reviewer, bool automatic, CancellationToken cancellationToken)
    {
        db.Add(new ReviewAssignment
        {
            RoundId = round.Id,
            ApplicationId = application.Id,
            ReviewerUserId = reviewer.UserId,
            ReviewerName = reviewer.Name,
            AssignedAt = clock.GetUtcNow().UtcDateTime,
            Automatic = automatic,
        });
        await notifier.NotifyUserAsync(reviewer.UserId, "Grant.Assigned", new Dictionary<string, string> { ["round"] = round.Name }, GrantLinks.Review, cancellationToken);
    }
}
