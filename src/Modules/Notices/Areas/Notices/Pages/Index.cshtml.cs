using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Notices.Services;

namespace Registry.Notices.Areas.Notices.Pages;

/// <summary>公示公告: published notices, newest first, filtered by kind, year and words of the title.</summary>
[AllowAnonymous]
public sealed class IndexModel(DbContext db, NoticeMarkdown markdown, TimeProvider clock) : PageModel
{
    private const int PageSize = 20;
    private const int ExcerptLength = 120;

    // Beijing has kept UTC+8 without daylight saving since 1991, so a year's bounds are fixed offsets.
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public string? Query { get; private set; }

    public NoticeKind? Kind { get; private set; }

    public int? Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<Item> Notices { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public bool IsUnfiltered => Query is null && Kind is null && Year is null;

    public async Task OnGetAsync(string? q, string? kind, int? year, int p = 1, CancellationToken cancellationToken = default)
    {
        // Unknown filter values are ignored rather than failing the list (old bookmarks, hand-edited links).
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Kind = Enum.TryParse<NoticeKind>(kind, out var k) && Enum.IsDefined(k) ? k : null;
        var published = db.Set<Notice>().AsNoTracking().Where(n => n.Status == NoticeStatus.Published && n.PublishedAt != null);
        var dates = await published.Select(n => n.PublishedAt!.Value).ToListAsync(cancellationToken);
        Years = [.. dates.Select(d => new DateTimeOffset(d, TimeSpan.Zero).ToOffset(Beijing).Year).Distinct().OrderDescending()];
        Year = year is { } y && Years.Contains(y) ? y : null;

        var notices = published;
        if (Query is not null)
        {
            notices = notices.Where(n => n.Title.Contains(Query));
        }

        if (Kind is { } kindFilter)
        {
            notices = notices.Where(n => n.Kind == kindFilter);
        }

        if (Year is { } yearFilter)
        {
            var from = new DateTimeOffset(yearFilter, 1, 1, 0, 0, 0, Beijing).UtcDateTime;
            var to = new DateTimeOffset(yearFilter + 1, 1, 1, 0, 0, 0, Beijing).UtcDateTime;
            notices = notices.Where(n => n.PublishedAt >= from && n.PublishedAt < to);
        }

        var total = await notices.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        var rows = await notices.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Notices = [.. rows.Select(n => new Item(n, n.PeriodOn(today), markdown.Excerpt(n.BodyMarkdown, ExcerptLength)))];
        Paging = new PageInfo(page, PageSize, total, UrlFor);
    }

    private string UrlFor(int page) =>
        $"?q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&year={Year}&p={page}";

    public sealed record Item(Notice Notice, PeriodState Period, string Excerpt);
}
