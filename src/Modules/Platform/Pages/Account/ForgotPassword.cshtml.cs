using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Mail;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Platform.Identity;

namespace Registry.Platform.Pages.Account;

/// <summary>Mails a reset link; answers the same whether or not the address exists, so it reveals no accounts.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class ForgotPasswordModel(UserManager<RegistryUser> users, IMailOutbox mail, DbContext db, PublicUrls urls) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: true, IsDisabled: false })
        {
            var code = TokenCodec.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = urls.Absolute(Request, Url.Page("/Account/ResetPassword", new { code, email = user.Email })!);
            mail.Add(user.Email!, "ResetPassword", new Dictionary<string, string> { ["name"] = user.DisplayName, ["resetLink"] = link }, user.PreferredCulture);
            await db.SaveChangesAsync(cancellationToken);
        }

        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = "";
    }
}
