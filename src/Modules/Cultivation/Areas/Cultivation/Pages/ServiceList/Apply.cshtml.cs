using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Areas.Cultivation.Pages.ServiceList;

/// <summary>An organization's account applies to the open call for one of its organizations and sees its applications.</summary>
[Permission(CultivationPermissions.ApplyServiceList)]
public sealed class ApplyModel(ServiceListService service, IOrganizationRegister register, DbContext db, IStringLocalizer localizer) : PageModel
{
    public ServiceListCall? Call { get; private set; }

    public IReadOnlyList<OrganizationSummary> Organizations { get; private set; } = [];

    public IReadOnlyList<ServiceListApplication> Mine { get; private set; } = [];

    [BindProperty]
    public int OrganizationId { get; set; }

    [BindProperty]
    public string? ServiceField { get; set; }

    [BindProperty]
    public string? Services { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Call is null)
        {
            ModelState.AddModelError(string.Empty, localizer["Cult.List.Error.CallClosed"]);
            return Page();
        }

        var (_, result) = await service.ApplyAsync(Call, OrganizationId, User.UserId(), ServiceField, Services, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer["Cult.List.Applied"].Value;
        return Redirect(CultivationLinks.Apply);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Call = await service.OpenCallAsync(cancellationToken);
        var ids = User.UserId() is { } userId ? await register.OrganizationsOfUserAsync(userId, cancellationToken) : [];
        Organizations = [.. (await register.FindManyAsync(ids, cancellationToken)).OrderBy(o => o.Name, StringComparer.Ordinal)];
        Mine = await db.Set<ServiceListApplication>().AsNoTracking().Where(a => ids.Contains(a.OrganizationId)).OrderByDescending(a => a.Id).Take(50).ToListAsync(cancellationToken);
    }
}
