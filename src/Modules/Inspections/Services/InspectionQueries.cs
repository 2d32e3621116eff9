using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Registry.Core.Files;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>
/// A year's figures: added up from the campaigns' tallies (<see cref="ReportTally"/>, a few rows per campaign, kept with
/// every save of a report), or counted from the reports themselves (<see cref="RecountAsync"/>: the tallies' rebuild and
/// their check). Both go through the same predicates, so they state the same figures.
/// </summary>
internal sealed class InspectionFiguresQuery(DbContext db) : IInspectionFigures
{
    public async Task<InspectionFigures?> ForYearAsync(int year, CancellationToken cancellationToken) =>
        (await ForYearsAsync(year, year, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<InspectionFigures>> ForYearsAsync(int firstYear, int lastYear, CancellationToken cancellationToken) =>
        FiguresAsync(firstYear, lastYear, async ids => [.. (await db.Set<ReportTally>().AsNoTracking().Where(t => ids.Contains(t.CampaignId) && t.Reports != 0)
            .ToListAsync(cancellationToken)).Select(t => new ReportCount(t.CampaignId, t.State, t.ResultValue, t.Rectification, t.SubmittedLate, t.Reports))], cancellationToken);

    /// <summary>The same figures counted from the reports (one grouped query over the campaigns' reports).</summary>
    public Task<IReadOnlyList<InspectionFigures>> RecountAsync(int firstYear, int lastYear, CancellationToken cancellationToken) =>
        FiguresAsync(firstYear, lastYear, ids => CountAsync(db.Set<AnnualReport>().AsNoTracking().Where(r => ids.Contains(r.CampaignId)), cancellationToken), cancellationToken);

    /// <summary>The reports counted per campaign and tally key.</summary>
    internal static async Task<List<ReportCount>> CountAsync(IQueryable<AnnualReport> reports, CancellationToken cancellationToken) =>
        [.. (await reports
            .GroupBy(r => new { r.CampaignId, r.State, r.Result, r.Rectification, r.SubmittedLate })
            .Select(g => new { g.Key.CampaignId, g.Key.State, g.Key.Result, g.Key.Rectification, g.Key.SubmittedLate, Count = g.Count() })
            .ToListAsync(cancellationToken)).Select(r => new ReportCount(r.CampaignId, r.State, r.Result, r.Rectification, r.SubmittedLate, r.Count))];

    private async Task<IReadOnlyList<InspectionFigures>> FiguresAsync(int firstYear, int lastYear, Func<List<int>, Task<List<ReportCount>>> count, CancellationToken cancellationToken)
    {
        var campaigns = await db.Set<InspectionCampaign>().AsNoTracking().Where(c => c.Year >= firstYear && c.Year <= lastYear)
            .OrderBy(c => c.Year).Select(c => new { c.Id, c.Year, c.Mode }).ToListAsync(cancellationToken);
        if (campaigns.Count == 0)
        {
            return [];
        }

        var rows = await count([.. campaigns.Select(c => c.Id)]);
        return [.. campaigns.Select(campaign =>
        {
            // Each counted group stands for its reports as one report with the group's key, so the shared predicates apply.
            var ofCampaign = rows.Where(r => r.CampaignId == campaign.Id)
                .Select(r => (Report: new AnnualReport { State = r.State, Result = r.Result, Rectification = r.Rectification, SubmittedLate = r.SubmittedLate }, r.Count))
                .ToList();
            int Count(ReportGroup group) => ofCampaign.Where(r => ReportGroups.Contains(group, r.Report)).Sum(r => r.Count);
            int WithResult(InspectionResult result) => ofCampaign.Where(r => r.Report.Result == result).Sum(r => r.Count);
            return new InspectionFigures(
                campaign.Year,
                campaign.Mode.ToString(),
                Expected: Count(ReportGroup.Expected),
                Exempt: Count(ReportGroup.Exempt),
                Submitted: Count(ReportGroup.Submitted),
                Concluded: Count(ReportGroup.Concluded),
                Qualified: WithResult(InspectionResult.Qualified),
                BasicallyQualified: WithResult(InspectionResult.BasicallyQualified),
                Unqualified: WithResult(InspectionResult.Unqualified),
                NotSubmitted: Count(ReportGroup.NotSubmitted),
                SubmittedLate: Count(ReportGroup.SubmittedLate),
                RectificationsRequired: Count(ReportGroup.RectificationsRequired),
                RectificationsVerified: Count(ReportGroup.RectificationsVerified));
        })];
    }

    /// <summary>How many reports of a campaign share one tally key.</summary>
    internal sealed record ReportCount(int CampaignId, ReportState State, InspectionResult? Result, RectificationState Rectification, bool SubmittedLate, int Count);

    public async Task<CreditListMovements> CreditListMovementsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        // The same queries as the officers' list filter, so each figure links to exactly its entries.
        var entries = db.Set<CreditListEntry>().AsNoTracking();
        Task<Dictionary<CreditList, int>> ByList(IQueryable<CreditListEntry> selected) =>
            selected.GroupBy(e => e.List).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var entered = await ByList(CreditListFilter.Entered(entries, first, last));
        var exited = await ByList(CreditListFilter.Exited(entries, first, last));
        var listed = await ByList(CreditListFilter.ListedOn(entries, last));
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
        return Standing(organizationId, reports, entries);
    }

    public async Task<IReadOnlyDictionary<int, OrganizationStanding>> GetManyAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var ids = organizationIds.Distinct().ToList();
        var reports = (await db.Set<AnnualReport>().AsNoTracking().Where(r => ids.Contains(r.OrganizationId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.OrganizationId);
        var entries = (await db.Set<CreditListEntry>().AsNoTracking().Where(e => ids.Contains(e.OrganizationId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.OrganizationId);
        return ids.ToDictionary(id => id, id => Standing(id, [.. reports[id].OrderByDescending(r => r.Year)], [.. entries[id].OrderByDescending(e => e.EnteredOn)]));
    }

    private static OrganizationStanding Standing(int organizationId, List<AnnualReport> reports, List<CreditListEntry> entries) =>
        new(
            organizationId,
            entries.Any(e => e.IsCurrent && e.List == CreditList.Abnormal),
            entries.Any(e => e.IsCurrent && e.List == CreditList.Serious),
            [.. reports.Select(r => new InspectionRecord(r.Year, r.State.ToString(), r.Result?.ToString(), r.SubmittedLate))],
            [.. entries.Select(ToRecord)]);

    internal static CreditListRecord ToRecord(CreditListEntry e) =>
        new(e.Id, e.List.ToString(), e.Cause.ToString(), e.CauseDetail, e.EnteredOn, e.EntryDecision, e.ExitedOn, e.ExitCause?.ToString(), e.ExitDecision);
}

/// <summary>
/// The inspection history and credit-list record on an organization's public page, with each report's deadline (for its
/// organization type) so a report not yet filed reads "not yet due" until its deadline has passed.
/// </summary>
public sealed record OrganizationInspectionsSection(IReadOnlyList<AnnualReport> Reports, IReadOnlyList<CreditListEntry> Entries, IReadOnlyDictionary<int, DateOnly> Deadlines, DateOnly Today)
{
    /// <summary>The report's deadline (its type's in its campaign).</summary>
    public DateOnly DeadlineOf(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Deadlines[report.Id];
    }

    /// <summary>The report is not filed and its deadline has passed: only then is it 未报送.</summary>
    public bool IsMissing(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.State is ReportState.NotStarted or ReportState.Draft or ReportState.Returned && Today > DeadlineOf(report);
    }
}

internal sealed class InspectionsPageSection(DbContext db, TimeProvider clock) : IOrganizationPageSection
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
        var campaignIds = reports.Select(r => r.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<InspectionCampaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return new OrganizationInspectionsSection(reports, entries, reports.ToDictionary(r => r.Id, r => campaigns[r.CampaignId].DeadlineFor(r.TypeCode)), ChinaTime.Today(clock));
    }
}

/// <summary>Members of the organization may read its reports' attachments (officers read all files anyway).</summary>
internal sealed class ReportDocumentAccessRule(DbContext db, IOrganizationRegister register, ISupervisingUnits units) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var report = await db.Set<ReportDocument>().Where(d => d.FileId == file.Id)
            .Join(db.Set<AnnualReport>(), d => d.ReportId, r => r.Id, (_, r) => new { r.OrganizationId, r.UnitId })
            .FirstOrDefaultAsync(cancellationToken);
        var userId = user.UserId();
        if (report is null || userId is null)
        {
            return false;
        }

        // The supervising unit the report was filed to reads its documents for the 初审.
        return (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(report.OrganizationId)
            || (report.UnitId is { } unitId && user.HasPermission(InspectionsPermissions.UnitReview) && (await units.OfUserAsync(userId, cancellationToken))?.Id == unitId);
    }
}

/// <summary>One year of an organization's public finances; null figures for a year without an accepted report.</summary>
public sealed record FinanceYear(int Year, long? IncomeFen, long? ExpenditureFen, long? NetAssetsFen);

/// <summary>The five-year finance table of an organization's public page (<see cref="Years"/> oldest first).</summary>
public sealed record OrganizationFinancesSection(IReadOnlyList<FinanceYear> Years)
{
    /// <summary>The largest magnitude shown, for scaling the chart's bars (at least 1 fen, so nothing divides by zero).</summary>
    public long Scale => Math.Max(1, Years.SelectMany(y => new[] { y.IncomeFen, y.ExpenditureFen, y.NetAssetsFen }).Select(f => Math.Abs(f ?? 0)).DefaultIfEmpty(0).Max());
}

/// <summary>
/// Income, expenditure and net assets over the five years up to the latest accepted (concluded) annual report, as the
/// public page shows them (基金会管理条例 and 基金会信息公布办法 make a foundation's finances public; the bureau shows every
/// organization's alike). A year without an accepted report stays in the table as a gap rather than closing it up.
/// </summary>
internal sealed class FinancesPageSection(DbContext db) : IOrganizationPageSection
{
    public const int YearsShown = 5;

    public int Order => 21;

    public string PartialPath => "/Areas/Inspections/Pages/Shared/_OrganizationFinances.cshtml";

    public async Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken)
    {
        var accepted = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && r.State == ReportState.Concluded)
            .OrderByDescending(r => r.Year).Take(YearsShown).ToListAsync(cancellationToken);
        if (accepted.Count == 0)
        {
            return null;
        }

        var last = accepted[0].Year;
        var byYear = accepted.ToDictionary(r => r.Year);
        return new OrganizationFinancesSection([.. Enumerable.Range(last - YearsShown + 1, YearsShown).Select(year => byYear.TryGetValue(year, out var r)
            ? new FinanceYear(year, r.Content.IncomeFen, r.Content.ExpenditureFen, r.Content.NetAssetsEndFen)
            : new FinanceYear(year, null, null, null))]);
    }
}

