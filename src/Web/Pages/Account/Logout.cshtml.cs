using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;

namespace Registry.Web.Pages.Account;

/// <summary>Sign-out is a POST (with anti-forgery) so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<RegistryUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
