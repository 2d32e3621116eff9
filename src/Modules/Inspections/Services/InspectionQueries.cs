using Microsoft.EntityFrameworkCore;
using Registry.Core.Files;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>A year's figures, counted from the reports themselves.</summary>
internal sealed class InspectionFiguresQuery(DbContext db) : IInspectionFigures
{
    public async Task<InspectionFigures?> ForYearAsync(int year, CancellationToken cancellationToken) =>
        (await ForYearsAsync(year, year, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<InspectionFigures>> ForYearsAsync(int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var campaigns = await db.Set<InspectionCampaign>().AsNoTracking().Where(c => c.Year >= firstYear && c.Year <= lastYear)
            .OrderBy(c => c.Year).Select(c => new { c.Id, c.Year, c.Mode }).ToListAsync(cancellationToken);
        if (campaigns.Count == 0)
        {
            return [];
        }

        var ids = campaigns.Select(c => c.Id).ToList();
        var rows = await db.Set<AnnualReport>().AsNoTracking().Where(r => ids.Contains(r.CampaignId))
            .GroupBy(r => new { r.CampaignId, r.State, r.Result, r.Rectification, r.SubmittedLate })
            .Select(g => new { g.Key.CampaignId, g.Key.State, g.Key.Result, g.Key.Rectification, g.Key.SubmittedLate, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. campaigns.Select(campaign =>
        {
            var ofCampaign = rows.Where(r => r.CampaignId == campaign.Id).ToList();
            int Count(Func<ReportState, InspectionResult?, RectificationState, bool, bool> predicate) =>
                ofCampaign.Where(r => predicate(r.State, r.Result, r.Rectification, r.SubmittedLate)).Sum(r => r.Count);
            return new InspectionFigures(
                campaign.Year,
                campaign.Mode.ToString(),
                Expected: Count((s, _, _, _) => s != ReportState.Exempt),
                Exempt: Count((s, _, _, _) => s == ReportState.Exempt),
                Submitted: Count((s, _, _, _) => s is ReportState.Submitted or ReportState.Concluded),
                Concluded: Count((s, _, _, _) => s == ReportState.Concluded),
                Qualified: Count((_, r, _, _) => r == InspectionResult.Qualified),
                BasicallyQualified: Count((_, r, _, _) => r == InspectionResult.BasicallyQualified),
                Unqualified: Count((_, r, _, _) => r == InspectionResult.Unqualified),
                NotSubmitted: Count((s, _, _, _) => s is ReportState.NotStarted or ReportState.Draft or ReportState.Returned),
                SubmittedLate: Count((_, _, _, late) => late),
                RectificationsRequired: Count((_, _, x, _) => x != RectificationState.None),
                RectificationsVerified: Count((_, _, x, _) => x == RectificationState.Verified));
        })];
    }

    public async Task<CreditListMovements> CreditListMovementsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var entries = db.Set<CreditListEntry>().AsNoTracking();
        var entered = await entries.Where(e => e.EnteredOn >= first && e.EnteredOn <= last).GroupBy(e => e.List).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var exited = await entries.Where(e => e.ExitedOn >= first && e.ExitedOn <= last).GroupBy(e => e.List).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var listed = await entries.Where(e => e.EnteredOn <= last && (e.ExitedOn == null || e.ExitedOn > last)).GroupBy(e => e.List)
            .Select(g => new { g.Key, Count = g.Select(e => e.OrganizationId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new CreditListMovements(
            entered.GetValueOrDefault(CreditList.Abnormal), entered.GetValueOrDefault(CreditList.Serious),
            exited.GetValueOrDefault(CreditList.Abnormal), exited.GetValueOrDefault(CreditList.Serious),
            listed.GetValueOrDefault(CreditList.Abnormal), listed.GetValueOrDefault(CreditList.Serious));
    }
}

/// <summary>Inspection history and credit-list record of an organization, for eligibility checks elsewhere.</summary>
internal sealed class OrganizationStandings(DbContext db) : IOrganizationStandings
{
    public async Task<OrganizationStanding> GetAsync(int organizationId, CancellationToken cancellationToken)
    {
        var reports = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.OrganizationId == organizationId)
            .OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
        var entries = await db.Set<CreditListEntry>().AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderByDescending(e => e.EnteredOn).ToListAsync(cancellationToken);
        return new OrganizationStanding(
            organizationId,
            entries.Any(e => e.IsCurrent && e.List == CreditList.Abnormal),
            entries.Any(e => e.IsCurrent && e.List == CreditList.Serious),
            [.. reports.Select(r => new InspectionRecord(r.Year, r.State.ToString(), r.Result?.ToString(), r.SubmittedLate))],
            [.. entries.Select(ToRecord)]);
    }

    internal static CreditListRecord ToRecord(CreditListEntry e) =>
        new(e.Id, e.List.ToString(), e.Cause.ToString(), e.CauseDetail, e.EnteredOn, e.EntryDecision, e.ExitedOn, e.ExitCause?.ToString(), e.ExitDecision);
}

/// <summary>The inspection history and credit-list record on an organization's public page.</summary>
public sealed record OrganizationInspectionsSection(IReadOnlyList<AnnualReport> Reports, IReadOnlyList<CreditListEntry> Entries);

internal sealed class InspectionsPageSection(DbContext db) : IOrganizationPageSection
{
    public int Order => 20;

    public string PartialPath => "/Areas/Inspections/Pages/Shared/_OrganizationInspections.cshtml";

    public async Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken)
    {
        // Public facts only: the year and the result once there is one, and every list entry with its cause.
        var reports = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && r.State != ReportState.Exempt)
            .OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
        var entries = await db.Set<CreditListEntry>().AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderByDescending(e => e.EnteredOn).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return new OrganizationInspectionsSection(reports, entries);
    }
}

/// <summary>Members of the organization may read its reports' attachments (officers read all files anyway).</summary>
internal sealed class ReportDocumentAccessRule(DbContext db, IOrganizationRegister register) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var organizationId = await db.Set<ReportDocument>().Where(d => d.FileId == file.Id)
            .Join(db.Set<AnnualReport>(), d => d.ReportId, r => r.Id, (_, r) => (int?)r.OrganizationId)
            .FirstOrDefaultAsync(cancellationToken);
        var userId = user.UserId();
        return organizationId is { } id && userId is not null && (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(id);
    }
}