internal sealed class PublicFinancesQuery(DbContext db) : IPublicFinances
{
    public async Task<IReadOnlyDictionary<int, PublicFinances>> LatestAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.State == ReportState.Concluded)
            .Select(r => new { r.OrganizationId, r.Year, r.Content })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.OrganizationId)
            .Select(g => g.MaxBy(r => r.Year)!)
            .ToDictionary(r => r.OrganizationId, r => new PublicFinances(r.Year, r.Content.IncomeFen, r.Content.ExpenditureFen, r.Content.NetAssetsEndFen));
    }
}

/// <summary>
/// The sector statistics: read from the year's tallies (<see cref="SectorTally"/>), or summed from the accepted reports
/// of a year per type and street by the database in one pass (<see cref="RecomputeAsync"/>), the party-coverage counts
/// with them (the same predicates the list of reports filters by, inlined into the query).
/// </summary>
internal sealed class SectorFiguresQuery(DbContext db) : ISectorFigures
{
    /// <summary>
    /// A group's sums and counts. <see cref="InGroup"/> stands for <see cref="PartyCoverage.Predicate"/> and is replaced
    /// by it before EF sees the query (<see cref="PartyPredicates"/>), so each count is a CASE in the one grouped query
    /// rather than a query (a pass over the year's reports) of its own.
    /// </summary>
    private static readonly Expression<Func<IGrouping<SectorKey, AnnualReport>, SectorSums>> Sums = PartyPredicates.Inline<Func<IGrouping<SectorKey, AnnualReport>, SectorSums>>(g => new SectorSums
    {
        TypeCode = g.Key.TypeCode,
        Street = g.Key.Street,
        Reports = g.Count(),
        FullTimeStaff = g.Sum(r => (long)r.Content.FullTimeStaff),
        PartTimeStaff = g.Sum(r => (long)r.Content.PartTimeStaff),
        Volunteers = g.Sum(r => (long)r.Content.Volunteers),
        IndividualMembers = g.Sum(r => (long)r.Content.IndividualMembers),
        UnitMembers = g.Sum(r => (long)r.Content.UnitMembers),
        IncomeGovernmentFen = g.Sum(r => r.Content.IncomeGovernmentFen),
        IncomeDonationsFen = g.Sum(r => r.Content.IncomeDonationsFen),
        IncomeServicesFen = g.Sum(r => r.Content.IncomeServicesFen),
        IncomeMembershipFen = g.Sum(r => r.Content.IncomeMembershipFen),
        IncomeOtherFen = g.Sum(r => r.Content.IncomeOtherFen),
        ExpenseProgrammeFen = g.Sum(r => r.Content.ExpenseProgrammeFen),
        ExpenseStaffFen = g.Sum(r => r.Content.ExpenseStaffFen),
        ExpenseAdministrativeFen = g.Sum(r => r.Content.ExpenseAdministrativeFen),
        ExpenseOtherFen = g.Sum(r => r.Content.ExpenseOtherFen),
        NetAssetsFen = g.Sum(r => r.Content.NetAssetsEndFen),
        PartyRequired = g.Sum(r => InGroup(PartyGroup.Required, r) ? 1 : 0),
        PartyCovered = g.Sum(r => InGroup(PartyGroup.Covered, r) ? 1 : 0),
        WorkCovered = g.Sum(r => InGroup(PartyGroup.WorkCovered, r) ? 1 : 0),
    });

