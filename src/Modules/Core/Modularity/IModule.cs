using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Security;

namespace Registry.Core.Modularity;

/// <summary>A feature module: the host discovers exactly one implementation per module assembly.</summary>
public interface IModule
{
    /// <summary>Short name, also the Razor area and the table prefix (e.g. "Organizations").</summary>
    string Name { get; }

    /// <summary>Permissions the module declares, each with the roles that get it by default.</summary>
    IEnumerable<Permission> Permissions { get; }

    /// <summary>Menu entries; the layout shows those the current user is permitted to see.</summary>
    IEnumerable<NavigationItem> Navigation { get; }

    /// <summary>Registers services, recipe steps (as <see cref="Recipes.IRecipeStep"/>) and outbox consumers.</summary>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps non-page endpoints (downloads, feeds, JSON).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
