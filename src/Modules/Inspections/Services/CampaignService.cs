using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>
/// What an officer decides when opening a year's campaign: a deadline, and deadlines of particular types
/// (<paramref name="TypeDeadlines"/>, over the configured defaults: a foundation by 31 March, 基金会管理条例 第三十六条).
/// </summary>
public sealed record CampaignRequest(int Year, CampaignMode Mode, DateOnly Deadline, IReadOnlyList<string> Types, int? SimplifiedFromGrade, int AdminCostWarningPercent, IReadOnlyDictionary<string, DateOnly>? TypeDeadlines = null);

/// <summary>
/// Default deadlines of a campaign by organization type, as month-day of the year after the reported one
/// (<c>Registry:Inspections:Deadlines</c>): foundations by 03-31 (基金会管理条例 第三十六条), the others by 05-31.
/// </summary>
public sealed class CampaignDeadlineDefaults
{
    /// <summary>Month-day ("MM-dd") by type code; types not named use <see cref="InspectionCampaign.DefaultDeadline"/>.</summary>
    public Dictionary<string, string> ByType { get; set; } = new() { [OrganizationCodes.Foundation] = "03-31" };

    /// <summary>The default deadlines of <paramref name="year"/>'s campaign for the given types.</summary>
    public IReadOnlyDictionary<string, DateOnly> For(int year, IEnumerable<string> types) =>
        types.Where(ByType.ContainsKey).Distinct().ToDictionary(t => t, t => DateOnly.ParseExact($"{year + 1}-{ByType[t]}", "yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>Opens a year's campaign: one report row per organization expected to file (or exempt), and tells them.</summary>
public sealed class CampaignService(
    DbContext db,
    IOrganizationRegister register,
    IEnumerable<ICurrentGrades> gradeProviders,
    IOrganizationNotifier notifier,
    CampaignDeadlineDefaults deadlineDefaults,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const int DefaultAdminCostWarningPercent = 20;

    public Task<List<InspectionCampaign>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<InspectionCampaign>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(cancellationToken);

    public Task<InspectionCampaign?> FindAsync(int year, CancellationToken cancellationToken) =>
        db.Set<InspectionCampaign>().SingleOrDefaultAsync(c => c.Year == year, cancellationToken);

    public static IReadOnlyList<FormError> Validate(CampaignRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FormError>();
        if (request.Year < 2000 || request.Year > today.Year)
        {
            errors.Add(new FormError("Year", "Insp.Error.CampaignYear", today.Year));
        }
        else
        {
            if (request.Deadline <= new DateOnly(request.Year, 12, 31))
            {
                errors.Add(new FormError("Deadline", "Insp.Error.DeadlineInYear", request.Year));
            }

            foreach (var (type, deadline) in request.TypeDeadlines ?? new Dictionary<string, DateOnly>())
            {
                if (deadline <= new DateOnly(request.Year, 12, 31))
                {
                    errors.Add(new FormError("Deadline" + type, "Insp.Error.DeadlineInYear", request.Year));
                }
            }
        }

        if (request.Types.Count == 0 || request.Types.Any(t => !OrganizationCodes.Types.Contains(t)))
        {
            errors.Add(new FormError("Types", "Insp.Error.NoTypes"));
        }

        if (request.SimplifiedFromGrade is < 1 or > 5)
        {
            errors.Add(new FormError("SimplifiedFromGrade", "Validation.Range", "Insp.Field.SimplifiedFromGrade", 1, 5));
        }

        if (request.AdminCostWarningPercent is < 1 or > 100)
        {
            errors.Add(new FormError("AdminCostWarningPercent", "Validation.Range", "Insp.Field.AdminCostWarningPercent", 1, 100));
        }

        return errors;
    }

    public async Task<(OperationResult Result, InspectionCampaign? Campaign)> OpenAsync(CampaignRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = Validate(request, ChinaTime.Today(clock));
        if (errors.Count > 0)
        {
            return (new OperationResult(errors), null);
        }

        if (await db.Set<InspectionCampaign>().AnyAsync(c => c.Year == request.Year, cancellationToken))
        {
            return (OperationResult.Fail("Year", "Insp.Error.CampaignExists", request.Year), null);
        }

        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        var typeDeadlines = deadlineDefaults.For(request.Year, request.Types).Concat(request.TypeDeadlines ?? new Dictionary<string, DateOnly>())
            .GroupBy(d => d.Key, d => d.Value).Where(g => request.Types.Contains(g.Key) && g.Last() != request.Deadline)
            .ToDictionary(g => g.Key, g => g.Last());
        var campaign = new InspectionCampaign
        {
            Year = request.Year,
            Mode = request.Mode,
            Deadline = request.Deadline,
            TypeDeadlines = typeDeadlines,
            OrganizationTypes = string.Join(',', request.Types.Distinct()),
            SimplifiedFromGrade = request.SimplifiedFromGrade,
            AdminCostWarningPercent = request.AdminCostWarningPercent,
            OpenedAt = now,
            OpenedBy = actor.Name,
        };
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var types = request.Types.ToHashSet();
        var yearEnd = new DateOnly(request.Year, 12, 31);
        var participants = new List<OrganizationListing>();
        await foreach (var listing in register.ListingsAsync(null, cancellationToken))
        {
            if (types.Contains(listing.TypeCode) && listing.Status == OrganizationCodes.Active && listing.FoundedOn <= yearEnd)
            {
                participants.Add(listing);
            }
        }

        var grades = await GradesAsync([.. participants.Select(p => p.Id)], yearEnd, cancellationToken);
        foreach (var listing in participants)
        {
            var exempt = InspectionCampaign.IsExempt(request.Year, listing.FoundedOn);
            db.Add(new AnnualReport
            {
                CampaignId = campaign.Id,
                Year = request.Year,
                OrganizationId = listing.Id,
                OrganizationName = listing.Name,
                TypeCode = listing.TypeCode,
                Street = listing.Street,
                State = exempt ? ReportState.Exempt : ReportState.NotStarted,
                Simplified = request.SimplifiedFromGrade is { } from && grades.TryGetValue(listing.Id, out var grade) && grade >= from,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        audit.Record("inspections.campaign-opened", nameof(InspectionCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture),
            $"{request.Year} {request.Mode}, deadline {request.Deadline:yyyy-MM-dd}{string.Concat(typeDeadlines.Select(d => $", {d.Key} {d.Value:yyyy-MM-dd}"))}, {participants.Count} organizations");
        await db.SaveChangesAsync(cancellationToken);

        foreach (var listing in participants.Where(p => !InspectionCampaign.IsExempt(request.Year, p.FoundedOn)))
        {
            var values = new Dictionary<string, string>
            {
                ["organization"] = listing.Name,
                ["year"] = request.Year.ToString(CultureInfo.InvariantCulture),
                ["deadline"] = campaign.DeadlineFor(listing.TypeCode).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            await notifier.NotifyAsync(listing.Id, "Insp.CampaignOpened", values, InspectionLinks.Mine, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        return (OperationResult.Ok, campaign);
    }

    /// <summary>
    /// Changes the deadline of one type (<paramref name="typeCode"/>), or the campaign's (null: every type without its own),
    /// e.g. extended for everyone; reports already submitted keep their late flag as it was.
    /// </summary>
    public async Task<OperationResult> ChangeDeadlineAsync(InspectionCampaign campaign, DateOnly deadline, long expectedVersion, CancellationToken cancellationToken, string? typeCode = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (deadline <= new DateOnly(campaign.Year, 12, 31))
        {
            return OperationResult.Fail("Deadline", "Insp.Error.DeadlineInYear", campaign.Year);
        }

        if (campaign.LateListedAt is not null)
        {
            return OperationResult.Fail("Deadline", "Insp.Error.LateAlreadyListed");
        }

        if (typeCode is not null && !campaign.Types.Contains(typeCode))
        {
            return OperationResult.Fail("DeadlineType", "Insp.Error.NoTypes");
        }

        db.ExpectVersion(campaign, expectedVersion);
        var before = typeCode is null ? campaign.Deadline : campaign.DeadlineFor(typeCode);
        if (typeCode is null)
        {
            campaign.Deadline = deadline;
        }
        else
        {
            campaign.TypeDeadlines = new Dictionary<string, DateOnly>(campaign.TypeDeadlines) { [typeCode] = deadline };
        }

        audit.Record("inspections.deadline-changed", nameof(InspectionCampaign), campaign.Id.ToString(CultureInfo.InvariantCulture), $"{typeCode ?? "*"}: {before:yyyy-MM-dd} → {deadline:yyyy-MM-dd}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<int, int>> GradesAsync(IReadOnlyCollection<int> ids, DateOnly asOf, CancellationToken cancellationToken) =>
        gradeProviders.FirstOrDefault() is { } provider ? await provider.GradesAsync(ids, asOf, cancellationToken) : new Dictionary<int, int>();
}
