using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages.Admin;

/// <summary>Which requests the list shows by their clock.</summary>
public enum DueFilter
{
    All,

    /// <summary>即将超期.</summary>
    DueSoon,

    /// <summary>已超期.</summary>
    Overdue,
}

/// <summary>
/// The requests for disclosure with their derived clocks. Officers without <see cref="DisclosurePermissions.HandleRequests"/>
/// see the queue and the clocks but not who asked.
/// </summary>
[Permission(DisclosurePermissions.ViewRequests)]
public sealed class RequestsModel(DbContext db, ICalendarProvider calendars, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(DisclosureRequest Request, RequestClockStatus Clock)> Rows { get; private set; } = [];

    public string? State { get; private set; }

    public DueFilter Due { get; private set; }

    public bool ShowsIdentity { get; private set; }

    public async Task OnGetAsync(string? state, DueFilter due, CancellationToken cancellationToken)
    {
        State = state;
        Due = Enum.IsDefined(due) ? due : DueFilter.All;
        ShowsIdentity = User.HasPermission(DisclosurePermissions.HandleRequests);
        var query = db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Events).AsQueryable();
        if (state == "Open" || Due != DueFilter.All)
        {
            query = query.Where(r => r.State == RequestState.Received || r.State == RequestState.AwaitingCorrection || r.State == RequestState.InConsultation);
        }
        else if (Enum.TryParse<RequestState>(state, out var only) && Enum.IsDefined(only))
        {
            query = query.Where(r => r.State == only);
        }

        var loaded = await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Rows = [.. loaded.Select(r => (r, RequestClock.Compute(calendar, r.ReceivedOn, r.Events, today)))
            .Where(row => Due switch
            {
                DueFilter.DueSoon => row.Item2.IsDueSoon,
                DueFilter.Overdue => row.Item2.IsOverdue,
                _ => true,
            })];
    }
}
