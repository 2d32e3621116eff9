using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>The recommended list's yearly calls; officers open a call here with its eligibility criteria.</summary>
[Permission(CultivationPermissions.ManageServiceList)]
public sealed class ServiceListModel(ServiceListService service, ServiceListOptions options, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<ServiceListCall> Calls { get; private set; } = [];

    [BindProperty]
    public CallForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Calls = await service.CallsAsync(cancellationToken);
        var today = service.Today;
        Input = new CallForm
        {
            Year = today.Year,
            OpensOn = today,
            ClosesOn = today.AddDays(30),
            MinimumGrade = options.MinimumGrade,
            RequireQualifiedInspection = options.RequireQualifiedInspection,
            ExcludeCreditListed = options.ExcludeCreditListed,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (call, result) = await service.CreateCallAsync(
            new CallInput(Input.Year ?? 0, Input.Title, Input.OpensOn, Input.ClosesOn, Input.MinimumGrade ?? -1, Input.RequireQualifiedInspection, Input.ExcludeCreditListed), cancellationToken);
        if (call is null)
        {
            ModelState.AddResult(result, localizer, "Input.");
            Calls = await service.CallsAsync(cancellationToken);
            return Page();
        }

        return Redirect(CultivationLinks.AdminServiceListCall(call.Id));
    }

    public sealed class CallForm
    {
        public int? Year { get; set; }

        public string? Title { get; set; }

        public DateOnly? OpensOn { get; set; }

        public DateOnly? ClosesOn { get; set; }

        public int? MinimumGrade { get; set; }

        public bool RequireQualifiedInspection { get; set; }

        public bool ExcludeCreditListed { get; set; }
    }
}
