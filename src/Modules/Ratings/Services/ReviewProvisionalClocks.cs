using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>Unanswered review requests whose answer date a provisional calendar year decides.</summary>
internal sealed class ReviewProvisionalClocks(DbContext db) : IProvisionalClocks
{
    public async Task<int> CountProvisionalAsync(WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var open = await db.Set<ReviewRequest>().AsNoTracking().Where(r => r.DecidedOn == null).ToListAsync(cancellationToken);
        return open.Count(r => DecisionService.DueOf(calendar, r).Provisional);
    }
}
