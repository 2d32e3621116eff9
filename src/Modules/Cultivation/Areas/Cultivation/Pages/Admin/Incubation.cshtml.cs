using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>The incubation bases (孵化基地) with their places and the figures per year; officers open a new base here.</summary>
[Permission(CultivationPermissions.ManageIncubation)]
public sealed class IncubationModel(IncubationService incubation, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<IncubationBase> Bases { get; private set; } = [];

    public IReadOnlyList<IncubationYear> Figures { get; private set; } = [];

    [BindProperty]
    public BaseForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.OpenedOn = incubation.Today;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (created, result) = await incubation.CreateBaseAsync(new BaseInput(Input.Name, Input.OperatorCode, Input.Address, Input.Capacity, Input.OpenedOn), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "Input.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Cult.Inc.BaseOpened"].Value;
        return Redirect(CultivationLinks.AdminIncubationBase(created!.Id));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Bases = await incubation.BasesAsync(cancellationToken);
        Figures = await incubation.FiguresAsync(cancellationToken);
    }

    public sealed class BaseForm
    {
        public string? Name { get; set; }

        /// <summary>The operator's credit code or filing number (optional).</summary>
        public string? OperatorCode { get; set; }

        public string? Address { get; set; }

        public int? Capacity { get; set; }

        public DateOnly? OpenedOn { get; set; }
    }
}
