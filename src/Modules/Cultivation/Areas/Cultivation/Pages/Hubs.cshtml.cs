using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages;

/// <summary>
/// The public list of recognised hub organizations (枢纽型社会组织) by batch, with their members and coverage (from the
/// coverage cache: this page is public and must not walk the register on each request), and the withdrawn recognitions.
/// </summary>
[AllowAnonymous]
public sealed class HubsModel(HubService hubs) : PageModel
{
    public IReadOnlyList<HubBatch> Batches { get; private set; } = [];

    public IReadOnlyDictionary<int, HubCoverage> Coverage { get; private set; } = new Dictionary<int, HubCoverage>();

    public IReadOnlyList<Hub> Withdrawn { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Batches = await hubs.BatchesAsync(cancellationToken);
        var all = Batches.SelectMany(b => b.Hubs).ToList();
        Coverage = await hubs.CoverageAsync(all, cancellationToken);
        Withdrawn = [.. all.Where(h => !h.IsActive).OrderByDescending(h => h.EndedOn)];
    }
}
