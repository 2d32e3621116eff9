using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Contracts;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Admin;

/// <summary>
/// Complaints with their triage deadlines (derived when read) and the statistics per year and cause; filtered by cause,
/// days of receipt and outcome (what a dashboard figure links to), paged.
/// </summary>
[Permission(SupervisionPermissions.HandleComplaints)]
public sealed class ComplaintsModel(DbContext db, ComplaintService complaints, ICalendarProvider calendars, ComplaintOptions options, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<(Complaint Complaint, DueDate TriageDue, bool Overdue)> Rows { get; private set; } = [];

    public IReadOnlyList<(int Year, ComplaintCause Cause, int Count)> Statistics { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public ComplaintCause? Cause { get; private set; }

    public ComplaintOutcome Outcome { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool Filtered => Cause is not null || Outcome != ComplaintOutcome.Received || From is not null || To is not null;

    /// <summary>Unknown or malformed filter values are ignored (the whole list), never an error page.</summary>
    public async Task OnGetAsync(string? cause, string? outcome, string? from, string? to, int p = 1, CancellationToken cancellationToken = default)
    {
        Cause = Enum.TryParse<ComplaintCause>(cause, out var c) && Enum.IsDefined(c) && !int.TryParse(cause, out _) ? c : null;
        Outcome = Enum.TryParse<ComplaintOutcome>(outcome, out var o) && Enum.IsDefined(o) && !int.TryParse(outcome, out _) ? o : ComplaintOutcome.Received;
        From = Day(from);
        To = Day(to);
        var query = ComplaintService.Filter(db.Set<Complaint>().AsNoTracking(), Cause, Outcome, From, To);
        var total = await query.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        var loaded = await query.OrderByDescending(x => x.ReceivedOn).ThenByDescending(x => x.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Rows = [.. loaded.Select(x =>
        {
            var due = x.TriageDue(calendar, options.TriageWorkingDays);
            return (x, due, x.State == ComplaintState.Received && today > due.Date);
        })];
        Paging = new PageInfo(page, PageSize, total, UrlFor);
        Statistics = await complaints.StatisticsAsync(cancellationToken);
    }

    private string UrlFor(int page) => LinkPath.With(SupervisionLinks.AdminComplaints, ("cause", Cause), ("outcome", Outcome == ComplaintOutcome.Received ? null : (object?)Outcome), ("from", From), ("to", To), ("p", page));

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1900 and <= 2099 ? day : null;
}
