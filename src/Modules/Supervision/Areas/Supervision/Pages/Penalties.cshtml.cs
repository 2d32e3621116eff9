using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages;

/// <summary>行政处罚信息公示: every penalty decision (decided, being carried out or closed); open and dismissed cases never.</summary>
[AllowAnonymous]
public sealed class PenaltiesModel(DbContext db) : PageModel
{
    public IReadOnlyList<PenaltyCase> Decisions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Decisions = await PenaltyRecords.DecidedCases(db).OrderByDescending(c => c.DecidedOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken);
}
