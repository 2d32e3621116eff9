using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Files;
using Registry.Core.Modularity;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Notices.Recipes;
using Registry.Notices.Services;

namespace Registry.Notices;

/// <summary>Public notices (公示公告): publicity periods, objections, feeds; other modules publish through <see cref="INoticePublisher"/>.</summary>
public sealed class NoticesModule : IModule
{
    public string Name => "Notices";

    public IEnumerable<Permission> Permissions => NoticesPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Notices.Public", NoticeLinks.Public, null, 10, NavigationGroups.Disclosure),
        new(NavigationArea.BackOffice, "Nav.Notices.Admin", NoticeLinks.Admin, NoticesPermissions.Manage, 200),
        new(NavigationArea.BackOffice, "Nav.Notices.Objections", NoticeLinks.AdminObjections, NoticesPermissions.Manage, 210),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NoticeMarkdown>();
        services.AddScoped<NoticeService>();
        services.AddScoped<INoticePublisher, NoticePublisher>();
        services.AddScoped<IWorkItemSource, ObjectionWorkItems>();
        services.AddScoped<INoticeListing, NoticeListing>();
        services.AddScoped<IFileAccessRule, PublishedNoticeAttachmentRule>();
        services.AddScoped<IRecipeStep, NoticesRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => NoticeEndpoints.Map(endpoints);
}
