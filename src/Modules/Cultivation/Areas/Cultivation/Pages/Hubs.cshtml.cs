using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages;

/// <summary>The public list of recognised hub organizations (枢纽型社会组织) by batch, with their member counts.</summary>
[AllowAnonymous]
public sealed class HubsModel(HubService hubs) : PageModel
{
    public IReadOnlyList<HubBatch> Batches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Batches = await hubs.BatchesAsync(cancellationToken);
}
