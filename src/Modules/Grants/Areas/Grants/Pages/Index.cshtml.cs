using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages;

/// <summary>The public call list: rounds whose call has opened, and each published round's shortlist line.</summary>
[AllowAnonymous]
public sealed class IndexModel(RoundService rounds, IGrantFigures figures, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GrantRound> Rounds { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Lines { get; private set; } = new Dictionary<int, string>();

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Rounds = await rounds.PublishedAsync(cancellationToken);
        var lines = new Dictionary<int, string>();
        foreach (var round in Rounds.Where(r => !RoundWorkflow.BeforeShortlist(r.Stage)))
        {
            lines[round.Id] = (await figures.ForRoundAsync(round.Id, cancellationToken))!.Line(CultureInfo.CurrentUICulture);
        }

        Lines = lines;
    }
}
