using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Applications;

/// <summary>The officers' queue: what waits for them, oldest first, with the working days left on both clocks.</summary>
[Permission(OrganizationsPermissions.ReviewApplications)]
public sealed class IndexModel(DbContext db, DeadlineService deadlines) : PageModel
{
    private const int PageSize = 30;
    private static readonly ApplicationState[] Open = [ApplicationState.Submitted, ApplicationState.Returned, ApplicationState.Accepted, ApplicationState.UnderReview];

    public ApplicationKind? Kind { get; private set; }

    public ApplicationState? State { get; private set; }

    public bool OverdueOnly { get; private set; }

    /// <summary>Organization type of the applications (e.g. from a report's figure).</summary>
    public OrganizationType? Type { get; private set; }

    /// <summary>Decided from this day (China time), inclusive.</summary>
    public DateOnly? From { get; private set; }

    /// <summary>Decided up to this day (China time), inclusive.</summary>
    public DateOnly? To { get; private set; }

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public async Task OnGetAsync(ApplicationKind? kind, ApplicationState? state, OrganizationType? type, DateOnly? from, DateOnly? to, bool overdue = false, int p = 1, CancellationToken cancellationToken = default)
    {
        Kind = kind;
        State = state == ApplicationState.Draft ? null : state;
        OverdueOnly = overdue;
        (Type, From, To) = (type, from, to);
        var query = db.Set<RegistrationApplication>().AsNoTracking().Where(a => a.State != ApplicationState.Draft);
        query = State is { } s ? query.Where(a => a.State == s) : query.Where(a => Open.Contains(a.State));
        if (Kind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        if (Type is { } t)
        {
            query = query.Where(a => a.OrganizationType == t);
        }

        if (From is { } first)
        {
            var fromUtc = ChinaTime.StartUtc(first);
            query = query.Where(a => a.DecidedAt >= fromUtc);
        }

        if (To is { } last)
        {
            var toUtc = ChinaTime.StartUtc(last.AddDays(1));
            query = query.Where(a => a.DecidedAt < toUtc);
        }

        // Deadlines need the calendar, so overdue filtering happens after loading the open items (a bounded set).
        var applications = await query.OrderBy(a => a.SubmittedAt).Include(a => a.Corrections).Take(2000).ToListAsync(cancellationToken);
        var rows = new List<QueueRow>();
        foreach (var application in applications)
        {
            var due = await deadlines.ComputeAsync(application, cancellationToken);
            if (!OverdueOnly || due.Promised?.IsOverdue == true || due.Statutory?.IsOverdue == true)
            {
                rows.Add(new QueueRow(application, due));
            }
        }

        var page = PageInfo.Clamp(p, PageSize, rows.Count);
        Rows = [.. rows.Skip((page - 1) * PageSize).Take(PageSize)];
        Paging = new PageInfo(page, PageSize, rows.Count, n => $"?kind={Kind}&state={State}&type={Type}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&overdue={OverdueOnly}&p={n}");
    }

    public sealed record QueueRow(RegistrationApplication Application, ApplicationDeadlines Deadlines);
}
