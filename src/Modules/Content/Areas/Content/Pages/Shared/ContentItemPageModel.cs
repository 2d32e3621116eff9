using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Content.Domain;
using Registry.Content.Services;

namespace Registry.Content.Areas.Content.Pages;

/// <summary>
/// A public item page: finds the item by its slug in the reader's culture (the English site falls back to the Chinese
/// variant with a note), answers an old slug or a non-canonical address with a permanent redirect, and tells the page
/// cache until when the rendering holds.
/// </summary>
[AllowAnonymous]
[ServiceFilter<ContentPageCacheFilter>]
public abstract class ContentItemPageModel(ContentReader reader, ContentViews views) : PageModel
{
    protected abstract string TypeName { get; }

    public ContentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture.Name == ContentCultures.English ? ContentCultures.English : ContentCultures.Chinese;
        var (content, redirect) = await reader.FindAsync(TypeName, slug ?? "", culture, Request.Path.Value ?? "", cancellationToken);
        if (redirect is not null)
        {
            return RedirectPermanent(redirect + Request.QueryString);
        }

        if (content is null)
        {
            return NotFound();
        }

        View = await views.BuildAsync(content.Item, content.Version, content.IsFallback, content.Variants, cancellationToken);
        HttpContext.Items[ContentPageCache.ValidUntilItem] = await reader.NextScheduledAsync(cancellationToken);
        ViewData["Title"] = content.Version.Title;
        return Page();
    }
}
