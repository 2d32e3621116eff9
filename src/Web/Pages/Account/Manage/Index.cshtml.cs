using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;

namespace Registry.Web.Pages.Account.Manage;

/// <summary>Any signed-in user: their own account.</summary>
[Authorize]
public sealed class IndexModel(UserManager<RegistryUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public IList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Roles = await users.GetRolesAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }
}
