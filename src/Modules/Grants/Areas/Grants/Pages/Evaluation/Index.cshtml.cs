using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Evaluation;

/// <summary>The evaluator's assigned reports: to declare, to score, submitted.</summary>
[Permission(GrantsPermissions.Review)]
public sealed class IndexModel(EvaluationService evaluations) : PageModel
{
    public IReadOnlyList<(EvaluationSeat Seat, ReportRow Row)> Seats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Seats = await evaluations.SeatsOfEvaluatorAsync(User.UserId()!, cancellationToken);
}
