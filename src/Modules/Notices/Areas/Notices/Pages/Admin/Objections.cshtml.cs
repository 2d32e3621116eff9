using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Notices.Domain;

namespace Registry.Notices.Areas.Notices.Pages.Admin;

/// <summary>Objections filed on notices, unanswered first; filter by notice and by whether they are answered.</summary>
[Permission(NoticesPermissions.Manage)]
public sealed class ObjectionsModel(DbContext db) : PageModel
{
    private const int PageSize = 25;

    public int? NoticeId { get; private set; }

    public string? NoticeTitle { get; private set; }

    /// <summary>"open", "answered" or null for all.</summary>
    public string? State { get; private set; }

    public IReadOnlyList<Row> Objections { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public async Task OnGetAsync(int? notice, string? state, int p = 1, CancellationToken cancellationToken = default)
    {
        State = state is "open" or "answered" ? state : null;
        if (notice is { } noticeId)
        {
            NoticeTitle = await db.Set<Notice>().Where(n => n.Id == noticeId).Select(n => n.Title).SingleOrDefaultAsync(cancellationToken);
            NoticeId = NoticeTitle is null ? null : noticeId;
        }

        var objections = db.Set<Objection>().AsNoTracking();
        if (NoticeId is { } id)
        {
            objections = objections.Where(o => o.NoticeId == id);
        }

        objections = State switch
        {
            "open" => objections.Where(o => o.AnsweredAt == null),
            "answered" => objections.Where(o => o.AnsweredAt != null),
            _ => objections,
        };

        var total = await objections.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Objections = await objections
            .OrderBy(o => o.AnsweredAt == null ? 0 : 1).ThenByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.Set<Notice>(), o => o.NoticeId, n => n.Id, (o, n) => new Row(o, n.Title))
            .ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, UrlFor);
    }

    private string UrlFor(int page) => $"?notice={NoticeId}&state={State}&p={page}";

    public sealed record Row(Objection Objection, string NoticeTitle);
}
