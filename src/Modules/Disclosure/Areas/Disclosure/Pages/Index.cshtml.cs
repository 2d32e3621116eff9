using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages;

/// <summary>
/// The public government information disclosure page: the 公开指南 (how to ask), the category tree and the 公开目录 with
/// filters (category, year, publisher) and search; each entry shows its catalogue header and links to the information.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(DbContext db, CatalogueOptions options) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<CatalogueItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The configured categories with how many public entries each holds.</summary>
    public IReadOnlyList<(string Category, int Count)> Categories { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<string> Publishers { get; private set; } = [];

    public string? Category { get; private set; }

    public int? Year { get; private set; }

    public string? Publisher { get; private set; }

    public string? Query { get; private set; }

    public async Task OnGetAsync(string? category, int? year, string? publisher, string? q, CancellationToken cancellationToken)
    {
        var visible = db.Set<CatalogueItem>().AsNoTracking().Where(i => !i.Withdrawn);
        var counts = await visible.GroupBy(i => i.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Categories = [.. options.Categories.Select(c => (c, counts.SingleOrDefault(x => x.Key == c)?.Count ?? 0))];
        Years = [.. (await visible.Select(i => i.PublishedOn).ToListAsync(cancellationToken)).Select(d => d.Year).Distinct().OrderDescending()];
        Publishers = await visible.Select(i => i.Publisher).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);

        Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        Year = year is >= 1900 and <= 9999 ? year : null;
        Publisher = string.IsNullOrWhiteSpace(publisher) ? null : publisher.Trim();
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        var query = visible;
        if (Category is { } c)
        {
            query = query.Where(i => i.Category == c);
        }

        if (Year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(i => i.PublishedOn >= from && i.PublishedOn <= to);
        }

        if (Publisher is { } p)
        {
            query = query.Where(i => i.Publisher == p);
        }

        if (Query is { } text)
        {
            query = query.Where(i => i.Title.Contains(text) || i.IndexNumber.Contains(text) || (i.DocumentNumber != null && i.DocumentNumber.Contains(text)));
        }

        Total = await query.CountAsync(cancellationToken);
        Items = await query.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
