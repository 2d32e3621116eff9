using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Items;

/// <summary>An item's versions, a line diff of one against another, and restoring one as a new version.</summary>
[Permission(ContentPermissions.Create)]
public sealed class VersionsModel(ContentService content, DbContext db, IStringLocalizer localizer) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];

    /// <summary>The compared pair (older, newer) and their diff, when one is asked for.</summary>
    public (ContentVersion Older, ContentVersion Newer, IReadOnlyList<DiffLine> Lines)? Diff { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, int? compare, int? with, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (compare is { } number && Versions.FirstOrDefault(v => v.Number == number) is { } older)
        {
            var newer = Versions.FirstOrDefault(v => v.Number == (with ?? Item.LatestVersion)) ?? Versions[0];
            Diff = (older, newer, ContentDiff.Compare(older, newer));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(long id, int number, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await content.RestoreAsync(Item, number, version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "", "Content.Item.Error.Conflict");
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Content.Item.Admin.Restored", number].Value;
        return RedirectToPage("/Admin/Items/Edit", new { area = "Content", id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await content.FindAsync(id, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        Versions = await content.VersionsAsync(id, cancellationToken);
        CanEdit = User.MayEdit(item.Type, await content.IsOwnAsync(item, cancellationToken));
        return true;
    }
}
