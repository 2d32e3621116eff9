using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Recipes;

/// <summary>
/// "rating-history": past rating campaigns taken over from the paper ledger, so that the figures count them:
/// <c>{ "name": "rating-history", "campaigns": [ { "year": 2026, "title": "…", "windowOpens": "2026-01-05",
/// "windowCloses": "2026-01-16", "announcedOn": "2026-02-27", "rules": "Measures2010", "applied": 164,
/// "awarded": { "4": 2, "3": 10, "2": 13, "1": 7 } } ] }</c>. Each campaign gets <c>applied</c> announced applications
/// from active organizations of a rated type (register order) that neither applied to it nor hold a grade on its
/// announcement day; the first ones are awarded the grades listed (highest first), valid by the campaign's rules from
/// the announcement, and the register's copy of the grade follows. Idempotent by year + title.
/// </summary>
internal sealed class RatingHistoryRecipeStep(DbContext db, IOrganizationRegister register, RubricStore rubrics, GradeService grades, TimeProvider clock) : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Name => "rating-history";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var rubricByType = (await rubrics.LatestAsync(cancellationToken)).ToDictionary(r => r.OrganizationType, r => r.Id);
        foreach (var item in context.Array("campaigns"))
        {
            var history = item.Deserialize<HistoryCampaign>(Json);
            if (history is null || string.IsNullOrWhiteSpace(history.Title) || history.WindowCloses < history.WindowOpens || history.AnnouncedOn < history.WindowCloses)
            {
                context.Error("a campaign needs a title, a window and an announcement after it");
                continue;
            }

            var awards = history.Awarded.OrderByDescending(a => a.Key).SelectMany(a => Enumerable.Repeat(a.Key, a.Value)).ToList();
            if (awards.Any(g => g is < 1 or > 5) || awards.Count > history.Applied)
            {
                context.Error($"{history.Title}: grades are 1–5 and no more can be awarded than applied");
                continue;
            }

            if (await db.Set<RatingCampaign>().AnyAsync(c => c.Year == history.Year && c.Title == history.Title, cancellationToken))
            {
                continue;
            }

            var applicants = await ApplicantsAsync(history.Applied, history.AnnouncedOn, rubricByType.Keys, cancellationToken);
            if (applicants.Count < history.Applied)
            {
                context.Error($"{history.Title}: only {applicants.Count} active organizations of a rated type can have applied, not {history.Applied}");
                continue;
            }

            await WriteAsync(history, applicants, awards, rubricByType, cancellationToken);
        }
    }

    /// <summary>Active organizations of a type with a rubric, in register order, without a grade on the day.</summary>
    private async Task<List<OrganizationListing>> ApplicantsAsync(int count, DateOnly announcedOn, IEnumerable<string> ratedTypes, CancellationToken cancellationToken)
    {
        var graded = (await db.Set<OrganizationGrade>().AsNoTracking().HeldOn(announcedOn).Select(g => g.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
        var types = ratedTypes.ToHashSet(StringComparer.Ordinal);
        var applicants = new List<OrganizationListing>();
        await foreach (var listing in register.ListingsAsync(null, cancellationToken))
        {
            if (listing.Status == OrganizationCodes.Active && types.Contains(listing.TypeCode) && !graded.Contains(listing.Id))
            {
                applicants.Add(listing);
                if (applicants.Count == count)
                {
                    break;
                }
            }
        }

        return applicants;
    }

    private async Task WriteAsync(HistoryCampaign history, List<OrganizationListing> applicants, List<int> awards, Dictionary<string, int> rubricByType, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var campaign = new RatingCampaign
        {
            Year = history.Year,
            Title = history.Title.Trim(),
            WindowOpens = history.WindowOpens,
            WindowCloses = history.WindowCloses,
            RuleSet = history.Rules,
            RubricsJson = JsonSerializer.Serialize(rubricByType),
            ScaleJson = JsonSerializer.Serialize(new GradeScale()),
            PublicityDays = 7,
            OpenedAt = now,
            OpenedBy = "recipe",
        };
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var submittedAt = ChinaTime.StartUtc(history.WindowOpens).AddHours(10);
        var applications = applicants.Select((o, i) => new RatingApplication
        {
            CampaignId = campaign.Id,
            OrganizationId = o.Id,
            OrganizationName = o.Name,
            OrganizationType = o.TypeCode,
            RubricId = rubricByType[o.TypeCode],
            State = RatingState.Announced,
            SubmittedAt = submittedAt,
            DecidedGrade = i < awards.Count ? awards[i] : 0,
            DecisionReason = "recipe",
            DecidedOn = history.AnnouncedOn,
            AnnouncedOn = history.AnnouncedOn,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.AddRange(applications);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var application in applications)
        {
            await grades.AwardAsync(application, history.Rules, history.AnnouncedOn, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await grades.SyncAsync([.. applications.Select(a => a.OrganizationId)], ChinaTime.Today(clock), cancellationToken);
    }

    private sealed record HistoryCampaign(
        int Year,
        string Title,
        DateOnly WindowOpens,
        DateOnly WindowCloses,
        DateOnly AnnouncedOn,
        int Applied,
        Dictionary<int, int> Awarded,
        RuleSet Rules = RuleSet.Measures2010);
}
