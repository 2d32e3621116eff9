using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Modularity;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Areas.Inspections.Pages;

/// <summary>The public credit lists: who is on which list, since when and why; past entries on request.</summary>
[AllowAnonymous]
public sealed class CreditListsModel(CreditListService creditLists) : PageModel
{
    private const int PageSize = 30;

    public IReadOnlyList<CreditListEntry> Entries { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public CreditList? List { get; private set; }

    public bool IncludeEnded { get; private set; }

    public string? Query { get; private set; }

    public async Task OnGetAsync(string? list, bool all = false, string? q = null, int p = 1, CancellationToken cancellationToken = default)
    {
        List = Enum.TryParse<CreditList>(list, out var l) && Enum.IsDefined(l) ? l : null;
        IncludeEnded = all;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        var (_, total) = await creditLists.PageAsync(List, IncludeEnded, Query, 1, 1, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        (Entries, _) = await creditLists.PageAsync(List, IncludeEnded, Query, page, PageSize, cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => $"?list={List}&all={IncludeEnded}&q={Uri.EscapeDataString(Query ?? "")}&p={n}");
    }
}
