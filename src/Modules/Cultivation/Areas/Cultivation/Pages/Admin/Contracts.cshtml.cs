using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>Purchase-of-service contracts recorded against listed organizations, with totals per year.</summary>
[Permission(CultivationPermissions.ManageServiceList)]
public sealed class ContractsModel(ServiceListService service, DbContext db, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<PurchaseContract> Contracts { get; private set; } = [];

    public IReadOnlyList<ContractYear> Years { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken) => await LoadAsync(page, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (contract, result) = await service.RecordContractAsync(Input.Code, Input.Department, Input.Project, Input.Amount, Input.StartsOn, Input.EndsOn, cancellationToken);
        if (contract is null)
        {
            ModelState.AddResult(result, localizer, "Input.");
            await LoadAsync(null, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Cult.List.ContractRecorded"].Value;
        return Redirect(CultivationLinks.AdminContracts);
    }

    private async Task LoadAsync(int? page, CancellationToken cancellationToken)
    {
        Total = await db.Set<PurchaseContract>().CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Contracts = await db.Set<PurchaseContract>().AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Years = await service.ContractTotalsAsync(cancellationToken);
    }

    public sealed class ContractForm
    {
        public string? Code { get; set; }

        public string? Department { get; set; }

        public string? Project { get; set; }

        /// <summary>Yuan, as typed (two decimals at most).</summary>
        public string? Amount { get; set; }

        public DateOnly? StartsOn { get; set; }

        public DateOnly? EndsOn { get; set; }
    }
}
