using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages;

/// <summary>A call: categories and quotas, budget rules, eligibility, the review criteria and the window.</summary>
[AllowAnonymous]
public sealed class RoundModel(RoundService rounds, TimeProvider clock) : PageModel
{
    public GrantRound Round { get; private set; } = null!;

    public bool IsOpen => Phase == RoundPhase.Accepting;

    public RoundPhase Phase { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } round || round.OpensAt > clock.GetUtcNow().UtcDateTime)
        {
            return NotFound();
        }

        Round = round;
        Phase = RoundWorkflow.Phase(round, clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
