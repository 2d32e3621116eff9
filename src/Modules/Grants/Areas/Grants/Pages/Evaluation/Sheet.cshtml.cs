using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Evaluation;

/// <summary>
/// An assigned evaluator's report: the declaration first (nothing of the report before it; 403 without a seat), then the
/// report and the score sheet against the round's evaluation rubric.
/// </summary>
[Permission(GrantsPermissions.Review)]
public sealed class SheetModel(ProgressService progress, EvaluationService evaluations, IStringLocalizer localizer) : SheetPage(progress, evaluations, localizer)
{
    public async Task<IActionResult> OnGetAsync(int reportId, CancellationToken cancellationToken) =>
        await LoadAsync(reportId, cancellationToken) ?? Page();

    protected override string PageUrl(int reportId) => $"/Grants/Evaluation/Sheet/{reportId}";

    // Evaluators see only reports they are seated on.
    protected override Task<IActionResult?> AuthorizeAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult?>(Seat is null ? Forbid() : null);
}
