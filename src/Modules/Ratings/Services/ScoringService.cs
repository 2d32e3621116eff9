using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Notifications;
using Registry.Core.Review;
using Registry.Ratings.Domain;
using Registry.Ratings.Contracts;

namespace Registry.Ratings.Services;

/// <summary>Experts' scores: saved as they go, submitted once complete; the officer sees means, spreads and disagreements.</summary>
public sealed class ScoringService(DbContext db, RatingApplicationService applications, INotifier notifier, IAuditTrail audit, TimeProvider clock)
{
    public Task<List<ExpertScore>> ScoresAsync(int applicationId, CancellationToken cancellationToken) =>
        db.Set<ExpertScore>().AsNoTracking().Where(s => s.ApplicationId == applicationId).ToListAsync(cancellationToken);

    /// <summary>Saves the expert's scores; with <paramref name="submit"/> every indicator must be scored and nothing changes after.</summary>
    public async Task<OperationResult> SaveAsync(RatingApplication application, PanelMember seat, IReadOnlyDictionary<string, ScoreEntry> entries, bool submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(seat);
        ArgumentNullException.ThrowIfNull(entries);
        if (!seat.MaySeeFile || seat.ScoresSubmittedAt is not null || application.State != RatingState.Assessment)
        {
            return OperationResult.Fail("", "Rate.Error.CannotScore");
        }

        var rubric = await applications.RubricOfAsync(application, cancellationToken);
        var errors = RatingApplicationService.ScoreErrors(rubric, entries.ToDictionary(e => e.Key, e => e.Value.Points)).ToList();
        errors.AddRange(entries.Where(e => e.Value.Comment.Length > TextLimits.Note).Select(e => new FormError(e.Key, "Validation.MaxLength", "Rate.Field.Comment", TextLimits.Note)));
        if (submit)
        {
            var missing = rubric.Indicators.Count(i => !entries.ContainsKey(i.Code));
            if (missing > 0)
            {
                errors.Add(new FormError("", "Rate.Error.ScoresIncomplete", missing));
            }
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var existing = await db.Set<ExpertScore>().Where(s => s.ApplicationId == application.Id && s.ReviewerUserId == seat.ReviewerUserId).ToListAsync(cancellationToken);
        foreach (var (code, entry) in entries)
        {
            var score = existing.FirstOrDefault(s => s.IndicatorCode == code);
            if (score is null)
            {
                score = new ExpertScore { ApplicationId = application.Id, ReviewerUserId = seat.ReviewerUserId, IndicatorCode = code };
                db.Add(score);
            }

            score.Points = entry.Points;
            score.Comment = entry.Comment.Trim();
        }

        if (submit)
        {
            seat.ScoresSubmittedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("ratings.scores-submitted", nameof(RatingApplication), RatingApplicationService.Id(application), seat.ReviewerName);
            await notifier.NotifyPermissionHoldersAsync(RatingsPermissions.Manage, "Rate.ScoresSubmitted",
                new Dictionary<string, string> { ["organization"] = application.OrganizationName, ["expert"] = seat.ReviewerName },
                RatingLinks.AdminApplication(application.Id), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The sheet over the experts who submitted (recused and unfinished experts do not count).</summary>
    public async Task<(ScoreSheet Sheet, IReadOnlyList<PanelMember> Panel)> SheetAsync(RatingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var rubric = await applications.RubricOfAsync(application, cancellationToken);
        var panel = await db.Set<PanelMember>().AsNoTracking().Where(p => p.ApplicationId == application.Id).OrderBy(p => p.AssignedAt).ToListAsync(cancellationToken);
        var counting = panel.Where(p => p.ScoresSubmittedAt is not null && !p.Recused).Select(p => p.ReviewerUserId).ToList();
        return (ScoreSheet.Compute(rubric, await ScoresAsync(application.Id, cancellationToken), counting), panel);
    }
}
