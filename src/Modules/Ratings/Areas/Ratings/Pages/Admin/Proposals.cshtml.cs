using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Admin;

/// <summary>
/// Proposals raised by inspection results of grade holders (2010 measures: lower or cancel; 2026 revision: check
/// evaluation), open first, each with accept and dismiss forms; both need a reason and are audited.
/// </summary>
[Permission(RatingsPermissions.Manage)]
public sealed class ProposalsModel(GradeOversightService oversight, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<GradeProposal> Proposals { get; private set; } = [];

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Proposals = await oversight.ProposalsAsync(cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        DecideAsync(() => oversight.AcceptAsync(Decision.Id, Decision.NewGrade, Decision.Reason, cancellationToken), "Rate.Admin.Proposals.AcceptedFlash", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken cancellationToken) =>
        DecideAsync(() => oversight.DismissAsync(Decision.Id, Decision.Reason, cancellationToken), "Rate.Admin.Proposals.DismissedFlash", cancellationToken);

    private async Task<IActionResult> DecideAsync(Func<Task<OperationResult>> decide, string flash, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await decide();
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer[flash].Value;
                return RedirectToPage("/Admin/Proposals", new { area = "Ratings" });
            }

            ModelState.AddResult(result, localizer, "Decision.");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public sealed class DecisionInput
    {
        public int Id { get; set; }

        [Range(0, 4, ErrorMessage = "Rate.Error.Downgrade")]
        [Display(Name = "Rate.Admin.Field.NewGrade")]
        public int? NewGrade { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.Reason")]
        public string? Reason { get; set; }
    }
}
