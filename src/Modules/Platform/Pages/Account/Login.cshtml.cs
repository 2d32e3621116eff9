using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Platform.Identity;

namespace Registry.Platform.Pages.Account;

/// <summary>
/// Password sign-in. Every failure (unknown address, wrong password, unconfirmed, disabled or locked account) gets the
/// same answer, so the form reveals no account; staff with a second factor are not locked by password failures, so a
/// stranger cannot lock an officer out.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class LoginModel(SignInManager<RegistryUser> signIn, SignInThrottle throttle, IStringLocalizer localizer) : PageModel
{
    private static readonly string[] StaffRoles = [RegistryRoles.Admin, RegistryRoles.Officer, RegistryRoles.Reviewer];

    /// <summary>A hash checked for unknown addresses, so they take as long as a wrong password.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<RegistryUser>().HashPassword(new RegistryUser(), Guid.NewGuid().ToString()));

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = Input.Email.Trim();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.IsAllowed(account, client))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, localizer["Account.Login.Throttled"]);
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(account);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new RegistryUser(), DummyHash.Value, Input.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            var lockout = !(user.TwoFactorEnabled && (await signIn.UserManager.GetRolesAsync(user)).Intersect(StaffRoles, StringComparer.Ordinal).Any());
            result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: lockout);
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        throttle.RecordFailure(account, client);
        ModelState.AddModelError(string.Empty, localizer["Account.Login.Invalid"]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
