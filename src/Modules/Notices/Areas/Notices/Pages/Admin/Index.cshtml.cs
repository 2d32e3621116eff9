using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;

namespace Registry.Notices.Areas.Notices.Pages.Admin;

/// <summary>All notices in the back office, drafts and withdrawn ones included, with their objections waiting for an answer.</summary>
[Permission(NoticesPermissions.Manage)]
public sealed class IndexModel(DbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 25;

    public string? Query { get; private set; }

    public NoticeKind? Kind { get; private set; }

    public NoticeStatus? Status { get; private set; }

    public IReadOnlyList<Row> Notices { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public bool IsUnfiltered => Query is null && Kind is null && Status is null;

    public async Task OnGetAsync(string? q, string? kind, string? status, int p = 1, CancellationToken cancellationToken = default)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Kind = Enum.TryParse<NoticeKind>(kind, out var k) && Enum.IsDefined(k) ? k : null;
        Status = Enum.TryParse<NoticeStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;

        var notices = db.Set<Notice>().AsNoTracking();
        if (Query is not null)
        {
            notices = notices.Where(n => n.Title.Contains(Query));
        }

        if (Kind is { } kindFilter)
        {
            notices = notices.Where(n => n.Kind == kindFilter);
        }

        if (Status is { } statusFilter)
        {
            notices = notices.Where(n => n.Status == statusFilter);
        }

        var total = await notices.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        var rows = await notices
            .OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new
            {
                Notice = n,
                Objections = db.Set<Objection>().Count(o => o.NoticeId == n.Id),
                Unanswered = db.Set<Objection>().Count(o => o.NoticeId == n.Id && o.AnsweredAt == null),
            })
            .ToListAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Notices = [.. rows.Select(r => new Row(r.Notice, r.Notice.PeriodOn(today), r.Objections, r.Unanswered))];
        Paging = new PageInfo(page, PageSize, total, UrlFor);
    }

    private string UrlFor(int page) =>
        $"?q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&status={Status}&p={page}";

    public sealed record Row(Notice Notice, PeriodState Period, int Objections, int Unanswered);
}