    /// <summary>The year's groups from their tallies (<see cref="SectorTally"/>, kept with every save of a report).</summary>
    public async Task<IReadOnlyList<SectorFigureGroup>> ForYearAsync(int year, CancellationToken cancellationToken) =>
        [.. (await db.Set<SectorTally>().AsNoTracking().Where(t => t.Year == year && t.Reports != 0).ToListAsync(cancellationToken))
            .OrderBy(t => t.TypeCode, StringComparer.Ordinal).ThenBy(t => t.Street, StringComparer.Ordinal).Select(t => t.ToGroup())];

    /// <summary>The same groups summed from the accepted reports themselves (the tallies' rebuild and their check).</summary>
    public async Task<IReadOnlyList<SectorFigureGroup>> RecomputeAsync(int year, CancellationToken cancellationToken)
    {
        var sums = await db.Set<AnnualReport>().AsNoTracking().Where(SectorMeasures.Accepted(year))
            .GroupBy(r => new SectorKey { TypeCode = r.TypeCode, Street = r.Street })
            .Select(Sums)
            .ToListAsync(cancellationToken);
        return [.. sums.OrderBy(s => s.TypeCode, StringComparer.Ordinal).ThenBy(s => s.Street, StringComparer.Ordinal).Select(s => new SectorFigureGroup(
            s.TypeCode, s.Street, s.Reports, s.FullTimeStaff, s.PartTimeStaff, s.Volunteers, s.IndividualMembers, s.UnitMembers,
            s.IncomeGovernmentFen, s.IncomeDonationsFen, s.IncomeServicesFen, s.IncomeMembershipFen, s.IncomeOtherFen,
            s.ExpenseProgrammeFen, s.ExpenseStaffFen, s.ExpenseAdministrativeFen, s.ExpenseOtherFen, s.NetAssetsFen,
            s.PartyRequired, s.PartyCovered, s.WorkCovered))];
    }

