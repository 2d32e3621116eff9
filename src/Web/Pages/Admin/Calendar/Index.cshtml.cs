using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core;
using Registry.Core.Calendar;
using Registry.Core.Security;
using Registry.Web.Data;

namespace Registry.Web.Pages.Admin.Calendar;

[Permission(CorePermissions.ViewCalendar)]
public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    public IReadOnlyList<CalendarYearData> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<CalendarYear>().AsNoTracking().OrderByDescending(y => y.Year).Select(y => y.Json).ToListAsync(cancellationToken);
        Years = [.. rows.SelectMany(HolidayCalendarJson.Parse)];
    }
}
