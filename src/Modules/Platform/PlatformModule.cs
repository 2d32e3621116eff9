using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core;
using Registry.Core.Contracts;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Platform.Identity;

namespace Registry.Platform;

/// <summary>
/// The platform's own pages, so that the host holds none: the home page, sign-in, registration and the account's
/// settings, the language switch and the error page; in the back office the dashboard, users, roles, settings, the
/// working-day calendar and the audit log. Its permissions are Core's.
/// </summary>
public sealed class PlatformModule : IModule
{
    public string Name => "Platform";

    public IEnumerable<Permission> Permissions => [];

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.BackOffice, "Nav.Admin.Home", PlatformLinks.BackOffice, CorePermissions.BackOffice, 0),
        new(NavigationArea.BackOffice, "Nav.Admin.Users", PlatformLinks.Users, CorePermissions.ManageUsers, 900),
        new(NavigationArea.BackOffice, "Nav.Admin.Roles", PlatformLinks.Roles, CorePermissions.ManageRoles, 902),
        new(NavigationArea.BackOffice, "Nav.Admin.Settings", PlatformLinks.Settings, CorePermissions.ManageSettings, 905),
        new(NavigationArea.BackOffice, "Nav.Admin.Calendar", PlatformLinks.Calendar, CorePermissions.ViewCalendar, 910),
        new(NavigationArea.BackOffice, "Nav.Admin.Audit", PlatformLinks.Audit, CorePermissions.ViewAudit, 920),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<AccountInvitations>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
