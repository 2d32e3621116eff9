using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Files;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Inspections.Recipes;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;

namespace Registry.Inspections;

/// <summary>Annual inspections / reports (年检 / 年报) with results and rectification, and the credit lists.</summary>
public sealed class InspectionsModule : IModule
{
    public string Name => "Inspections";

    public IEnumerable<Permission> Permissions => InspectionsPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Insp.CreditLists", InspectionLinks.PublicCreditLists, null, 15, NavigationGroups.Disclosure),
        new(NavigationArea.Public, "Nav.Insp.MyReports", InspectionLinks.Mine, InspectionsPermissions.File, 35),
        new(NavigationArea.Public, "Nav.Insp.UnitReview", InspectionLinks.Unit, InspectionsPermissions.UnitReview, 33),
        new(NavigationArea.BackOffice, "Nav.Insp.Campaigns", InspectionLinks.Admin, InspectionsPermissions.Review, 130),
        new(NavigationArea.BackOffice, "Nav.Insp.CreditLists", InspectionLinks.AdminCreditLists, InspectionsPermissions.ManageCreditLists, 140),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var rules = new CreditListRules();
        configuration.GetSection("Registry:Inspections:CreditLists").Bind(rules);
        // Read per request over the configured defaults, so a change on the settings screen applies at once on every node.
        services.AddSingleton(new CreditListDefaults(rules));
        services.AddScoped(sp => CreditListSettingsSection.Current(sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>(), sp.GetRequiredService<CreditListDefaults>()));
        services.AddScoped<Core.Settings.ISettingsSection, CreditListSettingsSection>();
        var unitReview = new UnitReviewOptions();
        configuration.GetSection("Registry:Inspections:UnitReview").Bind(unitReview);
        services.AddSingleton(new UnitReviewDefaults(unitReview.ToTerms()));
        services.AddScoped(sp => UnitReviewSettingsSection.Current(sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>(), sp.GetRequiredService<UnitReviewDefaults>()));
        services.AddScoped<Core.Settings.ISettingsSection, UnitReviewSettingsSection>();
        services.AddScoped<UnitReviewDesk>();
        var deadlines = new CampaignDeadlineDefaults();
        configuration.GetSection("Registry:Inspections:Deadlines").Bind(deadlines);
        services.AddSingleton(deadlines);
        services.AddScoped<ReportAccess>();
        services.AddScoped<CampaignService>();
        services.AddScoped<CreditListService>();
        services.AddScoped<IPenaltyListings>(s => new PenaltyListings(s.GetRequiredService<CreditListService>()));
        services.AddScoped<Core.Calendar.IProvisionalClocks, CreditListProvisionalClocks>();
        services.AddScoped<ReportService>();
        // The internal sign-off (内部审批) of the result and of officers' credit-list decisions: lengths on the settings screen.
        services.AddSingleton(new Core.Review.SignOffChainDeclaration(ReportService.SignOffChainKey, "Insp.SignOff.Chain.Result", ReportService.DefaultSignOffSteps));
        services.AddSingleton(new Core.Review.SignOffChainDeclaration(CreditListService.SignOffChainKey, "Insp.SignOff.Chain.CreditList", CreditListService.DefaultSignOffSteps));
        services.AddScoped<ResultImporter>();
        services.AddScoped<ResultsNotice>();
        services.AddScoped<CreditListJob>();
        services.AddScoped<IOutboxConsumer, RevokedRegistrationConsumer>();
        services.AddHostedService<CreditListJobService>();
        services.AddScoped<IInspectionFigures, InspectionFiguresQuery>();
        services.AddScoped<IOrganizationStandings, OrganizationStandings>();
        services.AddScoped<IOrganizationPageSection, InspectionsPageSection>();
        services.AddScoped<IOrganizationPageSection, FinancesPageSection>();
        services.AddScoped<IPublicFinances, PublicFinancesQuery>();
        services.AddScoped<IAnnualReportFacts, AnnualReportFactsQuery>();
        services.AddScoped<ISectorFigures, SectorFiguresQuery>();
        services.AddScoped<SectorFiguresQuery>();
        services.AddScoped<InspectionFiguresQuery>();
        services.AddScoped<ReportTalliesRebuild>();
        services.AddScoped<IRecipeStep, ReportTalliesRecipeStep>();
        // Picked up by the database context's options (DatabaseSetup): keeps the figures' tallies in each save's transaction.
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ReportTalliesInterceptor>();
        services.AddScoped<IObligationSource, InspectionObligations>();
        services.AddScoped<IFileAccessRule, ReportDocumentAccessRule>();
        services.AddScoped<IRecipeStep, InspectionCampaignRecipeStep>();
        services.AddScoped<IRecipeStep, InspectionResultsRecipeStep>();
        services.AddScoped<IRecipeStep, CreditListEntriesRecipeStep>();
        services.AddScoped<IRecipeStep, AnnualReportContentRecipeStep>();
        services.AddScoped<IRecipeStep, AnnualReportFilingsRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
