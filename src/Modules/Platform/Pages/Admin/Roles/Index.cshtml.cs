using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Admin.Roles;

/// <summary>The roles, their holders, and a form to add one (issue 19: no code change to add a role).</summary>
[Permission(CorePermissions.ManageRoles)]
public sealed class IndexModel(RoleEditor editor, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<RoleView> Roles { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Roles = await editor.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await editor.CreateAsync(Name?.Trim(), DisplayName, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            Roles = await editor.ListAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Admin.Roles.Created", localizer.Label(Name!.Trim(), DisplayName)].Value;
        return RedirectToPage("/Admin/Roles/Edit", new { name = Name.Trim() });
    }
}
