using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Files;
using Registry.Core.Modularity;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Organizations.Recipes;
using Registry.Organizations.Services;

namespace Registry.Organizations;

/// <summary>The register of social organizations and online registration applications.</summary>
public sealed class OrganizationsModule : IModule
{
    public string Name => "Organizations";

    public IEnumerable<Permission> Permissions => OrganizationsPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Org.Guides", OrganizationLinks.Guides, null, 20, NavigationGroups.Services),
        new(NavigationArea.Public, "Nav.Org.Progress", OrganizationLinks.Progress, null, 21, NavigationGroups.Services),
        new(NavigationArea.Public, "Nav.Org.MyApplications", OrganizationLinks.Mine, OrganizationsPermissions.Apply, 30),
        new(NavigationArea.Public, "Nav.Org.Workspace", OrganizationLinks.Workspace, OrganizationsPermissions.Apply, 31),
        new(NavigationArea.Public, "Nav.Org.Parties", OrganizationLinks.Parties, OrganizationsPermissions.ViewSupervised, 32),
        new(NavigationArea.BackOffice, "Nav.Org.Applications", OrganizationLinks.AdminApplications, OrganizationsPermissions.ViewRegister, 100),
        new(NavigationArea.BackOffice, "Nav.Org.Register", OrganizationLinks.AdminRegister, OrganizationsPermissions.ViewRegister, 110),
        new(NavigationArea.BackOffice, "Nav.Org.Claims", OrganizationLinks.AdminClaims, OrganizationsPermissions.ManageRegister, 120),
        new(NavigationArea.BackOffice, "Nav.Org.Reminders", OrganizationLinks.AdminReminders, OrganizationsPermissions.ViewRegister, 125),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IRegistrationRulesProvider, RegistrationRulesProvider>();
        services.AddScoped<NameChecker>();
        services.AddScoped<RegisterWriter>();
        services.AddScoped<RegistrationService>();
        services.AddOptions<ApplicantLimitOptions>().Bind(configuration.GetSection(ApplicantLimitOptions.Section))
            .Validate(o => o.MaxOpenDrafts is >= 1 and <= 1000, $"{ApplicantLimitOptions.Section}:MaxOpenDrafts must be 1–1000.").ValidateOnStart();
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<PartyAccess>();
        services.AddScoped<ISupervisingUnits, SupervisingUnitDirectory>();
        services.AddScoped<IStreetOffices, StreetOffices>();
        services.AddScoped<IRecipeStep, SupervisingUnitsRecipeStep>();
        services.AddScoped<IRecipeStep, StreetOfficesRecipeStep>();
        services.AddScoped<RegisterImporter>();
        services.AddSingleton<ImportProgressBoard>();
        services.AddScoped<DeadlineService>();
        services.AddScoped<Core.Calendar.IProvisionalClocks, RegistrationProvisionalClocks>();
        services.AddScoped<IWorkItemSource, ApplicationWorkItems>();
        services.AddScoped<ApplicationViews>();
        services.AddScoped<MembershipService>();
        services.AddScoped<DueSoonReminders>();
        services.AddHostedService<DueSoonReminderService>();
        services.AddScoped<IOrganizationRegister, OrganizationRegister>();
        services.AddScoped<IOrganizationNotifier, OrganizationNotifier>();
        services.AddScoped<IRegistrationFigures, RegistrationFigures>();
        services.AddScoped<IFileAccessRule, ApplicationDocumentAccessRule>();
        services.AddScoped<IRecipeStep, RegistrationRulesRecipeStep>();
        services.AddScoped<Core.Settings.ISettingsSection, RegistrationAuthoritySection>();
        services.AddScoped<Core.Settings.ISettingsSection, RegistrationPeriodsSection>();
        services.AddScoped<Core.Settings.ISettingsSection, RegistrationChecklistsSection>();
        services.AddScoped<Core.Settings.ISettingsSection, RegistrationNamesSection>();
        services.AddScoped<Core.Settings.ISettingsSection, RegistrationServiceFieldsSection>();
        services.AddScoped<Core.Settings.ISettingsSection, RegistrationThresholdsSection>();
        foreach (var kind in Enum.GetValues<Domain.ApplicationKind>())
        {
            services.AddSingleton(new Core.Review.SignOffChainDeclaration(RegistrationService.SignOffChainKey(kind), "Org.Kind." + kind, RegistrationService.DefaultSignOffSteps));
        }

        services.AddScoped<IRecipeStep, OrganizationsRecipeStep>();
        services.AddScoped<IRecipeStep, DemoApplicationsRecipeStep>();
        services.AddScoped<IRecipeStep, RegistrationHistoryRecipeStep>();
        services.Configure<WorkspaceOptions>(configuration.GetSection(WorkspaceOptions.Section));
        services.AddScoped<WorkspaceService>();
        services.AddScoped<ObligationReminders>();
        services.AddHostedService<ObligationReminderService>();
        services.AddScoped<IApplicationProgressSource, RegistrationProgress>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => WorkspaceFeedEndpoint.Map(endpoints);
}
