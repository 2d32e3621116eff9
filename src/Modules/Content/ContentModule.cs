using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Recipes;
using Registry.Content.Services.Site;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;

namespace Registry.Content;

/// <summary>The bureau's own website (CMS): content types made of parts, drafts and versions, review, media, menus, the composed home page.</summary>
public sealed class ContentModule : IModule
{
    public string Name => "Content";

    public IEnumerable<Permission> Permissions => ContentPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        // site
        new(NavigationArea.BackOffice, "Nav.Content.Site", "/Content/Admin/Site", ContentPermissions.ManageSite, 240),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // site: menus, footer settings, the composed home page and its cache
        services.AddMemoryCache();
        services.AddSingleton<SiteCache>();
        services.AddScoped<IOutboxConsumer, SiteCacheInvalidator>();
        services.AddScoped<SiteMenus>();
        services.AddScoped<SiteSettings>();
        services.AddScoped<HomeComposer>();
        services.AddScoped<IRecipeStep, SiteRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
