using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Projects;

/// <summary>The applicant's agreements (资助协议), of the organizations the account acts for only.</summary>
[Permission(GrantsPermissions.Apply)]
public sealed class IndexModel(GrantAgreementService agreements, GrantAccess access) : PageModel
{
    public IReadOnlyList<GrantAgreement> Agreements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agreements = await agreements.OfOrganizationsAsync(await access.OrganizationsOfAsync(User, cancellationToken), cancellationToken);
}
