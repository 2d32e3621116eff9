using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Content.Recipes;
using Registry.Content.Services;
using Registry.Content.Services.Media;
using Registry.Content.Services.Search;
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

    /// <summary>The types this module declares; each gets its generated permissions (<see cref="ContentTypePermissions"/>).</summary>
    public static IReadOnlyList<IContentTypeDefinition> BuiltInTypes { get; } = [new PageType(), new ArticleType(), new PolicyType()];

    public IEnumerable<Permission> Permissions => [.. ContentPermissions.All, .. BuiltInTypes.SelectMany(ContentTypePermissions.For)];

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
        foreach (var type in BuiltInTypes)
        {
            services.AddSingleton(type);
        }

        services.AddSingleton<ContentTypeRegistry>();
        services.AddSingleton<ContentHtml>();
        services.AddSingleton<ContentPageCache>();
        services.AddSingleton<ContentPageCacheFilter>();
        services.AddScoped<ContentService>();
        services.AddScoped<ContentReader>();
        services.AddScoped<ContentViews>();
        services.AddScoped<IContentQueries>(sp => sp.GetRequiredService<ContentReader>());
        services.AddScoped<IMediaReferences>(sp => sp.GetRequiredService<ContentReader>());
        services.AddScoped<IPolicyFigures, PolicyFigures>();
        services.AddScoped<IContentDrafts, ContentDrafts>();
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
        // site search: content and notices in this node's index, organizations through the directory
        services.AddOptions<SiteSearchOptions>().Bind(configuration.GetSection(SiteSearchOptions.Section));
        services.AddSingleton<SiteIndex>();
        services.AddSingleton<SiteSearch>();
        services.AddScoped<SiteDocuments>();
        services.AddSingleton<SiteIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteIndexer>());
        services.AddHealthChecks().AddCheck<SiteIndexHealthCheck>("site-search-index");
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // content-core
        ContentEndpoints.Map(endpoints);
        // media
        MediaEndpoints.Map(endpoints);
    }
}

/// <summary>Healthy once this node's site-search index is open; degraded while it is being (re)built.</summary>
internal sealed class SiteIndexHealthCheck(SiteIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy($"at change-feed event {index.LastEventId}")
            : HealthCheckResult.Degraded("index is being built"));
}
