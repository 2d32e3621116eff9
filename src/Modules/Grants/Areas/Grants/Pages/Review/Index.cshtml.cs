using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Review;

/// <summary>The reviewer's assigned applications: to declare, to score, submitted (titles only until declared).</summary>
[Permission(GrantsPermissions.Review)]
public sealed class IndexModel(ReviewService reviews, DbContext db) : PageModel
{
    public IReadOnlyList<(ReviewAssignment Seat, string Title)> Seats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var seats = await reviews.SeatsOfReviewerAsync(User.UserId()!, cancellationToken);
        var ids = seats.Select(s => s.ApplicationId).ToList();
        var titles = await db.Set<GrantApplication>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        Seats = [.. seats.Select(s => (s, titles[s.ApplicationId]))];
    }
}
