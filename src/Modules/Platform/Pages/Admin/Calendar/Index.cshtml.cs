using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core;
using Registry.Core.Calendar;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Admin.Calendar;

[Permission(CorePermissions.ViewCalendar)]
public sealed class IndexModel(DbContext db) : PageModel
{
    public IReadOnlyList<CalendarYearData> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<CalendarYear>().AsNoTracking().OrderByDescending(y => y.Year).Select(y => y.Json).ToListAsync(cancellationToken);
        Years = [.. rows.SelectMany(HolidayCalendarJson.Parse)];
    }
}
