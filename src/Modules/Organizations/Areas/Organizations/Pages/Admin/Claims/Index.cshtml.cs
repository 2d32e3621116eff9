using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Claims;

/// <summary>Officers decide who may act for organizations already on the register.</summary>
[Permission(OrganizationsPermissions.ManageRegister)]
public sealed class IndexModel(DbContext db, MembershipService memberships, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int claimId, bool approve, string? note, long version, CancellationToken cancellationToken)
    {
        var result = await memberships.DecideClaimAsync(claimId, approve, note, version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Conflict ? localizer["Org.App.ConflictOfficer"] : localizer.Describe(result.Errors[0]));
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer[approve ? "Org.Claim.Approved" : "Org.Claim.Rejected"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Claims = await (from c in db.Set<OrganizationClaim>().AsNoTracking()
                        join o in db.Set<Organization>() on c.OrganizationId equals o.Id
                        join u in db.Set<RegistryUser>() on c.UserId equals u.Id
                        where c.Status == ClaimStatus.Pending
                        orderby c.RequestedAt
                        select new ClaimRow(c, o.Name, o.CreditCode ?? o.FilingNumber ?? "", u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);

    public sealed record ClaimRow(OrganizationClaim Claim, string OrganizationName, string Code, string UserName, string UserEmail);
}
