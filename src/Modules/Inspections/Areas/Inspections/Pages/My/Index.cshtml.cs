using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Areas.Inspections.Pages.My;

/// <summary>The applicant's annual reports: every year of every organization they act for.</summary>
[Permission(InspectionsPermissions.File)]
public sealed class IndexModel(ReportService reports, ReportAccess access) : PageModel
{
    public IReadOnlyList<AnnualReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reports = await reports.OfOrganizationsAsync(await access.OrganizationsOfAsync(User, cancellationToken), cancellationToken);
    }
}
