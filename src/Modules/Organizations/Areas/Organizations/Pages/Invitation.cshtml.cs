using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages;

/// <summary>The invited colleague, signed in with the invited email, joins the organization.</summary>
[Permission(OrganizationsPermissions.Apply)]
public sealed class InvitationModel(MembershipService memberships, DbContext db, UserManager<RegistryUser> users, IStringLocalizer localizer) : PageModel
{
    public string OrganizationName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) is not { } invitation || await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        var result = await memberships.AcceptAsync(invitation, user, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer.Describe(result.Errors[0]));
            return Page();
        }

        TempData["Flash"] = localizer["Org.Members.Joined", OrganizationName].Value;
        return RedirectToPage("/My/Index", new { area = "Organizations" });
    }

    private async Task<OrganizationInvitation?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await memberships.FindInvitationAsync(token, cancellationToken);
        if (invitation is not null)
        {
            OrganizationName = await db.Set<Organization>().Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
            Email = invitation.Email;
        }

        return invitation;
    }
}
