using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.Desk;

/// <summary>A hub account's desk: the hubs its organizations are (none for most applicants: an empty state says so).</summary>
[Permission(CultivationPermissions.ViewHubMembers)]
public sealed class IndexModel(HubService hubs) : PageModel
{
    public IReadOnlyList<Domain.Hub> Hubs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Hubs = await hubs.HubsOfUserAsync(User.UserId(), cancellationToken);
}
