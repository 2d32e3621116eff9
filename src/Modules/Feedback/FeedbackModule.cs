using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Settings;
using Registry.Feedback.Contracts;
using Registry.Feedback.Domain;
using Registry.Feedback.Recipes;
using Registry.Feedback.Services;
using Registry.Organizations.Contracts;

namespace Registry.Feedback;

/// <summary>
/// 政务服务"好差评": every completed service (registration decisions, inspection results, grades, grants, disclosure replies,
/// from their modules' change feed) may be rated once by its applicant; a 差评 opens a follow-up the officers answer within
/// working days; satisfaction is published per service and year.
/// </summary>
public sealed class FeedbackModule : IModule
{
    public string Name => "Feedback";

    public IEnumerable<Core.Security.Permission> Permissions => FeedbackPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Feedback.Statistics", FeedbackLinks.Statistics, null, 59, NavigationGroups.Disclosure),
        new(NavigationArea.Account, "Nav.Feedback.My", FeedbackLinks.My, FeedbackPermissions.Rate, 60),
        new(NavigationArea.BackOffice, "Nav.Feedback.Ratings", FeedbackLinks.AdminRatings, FeedbackPermissions.ViewRatings, 250),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var rules = new FeedbackRules();
        var section = configuration.GetSection("Registry:Feedback");
        rules = rules with
        {
            RatingWindowDays = section.GetValue(nameof(FeedbackRules.RatingWindowDays), rules.RatingWindowDays),
            FollowUpWorkingDays = section.GetValue(nameof(FeedbackRules.FollowUpWorkingDays), rules.FollowUpWorkingDays),
            Reasons = section.GetSection(nameof(FeedbackRules.Reasons)).Get<string[]>() is { Length: > 0 } reasons ? reasons : rules.Reasons,
        };
        services.AddSingleton(new FeedbackDefaults(rules));
        services.AddScoped<FeedbackService>();
        services.AddScoped<ISatisfactionFigures, SatisfactionFigures>();
        services.AddScoped<IOutboxConsumer, CompletedServiceConsumer>();
        services.AddScoped<ISettingsSection, FeedbackSettingsSection>();
        services.AddScoped<IOrganizationPageSection, RatingPromptSection>();
        services.AddScoped<IRecipeStep, FeedbackRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
