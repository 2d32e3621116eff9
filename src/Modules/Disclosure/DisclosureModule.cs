using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Core.Files;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Recipes;
using Registry.Disclosure.Services;

namespace Registry.Disclosure;

/// <summary>Government information disclosure (政府信息公开): the disclosure catalogue other modules contribute to, and requests for disclosure with their statutory clocks.</summary>
public sealed class DisclosureModule : IModule
{
    public string Name => "Disclosure";

    public IEnumerable<Permission> Permissions => DisclosurePermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Disclosure.Catalogue", "/Disclosure", null, 59, NavigationGroups.Disclosure),
        new(NavigationArea.Public, "Nav.Disclosure.Request", "/Disclosure/Request", null, 60, NavigationGroups.Disclosure),
        new(NavigationArea.Public, "Nav.Disclosure.Follow", "/Disclosure/Follow", null, 61, NavigationGroups.Disclosure),
        new(NavigationArea.Account, "Nav.Disclosure.My", "/Disclosure/My", null, 60),
        new(NavigationArea.BackOffice, "Nav.Disclosure.Requests", "/Disclosure/Admin/Requests", DisclosurePermissions.ViewRequests, 260),
        new(NavigationArea.BackOffice, "Nav.Disclosure.AnnualReports", "/Disclosure/Admin/AnnualReport", DisclosurePermissions.ViewRequests, 261),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestService>();
        services.AddScoped<RequestClocks>();
        services.AddScoped<RequestWarnings>();
        services.AddHostedService<RequestWarningService>();
        services.AddScoped<IWorkItemSource, RequestWorkItems>();
        services.AddScoped<IProvisionalClocks, RequestProvisionalClocks>();
        services.AddScoped<IFileAccessRule, RequestAttachmentRule>();
        services.AddScoped<IRecipeStep, DisclosureRequestsRecipeStep>();
        services.AddSingleton(CatalogueOptions.From(configuration));
        services.AddScoped<CatalogueService>();
        services.AddScoped<IDisclosureCatalogue>(s => s.GetRequiredService<CatalogueService>());
        services.AddScoped<IOutboxConsumer, PolicyCatalogueConsumer>();
        services.AddScoped<IOutboxConsumer, NoticeCatalogueConsumer>();
        services.AddScoped<IRecipeStep, DisclosureCatalogueRecipeStep>();
        services.AddScoped<AnnualReportService>();
        services.AddScoped<IDisclosureDrafts, SummaryDrafts>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => RequestEndpoints.Map(endpoints);
}