    /// <summary>Placeholder for <see cref="PartyCoverage.Predicate"/> inside <see cref="Sums"/>; never called by a query.</summary>
    private static bool InGroup(PartyGroup group, AnnualReport report) => PartyCoverage.Contains(group, report);

    /// <summary>Replaces each <c>InGroup(group, r)</c> with the group's predicate applied to <c>r</c>.</summary>
    private sealed class PartyPredicates : ExpressionVisitor
    {
        public static Expression<T> Inline<T>(Expression<T> query) => (Expression<T>)new PartyPredicates().Visit(query);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(SectorFiguresQuery) || node.Method.Name != nameof(InGroup))
            {
                return base.VisitMethodCall(node);
            }

            var predicate = PartyCoverage.Predicate((PartyGroup)((ConstantExpression)node.Arguments[0]).Value!);
            return ReplacingExpressionVisitor.Replace(predicate.Parameters[0], Visit(node.Arguments[1]), predicate.Body);
        }
    }

    private sealed class SectorKey
    {
        public string TypeCode { get; init; } = "";

        public string Street { get; init; } = "";
    }

    private sealed class SectorSums
    {
        public string TypeCode { get; init; } = "";

        public string Street { get; init; } = "";

        public int Reports { get; init; }

        public long FullTimeStaff { get; init; }

        public long PartTimeStaff { get; init; }

        public long Volunteers { get; init; }

        public long IndividualMembers { get; init; }

        public long UnitMembers { get; init; }

        public long IncomeGovernmentFen { get; init; }

        public long IncomeDonationsFen { get; init; }

        public long IncomeServicesFen { get; init; }

        public long IncomeMembershipFen { get; init; }

        public long IncomeOtherFen { get; init; }

        public long ExpenseProgrammeFen { get; init; }

        public long ExpenseStaffFen { get; init; }

        public long ExpenseAdministrativeFen { get; init; }

        public long ExpenseOtherFen { get; init; }

        public long NetAssetsFen { get; init; }

        public int PartyRequired { get; init; }

        public int PartyCovered { get; init; }

        public int WorkCovered { get; init; }
    }
}
