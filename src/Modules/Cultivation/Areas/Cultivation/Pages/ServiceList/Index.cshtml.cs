using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;

namespace Registry.Cultivation.Areas.Cultivation.Pages.ServiceList;

/// <summary>The public recommended list (推荐性目录) in force: the latest announced list by service field, and contracts per year.</summary>
[AllowAnonymous]
public sealed class IndexModel(ServiceListService service) : PageModel
{
    public ServiceListCall? Current { get; private set; }

    public IReadOnlyList<IGrouping<string, ServiceListApplication>> ByField { get; private set; } = [];

    public IReadOnlyList<ContractYear> Contracts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await service.CurrentListAsync(cancellationToken);
        ByField = Current is null
            ? []
            : [.. Current.Applications.OrderBy(a => a.OrganizationName, StringComparer.Ordinal).GroupBy(a => a.ServiceField).OrderBy(g => g.Key, StringComparer.Ordinal)];
        Contracts = await service.ContractTotalsAsync(cancellationToken);
    }
}
