using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Content.Recipes;
using Registry.Content.Services;
using Registry.Content.Services.Media;
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
        // content-core
        new(NavigationArea.BackOffice, "Nav.Content.Admin", ContentLinks.Admin, ContentPermissions.Create, 150),
        // media
        new(NavigationArea.BackOffice, "Nav.Content.Media", ContentLinks.AdminMedia, ContentPermissions.Create, 230),
        // site
        new(NavigationArea.BackOffice, "Nav.Content.Site", ContentLinks.AdminSite, ContentPermissions.ManageSite, 240),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // content-core
        services.AddSingleton<IContentTypeDefinition, PageType>();
        services.AddSingleton<IContentTypeDefinition, ArticleType>();
        services.AddSingleton<IContentTypeDefinition, PolicyType>();
        services.AddSingleton<ContentTypeRegistry>();
        services.AddSingleton<ContentHtml>();
        services.AddSingleton<ContentPageCache>();
        services.AddSingleton<ContentPageCacheFilter>();
        services.AddScoped<ContentService>();
        services.AddScoped<ContentReader>();
        services.AddScoped<ContentViews>();
        services.AddScoped<IContentQueries>(sp => sp.GetRequiredService<ContentReader>());
        services.AddScoped<IMediaReferences>(sp => sp.GetRequiredService<ContentReader>());
        services.AddScoped<IRecipeStep, ContentRecipeStep>();
        // media
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddScoped<MediaLibrary>();
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
        // content-core
        ContentEndpoints.Map(endpoints);
        // media
        MediaEndpoints.Map(endpoints);
    }
}
