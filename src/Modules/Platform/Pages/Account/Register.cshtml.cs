using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Mail;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Platform.Identity;

namespace Registry.Platform.Pages.Account;

/// <summary>Self-service sign-up for organizations' staff; the account works once its email is confirmed.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicPost)]
public sealed class RegisterModel(
    UserManager<RegistryUser> users,
    DbContext db,
    IMailOutbox mail,
    IAuditTrail audit,
    PublicUrls urls,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new RegistryUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            PreferredCulture = System.Globalization.CultureInfo.CurrentUICulture.Name,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded && created.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            // The address has an account: answer as for a new one and tell the owner instead, so the form reveals no accounts.
            await MailOwnerAsync(user.Email, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return RedirectToPage("/Account/RegisterConfirmation");
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, RegistryRoles.Applicant);
        var code = TokenCodec.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.Absolute(Request, Url.Page("/Account/ConfirmEmail", new { userId = user.Id, code })!);
        mail.Add(user.Email, "ConfirmEmail", new Dictionary<string, string> { ["name"] = user.DisplayName, ["confirmLink"] = link }, user.PreferredCulture);
        audit.Record("account.registered", "User", user.Id, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("/Account/RegisterConfirmation");
    }

    /// <summary>An unconfirmed owner gets a fresh confirmation link, a confirmed one a note with a reset link.</summary>
    private async Task MailOwnerAsync(string email, CancellationToken cancellationToken)
    {
        var owner = await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);
        if (owner?.Email is null || owner.IsDisabled)
        {
            return;
        }

        if (owner.EmailConfirmed)
        {
            var reset = TokenCodec.Encode(await users.GeneratePasswordResetTokenAsync(owner));
            var resetLink = urls.Absolute(Request, Url.Page("/Account/ResetPassword", new { code = reset, email = owner.Email })!);
            mail.Add(owner.Email, "AccountExists", new Dictionary<string, string> { ["name"] = owner.DisplayName, ["resetLink"] = resetLink }, owner.PreferredCulture);
        }
        else
        {
            var code = TokenCodec.Encode(await users.GenerateEmailConfirmationTokenAsync(owner));
            var link = urls.Absolute(Request, Url.Page("/Account/ConfirmEmail", new { userId = owner.Id, code })!);
            mail.Add(owner.Email, "ConfirmEmail", new Dictionary<string, string> { ["name"] = owner.DisplayName, ["confirmLink"] = link }, owner.PreferredCulture);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Account.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.Length")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Account.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
