using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Evaluation;

/// <summary>The officers' queue of progress reports: submitted ones waiting for evaluation first, then open ones by due date (overdue marked), then evaluated ones.</summary>
[Permission(GrantsPermissions.Manage)]
public sealed class AdminModel(ProgressService progress, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ReportRow> Open { get; private set; } = [];

    public IReadOnlyList<ReportRow> Evaluated { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await progress.EnsureReportsAsync(cancellationToken);
        Open = await progress.RowsAsync(r => r.State != ReportState.Evaluated, cancellationToken);
        Evaluated = [.. (await progress.RowsAsync(r => r.State == ReportState.Evaluated, cancellationToken)).OrderByDescending(r => r.Report.EvaluatedAt).Take(PageSize)];
        Today = ChinaTime.Today(clock);
    }
}
