using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Files;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Grants.Contracts;
using Registry.Grants.Recipes;
using Registry.Grants.Services;
using Registry.Organizations.Contracts;

namespace Registry.Grants;

/// <summary>The venture fund (公益创投) and the bureau's other project funds: rounds, applications, screening, review, shortlist, awards.</summary>
public sealed class GrantsModule : IModule
{
    public string Name => "Grants";

    public IEnumerable<Permission> Permissions => GrantsPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Grant.Public", GrantLinks.Public, null, 18, NavigationGroups.Services),
        new(NavigationArea.Public, "Nav.Grant.Mine", GrantLinks.Mine, GrantsPermissions.Apply, 35),
        new(NavigationArea.Public, "Nav.Grant.Review", GrantLinks.Review, GrantsPermissions.Review, 41),
        new(NavigationArea.Public, "Nav.Grant.Progress", GrantLinks.Progress, GrantsPermissions.Apply, 36),
        new(NavigationArea.Public, "Nav.Grant.Evaluation", GrantLinks.Evaluation, GrantsPermissions.Review, 42),
        new(NavigationArea.BackOffice, "Nav.Grant.EvaluationAdmin", GrantLinks.EvaluationAdmin, GrantsPermissions.Manage, 162),
        new(NavigationArea.BackOffice, "Nav.Grant.Admin", GrantLinks.Admin, GrantsPermissions.Manage, 160),
        new(NavigationArea.BackOffice, "Nav.Grant.Projects", GrantLinks.ProjectsAdmin, GrantsPermissions.Manage, 161),
        new(NavigationArea.Public, "Nav.Grant.Agreements", GrantLinks.Projects, GrantsPermissions.Apply, 37),
        new(NavigationArea.Public, "Nav.Grant.Street", GrantLinks.Street, GrantsPermissions.Recommend, 43),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RoundService>();
        services.AddOptions<GrantEligibilityOptions>().Bind(configuration.GetSection(GrantEligibilityOptions.Section))
            .Validate(o => o.PenaltyYears is >= 0 and <= 10, $"{GrantEligibilityOptions.Section}:PenaltyYears must lie in 0–10").ValidateOnStart();
        services.AddScoped<GrantApplicationService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<StreetRecommendationService>();
        services.AddScoped<GrantAttachmentService>();
        services.AddScoped<MessageService>();
        services.AddScoped<IFileAccessRule, ApplicationMessageFileAccessRule>();
        services.AddOptions<ScoringReminderOptions>().Bind(configuration.GetSection(ScoringReminderOptions.Section))
            .Validate(o => o.ReminderWorkingDays is >= 0 and <= 10, $"{ScoringReminderOptions.Section}:ReminderWorkingDays must lie in 0–10").ValidateOnStart();
        services.AddScoped<ScoringReminders>();
        services.AddHostedService<ScoringReminderService>();
        services.AddScoped<IFileAccessRule, ApplicationAttachmentAccessRule>();
        services.AddScoped<IWorkItemSource, GrantWorkItems>();
        services.AddScoped<DecisionService>();
        services.AddSingleton(new Core.Review.SignOffChainDeclaration(DecisionService.SignOffChainKey, "Grant.SignOff.Chain", DecisionService.DefaultSignOffSteps));
        services.AddScoped<GrantAccess>();
        services.AddScoped<IGrantFigures, GrantFigures>();
        services.AddScoped<IFundedProjects, FundedProjects>();
        services.AddScoped<IOrganizationPageSection, GrantsPageSection>();
        services.AddScoped<IObligationSource, GrantObligations>();
        services.AddScoped<IApplicationProgressSource, GrantProgress>();
        services.AddOptions<GrantProgressOptions>().Bind(configuration.GetSection(GrantProgressOptions.Section));
        services.AddScoped<ProgressService>();
        services.AddScoped<Core.Calendar.IProvisionalClocks, ProgressProvisionalClocks>();
        services.AddScoped<EvaluationService>();
        services.AddScoped<ProgressReminders>();
        services.AddHostedService<ProgressReminderService>();
        services.AddScoped<IFileAccessRule, ProgressEvidenceAccessRule>();
        services.AddScoped<GrantAgreementService>();
        services.AddScoped<GrantMoneyService>();
        services.AddScoped<IOutboxConsumer, GranteeStatusConsumer>();
        services.AddScoped<IFileAccessRule, SignedAgreementAccessRule>();
        services.AddOptions<GrantOpenDataOptions>().Bind(configuration.GetSection(GrantOpenDataOptions.Section));
        services.AddScoped<GrantOpenData>();
        services.AddScoped<IRecipeStep, GrantRoundRecipeStep>();
        services.AddScoped<IRecipeStep, GrantApplicationsRecipeStep>();
        services.AddScoped<IRecipeStep, GrantAgreementRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/Grants/OpenData/360giving.json", (HttpContext context, GrantOpenData data) => data.WriteJsonAsync(context.Response, context.RequestAborted)).AllowAnonymous();
        endpoints.MapGet("/Grants/OpenData/360giving.csv", (HttpContext context, GrantOpenData data) => data.WriteCsvAsync(context.Response, context.RequestAborted)).AllowAnonymous();
    }
}
