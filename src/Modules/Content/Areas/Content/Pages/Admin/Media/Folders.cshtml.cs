using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services.Media;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Media;

/// <summary>
/// The library's folders: create, rename, and delete an empty one. Deleting needs <see cref="ContentPermissions.Delete"/>
/// as well, checked in its handler (page attributes cannot differ per handler).
/// </summary>
[Permission(ContentPermissions.Create)]
public sealed class FoldersModel(MediaLibrary library, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<(MediaFolder Folder, string Path)> Folders { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ParentOptions { get; private set; } = [];

    public int? Parent { get; private set; }

    public bool CanDelete => User.HasPermission(ContentPermissions.Delete);

    public async Task OnGetAsync(int? parent, CancellationToken cancellationToken)
    {
        Parent = parent;
        await PrepareAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(int? parentId, string? name, CancellationToken cancellationToken)
    {
        var (folder, result) = await library.CreateFolderAsync(parentId, name ?? "", cancellationToken);
        return await DoneAsync(result, folder is null ? null : localizer["Content.Media.FolderCreated", folder.Name].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, long version, CancellationToken cancellationToken)
    {
        if (await library.FindFolderAsync(id, cancellationToken) is not { } folder)
        {
            return NotFound();
        }

        var result = await library.RenameFolderAsync(folder, name ?? "", version, cancellationToken);
        return await DoneAsync(result, localizer["Content.Media.FolderRenamed", folder.Name].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, long version, CancellationToken cancellationToken)
    {
        if (!CanDelete)
        {
            return Forbid();
        }

        if (await library.FindFolderAsync(id, cancellationToken) is not { } folder)
        {
            return NotFound();
        }

        var result = await library.DeleteFolderAsync(folder, version, cancellationToken);
        return await DoneAsync(result, localizer["Content.Media.FolderDeleted", folder.Name].Value, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(OperationResult result, string? flash, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = flash;
            return RedirectToPage("/Admin/Media/Folders", new { area = "Content" });
        }

        ModelState.AddResult(result, localizer, "");
        await PrepareAsync(cancellationToken);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var folders = await library.FoldersAsync(cancellationToken);
        var byId = folders.ToDictionary(f => f.Id);
        Folders = [.. folders.Select(f => (f, MediaFolderOptions.PathOf(f, byId))).OrderBy(f => f.Item2, StringComparer.Ordinal)];
        ParentOptions = MediaFolderOptions.For(folders, localizer);
    }
}
