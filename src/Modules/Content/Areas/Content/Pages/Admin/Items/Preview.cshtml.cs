using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Content.Services;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Items;

/// <summary>The latest version (or another) rendered in the public layout with the public partial: what the public will see.</summary>
[Permission(ContentPermissions.Create)]
public sealed class PreviewModel(ContentService content, ContentViews views) : PageModel
{
    public ContentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, int? version, CancellationToken cancellationToken)
    {
        if (await content.FindAsync(id, cancellationToken) is not { } item
            || await content.VersionAsync(id, version ?? item.LatestVersion, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        View = await views.BuildAsync(item, shown, false, [], cancellationToken);
        ViewData["Title"] = shown.Title;
        return Page();
    }
}
