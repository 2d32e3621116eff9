using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Content.Services.Media;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Media;

/// <summary>Deletes a file; when content still uses it, the uses are listed and the editor must confirm explicitly.</summary>
[Permission(ContentPermissions.Delete)]
public sealed class DeleteModel(MediaLibrary library, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public long Version { get; set; }

    /// <summary>The editor ticked "delete although it is used" (only asked when it is).</summary>
    [BindProperty]
    public bool ConfirmInUse { get; set; }

    public MediaFile Media { get; private set; } = null!;

    public IReadOnlyList<MediaReference> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } media)
        {
            return NotFound();
        }

        Media = media;
        Version = media.Version;
        Uses = await library.FindUsesAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } media)
        {
            return NotFound();
        }

        Media = media;
        var folder = media.FolderId;
        var result = await library.DeleteAsync(media, Version, ConfirmInUse, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            Uses = await library.FindUsesAsync(id, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Content.Media.Deleted", media.Name].Value;
        return Redirect($"/Content/Admin/Media{(folder is { } f ? $"?folder={f}" : "")}");
    }
}
