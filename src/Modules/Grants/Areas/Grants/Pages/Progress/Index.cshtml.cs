using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Progress;

/// <summary>The organization's progress reports of its funded projects (mid-term and final), due dates, states and outcomes.</summary>
[Permission(GrantsPermissions.Apply)]
public sealed class IndexModel(ProgressService progress, GrantAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await progress.EnsureReportsAsync(cancellationToken);
        var organizations = await access.OrganizationsOfAsync(User, cancellationToken);
        Reports = await progress.RowsAsync(r => organizations.Contains(r.OrganizationId), cancellationToken);
        Today = ChinaTime.Today(clock);
    }
}
