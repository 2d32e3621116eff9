using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Core.Finance;

namespace Registry.Grants.Areas.Grants.Pages.Admin;

/// <summary>The officer's rounds: the list, a new round (every rule on one form), and a copy of a round for next year.</summary>
[Permission(GrantsPermissions.Manage)]
public sealed class IndexModel(RoundService rounds, IMoneyLimits moneyLimits, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<GrantRound> Rounds { get; private set; } = [];

    [BindProperty]
    public RoundForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rounds = await rounds.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (Form.Parse(ModelState, localizer, moneyLimits) is { } write)
        {
            var round = new GrantRound();
            write(round);
            var result = await rounds.CreateAsync(round, cancellationToken);
            if (result.Succeeded)
            {
                return RedirectToPage("/Admin/Round", new { area = "Grants", id = round.Id });
            }

            ModelState.AddResult(result, localizer, "Form.");
        }

        Rounds = await rounds.AllAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } source)
        {
            return NotFound();
        }

        var (result, copy) = await rounds.CopyAsync(source, null, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("/Admin/Round", new { area = "Grants", id = copy!.Id });
        }

        ModelState.AddResult(result, localizer, "Form.");
        Rounds = await rounds.AllAsync(cancellationToken);
        return Page();
    }
}
