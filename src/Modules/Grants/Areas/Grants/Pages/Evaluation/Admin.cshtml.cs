using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Localization;
using Registry.Core.Modularity;
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

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int p, CancellationToken cancellationToken)
    {
        await progress.EnsureReportsAsync(cancellationToken);
        Open = await progress.RowsAsync(r => r.State != ReportState.Evaluated, cancellationToken);
        var (evaluated, page, total) = await progress.EvaluatedPageAsync(p, PageSize, cancellationToken);
        Evaluated = evaluated;
        Paging = new PageInfo(page, PageSize, total, n => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"?p={n}#evaluated"));
        Today = ChinaTime.Today(clock);
    }
}
