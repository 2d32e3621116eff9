using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services.Site;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Site.Menus;

/// <summary>A menu's entries in order, with moving, deleting, starting to customize and going back to the modules' entries.</summary>
[Permission(ContentPermissions.ManageSite)]
public sealed class IndexModel(SiteMenus menus, IStringLocalizer localizer, ITextCatalog catalog) : PageModel
{
    public string Name { get; private set; } = MenuNames.Main;

    /// <summary>Null while the menu is not customized.</summary>
    public Menu? Menu { get; private set; }

    public IReadOnlyList<(MenuItem Item, IReadOnlyList<MenuItem> Children)> Tree { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken) =>
        await LoadAsync(name, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCustomizeAsync(string? name, CancellationToken cancellationToken)
    {
        if (!MenuNames.All.Contains(name ?? ""))
        {
            return NotFound();
        }

        await menus.CustomizeAsync(name!, (key, culture) => catalog.Find(key, System.Globalization.CultureInfo.GetCultureInfo(culture)) ?? key, cancellationToken);
        TempData["Flash"] = localizer["Content.Site.Menu.Customized"].Value;
        return Redirect(MenuUrl(name!));
    }

    public Task<IActionResult> OnPostMoveAsync(string? name, int id, int direction, long version, CancellationToken cancellationToken) =>
        ChangeAsync(name, version, (menu, ct) => menus.MoveAsync(menu, id, direction, version, ct), cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(string? name, int id, long version, CancellationToken cancellationToken) =>
        ChangeAsync(name, version, (menu, ct) => menus.DeleteItemAsync(menu, id, version, ct), cancellationToken, "Content.Site.Menu.Deleted");

    public Task<IActionResult> OnPostResetAsync(string? name, long version, CancellationToken cancellationToken) =>
        ChangeAsync(name, version, (menu, ct) => menus.ResetAsync(menu, version, ct), cancellationToken, "Content.Site.Menu.ResetDone");

    public static string MenuUrl(string name) => $"/Content/Admin/Site/Menus?name={name}";

    private async Task<IActionResult> ChangeAsync(string? name, long version, Func<Menu, CancellationToken, Task<OperationResult>> change, CancellationToken cancellationToken, string? flash = null)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        if (Menu is null)
        {
            ModelState.AddModelError(string.Empty, localizer["Common.Conflict"]);
            return Page();
        }

        var result = await change(Menu, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            await LoadAsync(name, cancellationToken);
            return Page();
        }

        if (flash is not null)
        {
            TempData["Flash"] = localizer[flash].Value;
        }

        return Redirect(MenuUrl(Name));
    }

    private async Task<bool> LoadAsync(string? name, CancellationToken cancellationToken)
    {
        if (!MenuNames.All.Contains(name ?? ""))
        {
            return false;
        }

        Name = name!;
        Menu = await menus.FindAsync(Name, cancellationToken);
        Tree = Menu is null ? [] : MenuRules.Tree(Menu.Items);
        return true;
    }
}
