using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Projects.Admin;

/// <summary>The officer's funded rounds with committed, paid and remaining money.</summary>
[Permission(GrantsPermissions.Manage)]
public sealed class IndexModel(DbContext db, GrantMoneyService money) : PageModel
{
    public IReadOnlyList<(GrantRound Round, RoundMoney Money)> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.Set<GrantRound>().AsNoTracking().Where(r => r.Stage == RoundStage.Awarded).OrderByDescending(r => r.Year).ThenByDescending(r => r.OpensAt).ToListAsync(cancellationToken);
        var list = new List<(GrantRound, RoundMoney)>(rounds.Count);
        foreach (var round in rounds)
        {
            list.Add((round, await money.OfRoundAsync(round.Id, cancellationToken)));
        }

        Rounds = list;
    }
}
