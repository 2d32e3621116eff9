using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Platform.Identity;

namespace Registry.Platform.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class ResetPasswordModel(UserManager<RegistryUser> users, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    /// <summary>
    /// The owner of an account created by an administrator sets a first password (same token, another heading). Read from
    /// the account, and on GET only with a valid link, so the page tells a stranger nothing about an address.
    /// </summary>
    public bool Invited { get; private set; }

    public async Task OnGetAsync(string? code, string? email)
    {
        Input.Code = code ?? "";
        Input.Email = email ?? "";
        if (TokenCodec.Decode(Input.Code) is { } token && await users.FindByEmailAsync(Input.Email.Trim()) is { } user
            && !await users.HasPasswordAsync(user)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<RegistryUser>.ResetPasswordTokenPurpose, token))
        {
            Invited = true;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = TokenCodec.Decode(Input.Code);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (token is null || user is null)
        {
            ModelState.AddModelError(string.Empty, localizer["Identity.InvalidToken"]);
            return Page();
        }

        Invited = !await users.HasPasswordAsync(user);
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error.Description);
        }

        Done = result.Succeeded;
        if (Done && !user.EmailConfirmed)
        {
            // The token came by mail to this address: an invited owner has proven it.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        return Page();
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.Length")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.NewPassword")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Account.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
