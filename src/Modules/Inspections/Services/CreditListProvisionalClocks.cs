using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Services;

/// <summary>Verified credit-list entries still waiting to end whose exit due date a provisional calendar year decides.</summary>
internal sealed class CreditListProvisionalClocks(DbContext db, CreditListRules rules) : IProvisionalClocks
{
    public async Task<int> CountProvisionalAsync(WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<CreditListEntry>().AsNoTracking()
            .Where(e => e.ExitedOn == null && e.FulfilmentVerifiedOn != null)
            .ToListAsync(cancellationToken);
        return waiting.Count(e => CreditListService.ExitDue(calendar, rules, e) is { Provisional: true });
    }
}
