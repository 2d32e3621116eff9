using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Plans;

/// <summary>
/// A plan's public page (一公开): before the draw, the seed commitment and the population; after it, the seed, the
/// algorithm, the drawn organizations with their inspectors, and only the published results. Draft plans are not public.
/// </summary>
[AllowAnonymous]
public sealed class PlanModel(PlanService plans) : PageModel
{
    public InspectionPlan Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, bool population, CancellationToken cancellationToken)
    {
        if (await plans.FindAsync(id, cancellationToken) is not { State: not PlanState.Draft } found)
        {
            return NotFound();
        }

        Item = found;
        if (population)
        {
            // The published population text the population hash covers (code TAB stratum, sorted by code).
            var text = RandomDraw.PopulationText(found.Population.Select(m => new DrawCandidate(m.OrganizationId, m.Code, m.Name, m.Stratum)));
            return Content(text, "text/plain; charset=utf-8");
        }

        return Page();
    }
}
