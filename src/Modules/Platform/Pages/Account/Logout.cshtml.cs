using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Account;

/// <summary>
/// Sign-out is a POST (with anti-forgery) so a link on another site cannot sign anyone out. It renews the security
/// stamp, so a copy of the cookie (stolen, or left on a shared computer) stops working at its next stamp check
/// (within a minute); the user's other sessions end with it.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<RegistryUser> signIn, UserManager<RegistryUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
