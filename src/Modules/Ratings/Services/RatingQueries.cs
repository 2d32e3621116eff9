using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Files;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

internal sealed class OrganizationGrades(DbContext db) : IOrganizationGrades, ICurrentGrades
{
    public async Task<GradeRecord?> CurrentAsync(int organizationId, DateOnly day, CancellationToken cancellationToken) =>
        await Records(Valid(day).Where(g => g.OrganizationId == organizationId), cancellationToken) is [var current, ..] ? current : null;

    public Task<IReadOnlyList<GradeRecord>> HistoryAsync(int organizationId, CancellationToken cancellationToken) =>
        Records(db.Set<OrganizationGrade>().Where(g => g.OrganizationId == organizationId), cancellationToken);

    public async Task<IReadOnlyList<GradedOrganization>> AtLeastAsync(int minimumGrade, DateOnly day, CancellationToken cancellationToken) =>
        await Valid(day).Where(g => g.Grade >= minimumGrade).OrderByDescending(g => g.Grade).ThenBy(g => g.OrganizationName)
            .Select(g => new GradedOrganization(g.OrganizationId, g.OrganizationName, g.Grade, g.ValidUntil)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<int, int>> DistributionAsync(DateOnly day, CancellationToken cancellationToken) =>
        await Valid(day).GroupBy(g => g.Grade).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<IReadOnlyDictionary<int, int>> GradesAsync(IReadOnlyCollection<int> organizationIds, DateOnly asOf, CancellationToken cancellationToken) =>
        await Valid(asOf).Where(g => organizationIds.Contains(g.OrganizationId)).GroupBy(g => g.OrganizationId)
            .Select(g => new { g.Key, Grade = g.Max(x => x.Grade) }).ToDictionaryAsync(g => g.Key, g => g.Grade, cancellationToken);

    public async Task<(int Applied, IReadOnlyDictionary<int, int> Awarded)> AwardedAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var awarded = await db.Set<OrganizationGrade>().AsNoTracking().AwardedBetween(first, last)
            .GroupBy(g => g.Grade).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var applied = await db.Set<RatingApplication>().AsNoTracking().AppliedBetween(db.Set<RatingCampaign>(), first, last).CountAsync(cancellationToken);
        return (applied, awarded);
    }

    private IQueryable<OrganizationGrade> Valid(DateOnly on) =>
        db.Set<OrganizationGrade>().AsNoTracking().HeldOn(on);

    private async Task<IReadOnlyList<GradeRecord>> Records(IQueryable<OrganizationGrade> grades, CancellationToken cancellationToken)
    {
        var rows = await grades.AsNoTracking().OrderByDescending(g => g.ValidFrom).ThenByDescending(g => g.Id).ToListAsync(cancellationToken);
        var campaignIds = rows.Where(r => r.CampaignId is not null).Select(r => r.CampaignId!.Value).Distinct().ToList();
        var years = await db.Set<RatingCampaign>().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Year, cancellationToken);
        return [.. rows.Select(g => new GradeRecord(g.Grade, g.AwardedOn, g.ValidFrom, g.ValidUntil, g.EndedOn, g.EndReason, g.CampaignId is { } id ? years.GetValueOrDefault(id) : null))];
    }
}

/// <summary>The grade history on an organization's public page.</summary>
public sealed record OrganizationGradesSection(IReadOnlyList<GradeRecord> Grades, DateOnly Today);

internal sealed class RatingsPageSection(IOrganizationGrades grades, TimeProvider clock) : IOrganizationPageSection
{
    public int Order => 10;

    public string PartialPath => "/Areas/Ratings/Pages/Shared/_OrganizationGrades.cshtml";

    public async Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken) =>
        new OrganizationGradesSection(await grades.HistoryAsync(organizationId, cancellationToken), Core.Localization.ChinaTime.Today(clock));
}

/// <summary>A campaign's results: applied, and grades awarded (e.g. "评出4A社会组织2家，3A社会组织10家").</summary>
public sealed record CampaignResults(int Applied, int Announced, IReadOnlyDictionary<int, int> ByGrade);

public sealed class RatingFigures(DbContext db)
{
    public async Task<CampaignResults> ForCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<RatingApplication>().AsNoTracking().Where(a => a.CampaignId == campaignId && a.State != RatingState.Draft)
            .GroupBy(a => new { a.State, a.DecidedGrade }).Select(g => new { g.Key.State, g.Key.DecidedGrade, Count = g.Count() }).ToListAsync(cancellationToken);
        var announced = rows.Where(r => r.State == RatingState.Announced).ToList();
        return new CampaignResults(
            rows.Sum(r => r.Count),
            announced.Sum(r => r.Count),
            announced.Where(r => r.DecidedGrade > 0).GroupBy(r => r.DecidedGrade!.Value).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)));
    }

    /// <summary>"164家社会组织申报评估，评出4A社会组织2家，3A社会组织10家。" in the reader's language.</summary>
    public static string Line(CampaignResults results, Func<string, object[], string> text)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(text);
        var grades = string.Join(text("Rate.Figures.Separator", []), results.ByGrade.OrderByDescending(g => g.Key).Select(g => text("Rate.Figures.Grade", [g.Key, g.Value])));
        return text(grades.Length == 0 ? "Rate.Figures.LineNone" : "Rate.Figures.Line", [results.Applied, grades]);
    }
}

/// <summary>Evidence files: the organization's members, and experts on the panel who declared no conflict.</summary>
internal sealed class EvidenceAccessRule(DbContext db, IOrganizationRegister register) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var application = await db.Set<RatingEvidence>().Where(e => e.FileId == file.Id)
            .Join(db.Set<RatingApplication>(), e => e.ApplicationId, a => a.Id, (_, a) => new { a.Id, a.OrganizationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null || user.UserId() is not { } userId)
        {
            return false;
        }

        return (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(application.OrganizationId)
            || await db.Set<PanelMember>().AnyAsync(p => p.ApplicationId == application.Id && p.ReviewerUserId == userId && p.DeclaredAt != null && !p.Recused, cancellationToken);
    }
}
