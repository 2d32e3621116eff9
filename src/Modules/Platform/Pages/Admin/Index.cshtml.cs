using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core;
using Registry.Core.Calendar;
using Registry.Core.Mail;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Admin;

[Permission(CorePermissions.BackOffice)]
public sealed class IndexModel(DbContext db, CalendarWarning calendarWarning, IEnumerable<IWorkItemSource> workItems) : PageModel
{
    public CalendarWarningStatus CalendarWarning { get; private set; } = new(null, 0);

    /// <summary>The signed-in user's to-dos, as each module reports them (only what the user may open).</summary>
    public IReadOnlyList<WorkItem> WorkItems { get; private set; } = [];

    public int PendingMail { get; private set; }

    public IReadOnlyList<int> CalendarYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();
        foreach (var source in workItems)
        {
            items.AddRange(await source.ForAsync(User, cancellationToken));
        }

        WorkItems = [.. items.OrderBy(i => i.Order)];
        PendingMail = await db.Set<MailMessage>().CountAsync(m => m.Status == MailStatus.Pending, cancellationToken);
        CalendarYears = await db.Set<CalendarYear>().OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(cancellationToken);
        CalendarWarning = await calendarWarning.GetAsync(cancellationToken);
    }
}
