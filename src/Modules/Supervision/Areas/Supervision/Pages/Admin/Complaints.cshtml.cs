using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Admin;

/// <summary>Complaints with their triage deadlines (derived when read) and the statistics per year and cause.</summary>
[Permission(SupervisionPermissions.HandleComplaints)]
public sealed class ComplaintsModel(DbContext db, ComplaintService complaints, ICalendarProvider calendars, ComplaintOptions options, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Complaint Complaint, DueDate TriageDue, bool Overdue)> Rows { get; private set; } = [];

    public IReadOnlyList<(int Year, ComplaintCause Cause, int Count)> Statistics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var loaded = await db.Set<Complaint>().AsNoTracking().OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Rows = [.. loaded.Select(c =>
        {
            var due = c.TriageDue(calendar, options.TriageWorkingDays);
            return (c, due, c.State == ComplaintState.Received && today > due.Date);
        })];
        Statistics = await complaints.StatisticsAsync(cancellationToken);
    }
}
