using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Core.Finance;

namespace Registry.Grants.Areas.Grants.Pages.Admin;

/// <summary>
/// The officer edits a round's settings (the new-round form's fields) until the shortlist is published, row-versioned: a
/// save over someone else's is refused and nothing is overwritten. What the call, applications and review already rely on
/// is protected (<see cref="RoundRules.CheckEdit"/>).
/// </summary>
[Permission(GrantsPermissions.Manage)]
public sealed class EditRoundModel(RoundService rounds, IMoneyLimits moneyLimits, IStringLocalizer localizer) : PageModel
{
    public GrantRound Round { get; private set; } = null!;

    [BindProperty]
    public RoundForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        Form = RoundForm.From(round);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        if (Form.Parse(ModelState, localizer, moneyLimits) is not { } write)
        {
            return Page();
        }

        var result = await rounds.UpdateAsync(round, Form.Version, write, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = localizer["Grant.Admin.RoundSavedFlash"].Value;
            return RedirectToPage("/Admin/Round", new { area = "Grants", id });
        }

        ModelState.AddResult(result, localizer, "Form.", "Grant.Error.RoundConflict");
        return Page();
    }
}
