using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Feedback.Domain;
using Registry.Feedback.Services;
using Registry.Organizations.Contracts;

namespace Registry.Feedback.Recipes;

/// <summary>
/// "feedback": completed services and their ratings given on paper or in an earlier system, so the statistics start filled.
/// Each item of "services" has "key" (unique), "kind" (ServiceKind), "creditCode" and/or "applicant" (email), "subject",
/// "completedOn" (yyyy-MM-dd) or "daysAgo", and optionally "rating": "level" (SatisfactionLevel), "reasons" (from the
/// configured list), "comment", "ratedOn", "by" (email of a member or the applicant), and for a 差评 "answer" (the officer's
/// answer) and "closed". Idempotent: a key already recorded is skipped whole.
/// </summary>
internal sealed class FeedbackRecipeStep(DbContext db, FeedbackService feedback, IOrganizationRegister register, UserManager<RegistryUser> users, TimeProvider clock) : IRecipeStep
{
    public string Name => "feedback";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rules = await feedback.RulesAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        foreach (var item in context.Array("services"))
        {
            var key = context.RequiredString(item, "key");
            if (key is null || await db.Set<CompletedService>().AnyAsync(s => s.SourceKey == "recipe/" + key, cancellationToken))
            {
                continue;
            }

            if (!Enum.TryParse<ServiceKind>(String(item, "kind"), out var kind) || !Enum.IsDefined(kind))
            {
                context.Error($"service {key}: unknown kind '{String(item, "kind")}'");
                continue;
            }

            int? organizationId = null;
            if (String(item, "creditCode") is { } code)
            {
                organizationId = (await register.FindByCodesAsync([code], cancellationToken)) is [var found, ..] ? found.Id : null;
                if (organizationId is null)
                {
                    context.Error($"service {key}: no organization {code}");
                    continue;
                }
            }

            var applicant = String(item, "applicant") is { } email ? (await users.FindByEmailAsync(email))?.Id : null;
            if (String(item, "applicant") is not null && applicant is null)
            {
                context.Error($"service {key}: no account {String(item, "applicant")}");
                continue;
            }

            DateOnly? completedOn = Day(item, "completedOn") ?? (item.TryGetProperty("daysAgo", out var ago) && ago.TryGetInt32(out var days) && days >= 0 ? today.AddDays(-days) : null);
            if (completedOn is null || (organizationId is null && applicant is null))
            {
                context.Error($"service {key}: 'completedOn' (or 'daysAgo') and 'creditCode' or 'applicant' are required");
                continue;
            }

            var service = await feedback.RecordAsync(new CompletedServiceInput("recipe/" + key, kind, organizationId, applicant, String(item, "subject") ?? "", completedOn.Value), notify: false, cancellationToken);
            if (service is not null && item.TryGetProperty("rating", out var rating) && rating.ValueKind == JsonValueKind.Object)
            {
                await RateAsync(context, key, service, rating, rules, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RateAsync(RecipeStepContext context, string key, CompletedService service, JsonElement rating, FeedbackRules rules, CancellationToken cancellationToken)
    {
        var by = String(rating, "by") is { } email ? await users.FindByEmailAsync(email) : null;
        if (by is null || !(await feedback.RatersAsync(service, cancellationToken)).Contains(by.Id))
        {
            context.Error($"service {key}: 'by' must name a member of the organization or the applicant");
            return;
        }

        if (!Enum.TryParse<SatisfactionLevel>(String(rating, "level"), out var level) || !Enum.IsDefined(level))
        {
            context.Error($"service {key}: unknown level '{String(rating, "level")}'");
            return;
        }

        var reasons = rating.TryGetProperty("reasons", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(r => r.GetString() ?? "").ToList() : [];
        if (reasons.Any(r => !rules.Reasons.Contains(r, StringComparer.Ordinal)))
        {
            context.Error($"service {key}: reasons must come from the configured list ({string.Join("、", rules.Reasons)})");
            return;
        }

        var ratedOn = Day(rating, "ratedOn") ?? service.CompletedOn;
        var entity = new ServiceRating
        {
            Kind = service.Kind,
            Level = level,
            Reasons = string.Join('\n', reasons),
            Comment = String(rating, "comment") is { } comment && comment.Length <= ServiceRating.MaxComment ? comment : null,
            RatedByUserId = by.Id,
            RatedAt = ChinaTime.StartUtc(ratedOn),
            RatedOn = ratedOn,
        };
        if (FeedbackCalculations.IsBad(level))
        {
            entity.FollowUp = FollowUpState.Open;
            entity.FollowUpStartedOn = ratedOn;
            entity.FollowUpWorkingDays = rules.FollowUpWorkingDays;
            if (String(rating, "answer") is { } answer)
            {
                entity.FollowUp = FollowUpWorkflow.Next(entity.FollowUp.Value, FollowUpTrigger.Answer);
                entity.Answer = answer;
                entity.AnsweredBy = "recipe";
                entity.AnsweredAt = ChinaTime.StartUtc(ratedOn.AddDays(3));
                if (rating.TryGetProperty("closed", out var closed) && closed.ValueKind == JsonValueKind.True)
                {
                    entity.FollowUp = FollowUpWorkflow.Next(entity.FollowUp!.Value, FollowUpTrigger.Close);
                    entity.ClosedAt = entity.AnsweredAt;
                }
            }
        }

        service.Rating = entity;
    }

    private static DateOnly? Day(JsonElement item, string property) =>
        DateOnly.TryParseExact(String(item, property), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? String(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
