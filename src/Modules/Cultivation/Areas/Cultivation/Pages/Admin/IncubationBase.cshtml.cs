using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>One base: the organizations it incubates (newest entry first) and the entry form (入驻).</summary>
[Permission(CultivationPermissions.ManageIncubation)]
public sealed class IncubationBaseModel(IncubationService incubation, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 50;

    public IncubationBase Base { get; private set; } = null!;

    public IReadOnlyList<IncubatedOrganization> Residents { get; private set; } = [];

    public int InResidence { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? page, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, page, cancellationToken))
        {
            return NotFound();
        }

        Input.EnteredOn = incubation.Today;
        Input.PlannedExitOn = incubation.Today.AddYears(1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await incubation.FindBaseAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (_, result) = await incubation.EnterAsync(found, new EntryInput(Input.Name, Input.Code, Input.ServiceField, Input.Mentor, Input.EnteredOn, Input.PlannedExitOn), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "Input.");
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Cult.Inc.Entered"].Value;
        return Redirect(CultivationLinks.AdminIncubationBase(id));
    }

    private async Task<bool> LoadAsync(int id, int? page, CancellationToken cancellationToken)
    {
        if (await incubation.FindBaseAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        Base = found;
        InResidence = found.Residents.Count(r => IncubationWorkflow.InResidence(r.State));
        PageCount = Math.Max(1, (found.Residents.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Residents = [.. found.Residents.OrderByDescending(r => r.EnteredOn).ThenByDescending(r => r.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return true;
    }

    public sealed class EntryForm
    {
        public string? Name { get; set; }

        /// <summary>Credit code or filing number when the group is on the register already (optional).</summary>
        public string? Code { get; set; }

        public string? ServiceField { get; set; }

        public string? Mentor { get; set; }

        public DateOnly? EnteredOn { get; set; }

        public DateOnly? PlannedExitOn { get; set; }
    }
}
