using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Web.Hosting;

namespace Registry.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RegistryHost.AuthRateLimitPolicy)]
public sealed class ResetPasswordModel(UserManager<RegistryUser> users, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    /// <summary>Reached from an invitation: the owner sets a first password (same token, another heading).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Invited { get; set; }

    public void OnGet(string? code, string? email)
    {
        Input.Code = code ?? "";
        Input.Email = email ?? "";
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
