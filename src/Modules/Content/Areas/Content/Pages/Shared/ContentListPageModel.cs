using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Modularity;

namespace Registry.Content.Areas.Content.Pages;

/// <summary>A public list of a type's items (per category), newest first, paged; one row per item in the reader's culture or its fallback.</summary>
[AllowAnonymous]
[ServiceFilter<ContentPageCacheFilter>]
public abstract class ContentListPageModel(ContentReader reader, ContentTypeRegistry types) : PageModel
{
    public const int PageSize = 20;

    protected abstract string TypeName { get; }

    public IContentTypeDefinition Type => types.Find(TypeName)!;

    public string? Category { get; private set; }

    public IReadOnlyList<ContentSummary> Items { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public string Culture { get; private set; } = ContentCultures.Chinese;

    public async Task<IActionResult> OnGetAsync(string? category, int p = 1, CancellationToken cancellationToken = default)
    {
        if (category is not null && !Type.Categories.Contains(category))
        {
            return NotFound();
        }

        Category = category;
        Culture = CultureInfo.CurrentUICulture.Name == ContentCultures.English ? ContentCultures.English : ContentCultures.Chinese;
        var (_, total) = await reader.ListAsync(TypeName, category, Culture, 0, 0, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        (Items, _) = await reader.ListAsync(TypeName, category, Culture, (page - 1) * PageSize, PageSize, cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => $"?category={Uri.EscapeDataString(category ?? "")}&p={n}");
        HttpContext.Items[ContentPageCache.ValidUntilItem] = await reader.NextScheduledAsync(cancellationToken);
        return Page();
    }
}
