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
public sealed class RequestsModel(DbContext db, AnnualReportService reports, ICalendarProvider calendars, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(DisclosureRequest Request, RequestClockStatus? Clock)> Rows { get; private set; } = [];

    public string? State { get; private set; }

    public DueFilter Due { get; private set; }

    public bool ShowsIdentity { get; private set; }

    /// <summary>The annual report cell the list is limited to (its figure links here), or null.</summary>
    public (int Year, ReportRow Row, ReportColumn Column)? ReportCell { get; private set; }

    public async Task OnGetAsync(string? state, DueFilter due, int? reportYear, ReportRow? row, ReportColumn? column, CancellationToken cancellationToken)
    {
        State = state;
        Due = Enum.IsDefined(due) ? due : DueFilter.All;
        ShowsIdentity = User.HasPermission(DisclosurePermissions.HandleRequests);
        if (reportYear is { } year && reports.IsReportableYear(year) && row is { } r && Enum.IsDefined(r) && column is { } c && Enum.IsDefined(c))
        {
            ReportCell = (year, r, c);
            State = null;
            Due = DueFilter.All;
            var counted = (await reports.RequestsOfYearAsync(year, cancellationToken)).Where(q => AnnualReportRules.CountsIn(q, year, r, c)).ToList();
            await ShowAsync(counted, cancellationToken);
            return;
        }

        var query = db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Events).AsQueryable();
        if (state == "Open" || Due != DueFilter.All)
        {
            query = query.Where(r => r.State == RequestState.Received || r.State == RequestState.AwaitingCorrection || r.State == RequestState.InConsultation);
        }
        else if (Enum.TryParse<RequestState>(state, out var only) && Enum.IsDefined(only))
        {
            query = query.Where(r => r.State == only);
        }

        await ShowAsync(await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).ToListAsync(cancellationToken), cancellationToken);
    }

    private async Task ShowAsync(IReadOnlyList<DisclosureRequest> loaded, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Rows = [.. loaded.Select(r => (r, RequestClock.TryCompute(calendar, r.ReceivedOn, r.Events, today)))
            .Where(row => Due switch
            {
                DueFilter.DueSoon => row.Item2?.IsDueSoon == true,
                DueFilter.Overdue => row.Item2?.IsOverdue == true,
                _ => true,
            })];
    }
}
