using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Reports.Sections;
using Registry.Reports.Services;

namespace Registry.Reports;

/// <summary>The bureau's statistics: a dashboard of the year's figures with charts and exports, and the year-end work summary.</summary>
public sealed class ReportsModule : IModule
{
    public string Name => "Reports";

    public IEnumerable<Permission> Permissions => ReportsPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.BackOffice, "Nav.Rep.Dashboard", "/Reports", ReportsPermissions.View, 200),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // One class per section: a module's figures join the dashboard, the exports and the summary by adding one here.
        services.AddScoped<IReportSection, RegistrationsSection>();
        services.AddScoped<IReportSection, RegisterSection>();
        services.AddScoped<IReportSection, InspectionsSection>();
        services.AddScoped<IReportSection, SectorSection>();
        services.AddScoped<IReportSection, CreditListsSection>();
        services.AddScoped<IReportSection, ComplaintsSection>();
        services.AddScoped<IReportSection, SatisfactionSection>();
        services.AddScoped<IReportSection, RatingsSection>();
        services.AddScoped<IReportSection, ProcessingSection>();
        services.AddScoped<IReportSection, GrantsSection>();
        services.AddScoped<ReportBuilder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
