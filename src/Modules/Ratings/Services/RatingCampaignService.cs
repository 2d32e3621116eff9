using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>What an officer decides when opening a rating campaign.</summary>
public sealed record RatingCampaignRequest(int Year, string Title, DateOnly WindowOpens, DateOnly WindowCloses, RuleSet RuleSet, GradeScale Scale, int PublicityDays, EligibilityPolicy? Policy = null);

/// <summary>Opens rating campaigns with the latest rubric of every organization type fixed for the campaign's life.</summary>
public sealed class RatingCampaignService(DbContext db, RubricStore rubrics, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
{
    public const int DefaultPublicityDays = 7;

    public Task<List<RatingCampaign>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<RatingCampaign>().AsNoTracking().OrderByDescending(c => c.WindowOpens).ToListAsync(cancellationToken);

    public Task<RatingCampaign?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<RatingCampaign>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<(OperationResult Result, RatingCampaign? Campaign)> OpenAsync(RatingCampaignRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add(new FormError("Title", "Validation.Required", "Rate.Field.Title"));
        }

        if (request.WindowCloses < request.WindowOpens)
        {
            errors.Add(new FormError("WindowCloses", "Rate.Error.Window"));
        }

        if (!request.Scale.IsOrdered)
        {
            errors.Add(new FormError("Scale", "Rate.Error.Scale"));
        }

        if (request.PublicityDays is < 1 or > 60)
        {
            errors.Add(new FormError("PublicityDays", "Validation.Range", "Rate.Field.PublicityDays", 1, 60));
        }

        var policy = request.Policy ?? EligibilityPolicy.Default;
        if (policy.YearsRegistered is < 0 or > 10)
        {
            errors.Add(new FormError("YearsRegistered", "Validation.Range", "Rate.Field.YearsRegistered", 0, 10));
        }

        if (policy.ReratingAfterYears is < 1 or > 5)
        {
            errors.Add(new FormError("ReratingAfterYears", "Validation.Range", "Rate.Field.ReratingAfterYears", 1, 5));
        }

        var latest = await rubrics.LatestAsync(cancellationToken);
        if (latest.Count == 0)
        {
            errors.Add(new FormError("", "Rate.Error.NoRubrics"));
        }

        if (errors.Count > 0)
        {
            return (new OperationResult(errors), null);
        }

        var campaign = new RatingCampaign
        {
            Year = request.Year,
            Title = request.Title.Trim(),
            WindowOpens = request.WindowOpens,
            WindowCloses = request.WindowCloses,
            RuleSet = request.RuleSet,
            RubricsJson = JsonSerializer.Serialize(latest.ToDictionary(r => r.OrganizationType, r => r.Id)),
            ScaleJson = JsonSerializer.Serialize(request.Scale),
            PublicityDays = request.PublicityDays,
            YearsRegistered = policy.YearsRegistered,
            ReratingAfterYears = policy.ReratingAfterYears,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
            OpenedBy = actor.Name,
        };
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("ratings.campaign-opened", nameof(RatingCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture),
            $"{campaign.Title} ({campaign.RuleSet}) {campaign.WindowOpens:yyyy-MM-dd}–{campaign.WindowCloses:yyyy-MM-dd}, registered {policy.YearsRegistered} y, re-rating after {policy.ReratingAfterYears} y");
        await db.SaveChangesAsync(cancellationToken);
        return (OperationResult.Ok, campaign);
    }
}
