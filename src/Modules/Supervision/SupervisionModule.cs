using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Files;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Recipes;
using Registry.Supervision.Services;

namespace Registry.Supervision;

/// <summary>
/// Supervision (监督管理): administrative penalty cases (行政处罚), complaints and tips (投诉举报) and random spot checks
/// (双随机、一公开). Meets the register and the credit lists only through their contracts and the change feed.
/// </summary>
public sealed class SupervisionModule : IModule
{
    public string Name => "Supervision";

    public IEnumerable<Core.Security.Permission> Permissions => SupervisionPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Supervision.Penalties", SupervisionLinks.Penalties, null, 57, NavigationGroups.Disclosure),
        new(NavigationArea.Public, "Nav.Supervision.Complaint", SupervisionLinks.ComplaintForm, null, 58, NavigationGroups.Services),
        new(NavigationArea.BackOffice, "Nav.Supervision.Cases", SupervisionLinks.AdminCases, SupervisionPermissions.ManageCases, 240),
        new(NavigationArea.BackOffice, "Nav.Supervision.Complaints", SupervisionLinks.AdminComplaints, SupervisionPermissions.HandleComplaints, 241),
        new(NavigationArea.BackOffice, "Nav.Supervision.Plans", SupervisionLinks.AdminPlans, SupervisionPermissions.ManagePlans, 242),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var cases = new CaseOptions();
        configuration.GetSection("Registry:Supervision:Cases").Bind(cases);
        services.AddSingleton(cases);
        var complaints = new ComplaintOptions();
        configuration.GetSection("Registry:Supervision:Complaints").Bind(complaints);
        services.AddSingleton(complaints);
        var checks = new CheckOptions();
        configuration.GetSection("Registry:Supervision:Checks").Bind(checks);
        services.AddSingleton(checks);
        services.AddScoped<CaseService>();
        services.AddScoped<ComplaintService>();
        services.AddScoped<PlanService>();
        services.AddScoped<IPenaltyRecords, PenaltyRecords>();
        services.AddScoped<IComplaintFigures, ComplaintFigures>();
        services.AddScoped<IOutboxConsumer, PenaltyCreditConsumer>();
        services.AddScoped<IOrganizationPageSection, PenaltyPageSection>();
        services.AddScoped<IFileAccessRule, ComplaintAttachmentRule>();
        services.AddScoped<IRecipeStep, SupervisionRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
