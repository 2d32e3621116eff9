using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Items;

/// <summary>Deletes an item with all its versions, after a confirmation page.</summary>
[Permission(ContentPermissions.Delete)]
public sealed class DeleteModel(ContentService content, DbContext db, IStringLocalizer localizer) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var item = await content.FindAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        return User.May(item.Type, ContentAction.Delete) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(long id, long version, CancellationToken cancellationToken)
    {
        var item = await content.FindAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!User.May(item.Type, ContentAction.Delete))
        {
            return Forbid();
        }

        Item = item;
        var title = item.Title;
        var result = await content.DeleteAsync(item, version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "", "Content.Item.Error.Conflict");
            db.ChangeTracker.Clear();
            Item = (await content.FindAsync(id, cancellationToken))!;
            return Item is null ? NotFound() : Page();
        }

        TempData["Flash"] = localizer["Content.Item.Admin.Deleted", title].Value;
        return RedirectToPage("/Admin/Items/Index", new { area = "Content" });
    }
}
