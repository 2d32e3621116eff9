using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Contracts;

namespace Registry.Ratings.Services;

/// <summary>
/// The expert's rating to-dos on the 工作台: seats on panels of applications under field assessment whose declaration or
/// score sheet is still due, linking to the expert's assignments.
/// </summary>
internal sealed class RatingWorkItems(DbContext db) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(RatingsPermissions.Score) || user.UserId() is not { } userId)
        {
            return [];
        }

        var due = await db.Set<PanelMember>().AsNoTracking()
            .Where(p => p.ReviewerUserId == userId && !p.Recused && p.ScoresSubmittedAt == null)
            .Join(db.Set<RatingApplication>(), p => p.ApplicationId, a => a.Id, (p, a) => a.State)
            .CountAsync(state => state == RatingState.Assessment, cancellationToken);
        return [new("Rate.Work.SheetsDue", due, RatingLinks.Review, 200)];
    }
}
