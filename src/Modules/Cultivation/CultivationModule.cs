using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Recipes;
using Registry.Cultivation.Services;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation;

/// <summary>
/// Cultivation of the sector (社会组织培育扶持): hub organizations (枢纽型社会组织) recognised in batches with their members
/// and coverage. Meets the register, the credit lists, the grades and the notices only through their contracts.
/// </summary>
public sealed class CultivationModule : IModule
{
    public string Name => "Cultivation";

    public IEnumerable<Core.Security.Permission> Permissions => CultivationPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Cultivation.Hubs", CultivationLinks.Hubs, null, 59, NavigationGroups.Organizations),
        new(NavigationArea.Account, "Nav.Cultivation.HubDesk", CultivationLinks.HubDesk, CultivationPermissions.ViewHubMembers, 50),
        new(NavigationArea.Public, "Nav.Cultivation.ServiceList", CultivationLinks.ServiceList, null, 60, NavigationGroups.Organizations),
        new(NavigationArea.Public, "Nav.Cultivation.Incubation", CultivationLinks.Incubation, null, 61, NavigationGroups.Organizations),
        new(NavigationArea.Account, "Nav.Cultivation.Apply", CultivationLinks.Apply, CultivationPermissions.ApplyServiceList, 51),
        new(NavigationArea.BackOffice, "Nav.Cultivation.Hubs", CultivationLinks.AdminHubs, CultivationPermissions.ManageHubs, 250),
        new(NavigationArea.BackOffice, "Nav.Cultivation.ServiceList", CultivationLinks.AdminServiceList, CultivationPermissions.ManageServiceList, 251),
        new(NavigationArea.BackOffice, "Nav.Cultivation.Incubation", CultivationLinks.AdminIncubation, CultivationPermissions.ManageIncubation, 252),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var serviceList = new ServiceListOptions();
        configuration.GetSection("Registry:Cultivation:ServiceList").Bind(serviceList);
        services.AddSingleton(serviceList);
        services.AddScoped<HubService>();
        services.AddSingleton<HubCoverageCache>();
        services.AddScoped<IOutboxConsumer, HubCoverageInvalidator>();
        services.AddScoped<ServiceListService>();
        services.AddScoped<IncubationService>();
        services.AddScoped<IOrganizationPageSection, HubPageSection>();
        services.AddScoped<IRecipeStep, CultivationRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
