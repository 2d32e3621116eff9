using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Desk;

/// <summary>
/// A hub account's read-only view of its members: grade, last inspection result, credit lists and open obligations.
/// Only the hub's own accounts see it (any other hub or organization answers 404).
/// </summary>
[Permission(CultivationPermissions.ViewHubMembers)]
public sealed class MembersModel(HubService hubs) : PageModel
{
    public const int PageSize = 30;

    public Domain.Hub Hub { get; private set; } = null!;

    public IReadOnlyList<MemberStanding> Members { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, int? page, CancellationToken cancellationToken)
    {
        if (await hubs.HubOfUserAsync(id, User.UserId(), cancellationToken) is not { } hub)
        {
            return NotFound();
        }

        Hub = hub;
        PageCount = Math.Max(1, (hub.Members.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        var ids = hub.Members.OrderBy(m => m.OrganizationName, StringComparer.Ordinal).Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(m => m.OrganizationId).ToList();
        Members = await hubs.StandingsAsync(hub, ids, cancellationToken);
        return Page();
    }
}
