using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Auditing;
using Registry.Core.Identification;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Platform.Identity;

namespace Registry.Platform.Pages.Admin.Users;

/// <summary>
/// The administrator creates an account (name, email, roles, and for an applicant optionally the organization it acts
/// for) and invites its owner: no password is set here, the owner sets one from the mailed link. Audited.
/// </summary>
[Permission(CorePermissions.ManageUsers)]
public sealed class CreateModel(
    UserManager<RegistryUser> users,
    DbContext db,
    IAuditTrail audit,
    IOrganizationRegister register,
    AccountInvitations invitations,
    RoleEditor roleEditor,
    IStringLocalizer localizer) : PageModel
{
    /// <summary>The roles that exist now (built-in and added in the role editor).</summary>
    public IReadOnlyList<RoleView> AvailableRoles { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => AvailableRoles = await roleEditor.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AvailableRoles = await roleEditor.ListAsync(cancellationToken);
        var roles = Input.Roles.Distinct().ToList();
        if (roles.Except(AvailableRoles.Select(r => r.Name)).ToList() is { Count: > 0 } unknown)
        {
            ModelState.AddModelError("Input.Roles", localizer["Admin.Users.UnknownRole", string.Join(", ", unknown)]);
        }
        else if (roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", localizer["Admin.Users.RoleRequired"]);
        }

        OrganizationSummary? organization = null;
        if (!string.IsNullOrWhiteSpace(Input.OrganizationCode))
        {
            // A credit code as printed (grouped, full-width) or a filing number as typed.
            string[] codes = [UnifiedSocialCreditCode.Normalize(Input.OrganizationCode), Input.OrganizationCode.Trim().ToUpperInvariant()];
            organization = await register.FindByCodesAsync(codes, cancellationToken) is [var found, ..] ? found : null;
            if (!roles.Contains(RegistryRoles.Applicant))
            {
                ModelState.AddModelError("Input.OrganizationCode", localizer["Admin.Users.OrganizationOnlyForApplicants"]);
            }
            else if (organization is null)
            {
                ModelState.AddModelError("Input.OrganizationCode", localizer["Admin.Users.OrganizationNotFound", Input.OrganizationCode.Trim()]);
            }
        }

        var email = Input.Email.Trim();
        if (ModelState.IsValid && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", localizer["Admin.Users.EmailTaken", email]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new RegistryUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = System.Globalization.CultureInfo.CurrentUICulture.Name == "en" ? "en" : "zh-CN",
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await users.AddToRolesAsync(user, roles);
        audit.Record("user.created", "User", user.Id, $"{email}: [{string.Join(',', roles)}]{(organization is null ? "" : $" for {organization.Name}")}");
        if (organization is not null)
        {
            await register.AddMemberAsync(organization.Id, user.Id, Input.OrganizationAdmin, cancellationToken);
        }

        await invitations.InviteAsync(user, Request, Url);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Flash"] = localizer["Admin.Users.Invited", email].Value;
        return RedirectToPage("/Admin/Users/Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.Length")]
        [Display(Name = "Account.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.Length")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        /// <summary>Credit code or filing number of the organization an applicant acts for (optional).</summary>
        [StringLength(40, ErrorMessage = "Validation.Length")]
        [Display(Name = "Admin.Users.Organization")]
        public string? OrganizationCode { get; set; }

        [Display(Name = "Admin.Users.OrganizationAdmin")]
        public bool OrganizationAdmin { get; set; }
    }
}
