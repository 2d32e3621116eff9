using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Grants.Domain;

namespace Registry.Grants.Services;

/// <summary>Progress reports not yet submitted whose due date a provisional calendar year decides.</summary>
internal sealed class ProgressProvisionalClocks(DbContext db) : IProvisionalClocks
{
    public async Task<int> CountProvisionalAsync(WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var open = await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => (r.State == ReportState.Draft || r.State == ReportState.Returned) && r.DueWorkingDays > 0)
            .ToListAsync(cancellationToken);
        return open.Count(r => r.DueDate(calendar).Provisional);
    }
}
