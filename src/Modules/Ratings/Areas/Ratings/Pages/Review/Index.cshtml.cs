using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Areas.Ratings.Pages.Review;

/// <summary>The expert's assignments: which applications, where each stands, and what the expert has still to do.</summary>
[Permission(RatingsPermissions.Score)]
public sealed class IndexModel(DbContext db) : PageModel
{
    public IReadOnlyList<Assignment> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId() ?? "";
        var rows = await db.Set<PanelMember>().AsNoTracking().Where(p => p.ReviewerUserId == userId)
            .Join(db.Set<RatingApplication>(), p => p.ApplicationId, a => a.Id, (p, a) => new { Seat = p, a.OrganizationName, a.OrganizationType, a.State, a.CampaignId, a.FieldAssessmentOn })
            .Join(db.Set<RatingCampaign>(), x => x.CampaignId, c => c.Id, (x, c) => new Assignment(x.Seat, x.OrganizationName, x.OrganizationType, x.State, c.Title, x.FieldAssessmentOn))
            .ToListAsync(cancellationToken);
        Assignments = [.. rows.OrderByDescending(a => a.Seat.AssignedAt)];
    }

    /// <summary>One seat on a panel with what the list shows of the application.</summary>
    public sealed record Assignment(PanelMember Seat, string OrganizationName, string OrganizationType, RatingState State, string CampaignTitle, DateOnly? FieldAssessmentOn)
    {
        /// <summary>What the expert has to do next, as a resource key.</summary>
        public string TaskKey => Seat.Recused ? "Rate.Review.Task.Recused"
            : Seat.DeclaredAt is null ? "Rate.Review.Task.Declare"
            : Seat.ScoresSubmittedAt is not null ? "Rate.Review.Task.Submitted"
            : State == RatingState.Assessment ? "Rate.Review.Task.Score"
            : "Rate.Review.Task.Closed";
    }
}
