using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>One organization's stay in a base: its state (moved on through the transition table) and the services it received.</summary>
[Permission(CultivationPermissions.ManageIncubation)]
public sealed class IncubationStayModel(IncubationService incubation, IStringLocalizer localizer) : PageModel
{
    public IncubatedOrganization Stay { get; private set; } = null!;

    public DateOnly Today => incubation.Today;

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public DateOnly? GivenOn { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await incubation.FindStayAsync(id, cancellationToken) is not { } stay)
        {
            return NotFound();
        }

        Stay = stay;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, IncubationTrigger trigger, CancellationToken cancellationToken)
    {
        if (await incubation.FindStayAsync(id, cancellationToken) is not { } stay)
        {
            return NotFound();
        }

        var result = Enum.IsDefined(trigger)
            ? await incubation.MoveAsync(stay, trigger, On, Code, Note, cancellationToken)
            : OperationResult.Fail("", "Cult.List.Error.NotNow");
        return Done(stay, result, "Cult.Inc.Moved");
    }

    public async Task<IActionResult> OnPostServiceAsync(int id, CancellationToken cancellationToken)
    {
        if (await incubation.FindStayAsync(id, cancellationToken) is not { } stay)
        {
            return NotFound();
        }

        return Done(stay, await incubation.AddServiceAsync(stay, GivenOn, Description, cancellationToken), "Cult.Inc.ServiceAdded");
    }

    private IActionResult Done(IncubatedOrganization stay, OperationResult result, string flash)
    {
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            Stay = stay;
            return Page();
        }

        TempData["Flash"] = localizer[flash].Value;
        return Redirect(CultivationLinks.AdminIncubationStay(stay.Id));
    }
}
