using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Admin;

/// <summary>One hub: its coverage and members; officers link and unlink members from the register.</summary>
[Permission(CultivationPermissions.ManageHubs)]
public sealed class HubModel(HubService hubs, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 50;

    public Hub Hub { get; private set; } = null!;

    public HubCoverage Coverage { get; private set; } = null!;

    public IReadOnlyList<HubMember> Members { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? page, CancellationToken cancellationToken) =>
        await LoadAsync(id, page, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (await hubs.FindAsync(id, cancellationToken) is not { } hub)
        {
            return NotFound();
        }

        var result = await hubs.AddMemberAsync(hub, Code, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Cult.Hub.MemberAdded"].Value;
        return Redirect(CultivationLinks.AdminHub(id));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int organizationId, CancellationToken cancellationToken)
    {
        if (await hubs.FindAsync(id, cancellationToken) is not { } hub)
        {
            return NotFound();
        }

        var result = await hubs.RemoveMemberAsync(hub, organizationId, cancellationToken);
        TempData["Flash"] = result.Succeeded ? localizer["Cult.Hub.MemberRemoved"].Value : localizer["Cult.Error.NotMember"].Value;
        return Redirect(CultivationLinks.AdminHub(id));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (await hubs.FindAsync(id, cancellationToken) is not { } hub)
        {
            return NotFound();
        }

        var result = await hubs.WithdrawAsync(hub, Reason, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Cult.Hub.Withdrawn"].Value;
        return Redirect(CultivationLinks.AdminHub(id));
    }

    private async Task<bool> LoadAsync(int id, int? page, CancellationToken cancellationToken)
    {
        if (await hubs.FindAsync(id, cancellationToken) is not { } hub)
        {
            return false;
        }

        Hub = hub;
        Coverage = (await hubs.CoverageAsync([hub], cancellationToken))[hub.Id];
        PageCount = Math.Max(1, (hub.Members.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Members = [.. hub.Members.OrderBy(m => m.OrganizationName, StringComparer.Ordinal).Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return true;
    }
}
