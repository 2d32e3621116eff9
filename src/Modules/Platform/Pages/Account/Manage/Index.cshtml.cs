using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Account.Manage;

/// <summary>Any signed-in user: their own account.</summary>
[Authorize]
public sealed class IndexModel(UserManager<RegistryUser> users, RoleManager<RegistryRole> roles) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The account's roles with the names an administrator gave them.</summary>
    public IList<(string Name, string? DisplayName)> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Roles = [];
        foreach (var name in await users.GetRolesAsync(user))
        {
            Roles.Add((name, (await roles.FindByNameAsync(name))?.DisplayName));
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }
}
