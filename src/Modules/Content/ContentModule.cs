using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Services.Media;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Content;

/// <summary>The bureau's own website (CMS): content types made of parts, drafts and versions, review, media, menus, the composed home page.</summary>
public sealed class ContentModule : IModule
{
    public string Name => "Content";

    public IEnumerable<Permission> Permissions => ContentPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        // media
        new(NavigationArea.BackOffice, "Nav.Content.Media", "/Content/Admin/Media", ContentPermissions.Create, 230),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // media
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddScoped<MediaLibrary>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // media
        MediaEndpoints.Map(endpoints);
    }
}
