using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Desk;

/// <summary>One member's standing and obligations as its hub sees them, and the reminder the hub can send it.</summary>
[Permission(CultivationPermissions.ViewHubMembers)]
public sealed class MemberModel(HubService hubs, IStringLocalizer localizer) : PageModel
{
    public Domain.Hub Hub { get; private set; } = null!;

    public MemberStanding Member { get; private set; } = null!;

    [BindProperty]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int organizationId, CancellationToken cancellationToken) =>
        await LoadAsync(id, organizationId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int organizationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, organizationId, cancellationToken))
        {
            return NotFound();
        }

        var result = await hubs.RemindAsync(Hub, organizationId, Message, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer["Cult.Desk.Reminded", Member.Name].Value;
        return Redirect(CultivationLinks.HubMember(id, organizationId));
    }

    private async Task<bool> LoadAsync(int id, int organizationId, CancellationToken cancellationToken)
    {
        if (await hubs.HubOfUserAsync(id, User.UserId(), cancellationToken) is not { } hub || hub.Members.All(m => m.OrganizationId != organizationId))
        {
            return false;
        }

        Hub = hub;
        Member = (await hubs.StandingsAsync(hub, [organizationId], cancellationToken)).Single();
        return true;
    }
}
