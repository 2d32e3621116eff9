using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Files;
using Registry.Core.Jobs;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;
using Registry.Ratings.Recipes;
using Registry.Ratings.Services;

namespace Registry.Ratings;

/// <summary>A-grade ratings (社会组织等级评估): campaigns, rubrics, expert panels, committee decisions, 公示, grades.</summary>
public sealed class RatingsModule : IModule
{
    public string Name => "Ratings";

    public IEnumerable<Permission> Permissions => RatingsPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Rate.Public", RatingLinks.Public, null, 16, NavigationGroups.Organizations),
        new(NavigationArea.Public, "Nav.Rate.Review", RatingLinks.Review, RatingsPermissions.Score, 40),
        new(NavigationArea.BackOffice, "Nav.Rate.Admin", RatingLinks.Admin, RatingsPermissions.Manage, 150),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RubricStore>();
        services.AddScoped<RatingCampaignService>();
        services.AddOptions<RatingEligibilityOptions>().Bind(configuration.GetSection(RatingEligibilityOptions.Section))
            .Validate(o => o.PenaltyYears is >= 0 and <= 10, $"{RatingEligibilityOptions.Section}:PenaltyYears must lie in 0–10").ValidateOnStart();
        services.AddScoped<RatingApplicationService>();
        services.AddScoped<IWorkItemSource, RatingWorkItems>();
        services.AddScoped<RatingAccess>();
        services.AddScoped<PanelService>();
        services.AddScoped<ScoringService>();
        services.AddScoped<DecisionService>();
        services.AddSingleton(new Core.Review.SignOffChainDeclaration(DecisionService.SignOffChainKey, "Rate.SignOff.Chain", DecisionService.DefaultSignOffSteps));
        services.AddScoped<Core.Calendar.IProvisionalClocks, ReviewProvisionalClocks>();
        services.AddScoped<GradeService>();
        services.AddScoped<GradeJob>();
        services.AddScoped<GradeOversightService>();
        services.AddScoped<IOutboxConsumer, InspectionResultConsumer>();
        services.AddScoped<RatingFigures>();
        services.AddHostedService<GradeJobService>();
        services.AddScoped<OrganizationGrades>();
        services.AddScoped<IOrganizationGrades>(s => s.GetRequiredService<OrganizationGrades>());
        services.AddScoped<ICurrentGrades>(s => s.GetRequiredService<OrganizationGrades>());
        services.AddScoped<IOrganizationPageSection, RatingsPageSection>();
        services.AddScoped<IObligationSource, GradeObligations>();
        services.AddScoped<IApplicationProgressSource, RatingProgress>();
        services.AddScoped<IFileAccessRule, EvidenceAccessRule>();
        services.AddScoped<IRecipeStep, RatingRubricsRecipeStep>();
        services.AddScoped<IRecipeStep, RatingHistoryRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

/// <summary>Runs <see cref="GradeJob"/> hourly (off with <c>Registry:Ratings:GradeJob=false</c>).</summary>
internal sealed class GradeJobService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<GradeJobService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Ratings:GradeJob";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<GradeJob>().RunOnceAsync(cancellationToken);
}
