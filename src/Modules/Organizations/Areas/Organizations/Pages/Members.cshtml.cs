using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages;

/// <summary>An org-admin sees who acts for the organization and invites colleagues.</summary>
[Permission(OrganizationsPermissions.Apply)]
public sealed class MembersModel(DbContext db, OrganizationAccess access, MembershipService memberships, PublicUrls urls, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public string OrganizationName { get; private set; } = "";

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public IReadOnlyList<OrganizationInvitation> Pending { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var linkBase = urls.Absolute(Request, "/Organizations/Invitation/");
        var result = await memberships.InviteAsync(id, Email, linkBase, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), localizer.Describe(result.Errors[0]));
            return Page();
        }

        TempData["Flash"] = localizer["Org.Members.Invited", Email].Value;
        return RedirectToPage("/Members", new { area = "Organizations", id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (!await access.IsOrgAdminAsync(User.UserId()!, id, cancellationToken))
        {
            return false;
        }

        OrganizationName = await db.Set<Organization>().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken);
        Members = await (from m in db.Set<OrganizationMember>()
                         join u in db.Set<RegistryUser>() on m.UserId equals u.Id
                         where m.OrganizationId == id
                         orderby m.Since
                         select new MemberRow(u.DisplayName, u.Email ?? "", m.IsOrgAdmin, m.Since)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Pending = await db.Set<OrganizationInvitation>().AsNoTracking()
            .Where(i => i.OrganizationId == id && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.ExpiresAt)
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record MemberRow(string Name, string Email, bool IsOrgAdmin, DateTime Since);
}
