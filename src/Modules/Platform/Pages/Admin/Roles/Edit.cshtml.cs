using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Admin.Roles;

/// <summary>One role: its display name and which permissions it holds; a custom role without holders can be deleted.</summary>
[Permission(CorePermissions.ManageRoles)]
public sealed class EditModel(RoleEditor editor, IPermissionCatalog catalog, IStringLocalizer localizer) : PageModel
{
    public RoleView Role { get; private set; } = null!;

    /// <summary>Every declared permission, ordered by name (so by the module that declares it).</summary>
    public IReadOnlyList<Permission> All => catalog.All;

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    [BindProperty]
    public string Stamp { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        DisplayName = Role.DisplayName;
        Permissions = [.. Role.Permissions];
        Stamp = Role.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(name, DisplayName, Permissions, Stamp, cancellationToken);
        return await AfterAsync(name, result, "Admin.Roles.Saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name, CancellationToken cancellationToken)
    {
        var result = await editor.DeleteAsync(name, Stamp, cancellationToken);
        return await AfterAsync(name, result, "Admin.Roles.Deleted", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(string name, OperationResult result, string flashKey, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = localizer[flashKey, name].Value;
            return RedirectToPage("/Admin/Roles/Index");
        }

        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddResult(result, localizer, "");
        if (result.Conflict)
        {
            // Show what is stored now, with its new stamp, so the administrator can redo the change knowingly.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, localizer["Common.Conflict"]);
            DisplayName = Role.DisplayName;
            Permissions = [.. Role.Permissions];
            Stamp = Role.ConcurrencyStamp;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (await editor.FindAsync(name, cancellationToken) is not { } role)
        {
            return false;
        }

        Role = role;
        return true;
    }
}
