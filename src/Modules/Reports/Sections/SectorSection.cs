using System.Globalization;
using Registry.Core.Finance;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Sections;

/// <summary>
/// Sector statistics (行业统计) from the accepted annual reports of the campaign concluded in the report's year (the 2025
/// reports, accepted in 2026): people, income by source, expenditure, net assets and party-organization coverage, by
/// organization type and by street. Every figure links to the accepted reports it adds up, which state the same total.
/// </summary>
internal sealed class SectorSection(ISectorFigures figures) : IReportSection
{
    private static readonly IReadOnlyList<SectorMeasure> People =
        [SectorMeasure.Reports, SectorMeasure.FullTimeStaff, SectorMeasure.PartTimeStaff, SectorMeasure.Volunteers, SectorMeasure.IndividualMembers, SectorMeasure.UnitMembers];

    private static readonly IReadOnlyList<SectorMeasure> Finances = [SectorMeasure.Income, SectorMeasure.Expenditure, SectorMeasure.NetAssets];

    private static readonly IReadOnlyList<SectorMeasure> IncomeSources =
        [SectorMeasure.IncomeGovernment, SectorMeasure.IncomeDonations, SectorMeasure.IncomeServices, SectorMeasure.IncomeMembership, SectorMeasure.IncomeOther, SectorMeasure.Income];

    private static readonly IReadOnlyList<SectorMeasure> Expenses =
        [SectorMeasure.ExpenseProgramme, SectorMeasure.ExpenseStaff, SectorMeasure.ExpenseAdministrative, SectorMeasure.ExpenseOther, SectorMeasure.Expenditure];

    private static readonly IReadOnlyList<SectorMeasure> StreetMeasures =
        [SectorMeasure.Reports, SectorMeasure.FullTimeStaff, SectorMeasure.PartTimeStaff, SectorMeasure.Volunteers, SectorMeasure.Income, SectorMeasure.Expenditure, SectorMeasure.NetAssets];

    private static readonly IReadOnlyList<PartyGroup> PartyGroups = [PartyGroup.Required, PartyGroup.Covered, PartyGroup.Uncovered, PartyGroup.WorkCovered];

    /// <summary>The key of a total row (all types, all sources).</summary>
    public const string TotalKey = "Total";

    public int Order => 35;

    public async Task<ReportSection> LoadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var year = period.CampaignYear;
        var title = new Text("Rep.Sector.Title", year, period.Year);
        var groups = await figures.ForYearAsync(year, cancellationToken);
        if (groups.Count == 0)
        {
            return new ReportSection("sector", title, [], []) { Note = new Text("Rep.Sector.None", year) };
        }

        var total = SectorFigureGroup.Sum("", "", groups);
        // Types in the register's order, then any other code the reports carry (e.g. none, from an old import).
        var types = OrganizationCodes.Types.Where(t => groups.Any(g => g.TypeCode == t))
            .Concat(groups.Select(g => g.TypeCode).Where(t => !OrganizationCodes.Types.Contains(t)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var byType = types.Select(t => SectorFigureGroup.Sum(t, "", groups.Where(g => g.TypeCode == t))).ToList();

        FigureCell Cell(SectorFigureGroup group, SectorMeasure measure, string? type, string? street) =>
            SectorMeasureKinds.IsMoney(measure)
                ? new FigureCell(new Money(group.Value(measure)).ToYuan(), InspectionLinks.SectorReports(year, measure, type, street), IsMoney: true)
                : new FigureCell(group.Value(measure), InspectionLinks.SectorReports(year, measure, type, street));
        FigureRow TypeRow(SectorFigureGroup group, IReadOnlyList<SectorMeasure> measures) =>
            new(group.TypeCode, TypeLabel(group.TypeCode), [.. measures.Select(m => Cell(group, m, group.TypeCode, null))]);
        FigureRow TotalRow(IReadOnlyList<SectorMeasure> measures) => new(TotalKey, new Text("Rep.Total"), [.. measures.Select(m => Cell(total, m, null, null))]);
        List<FigureRow> ByType(IReadOnlyList<SectorMeasure> measures) => [.. byType.Select(g => TypeRow(g, measures)), TotalRow(measures)];

        var people = new FigureTable("sector-people", new Text("Rep.Sector.People"), Columns(People), ByType(People)) { ChartColumns = [1, 2] };
        var finances = new FigureTable("sector-finance", new Text("Rep.Sector.Finance"), Columns(Finances), ByType(Finances)) { ChartColumns = [0, 1], Note = new Text("Rep.Sector.MoneyNote") };
        FigureTable Breakdown(string id, string titleKey, IReadOnlyList<SectorMeasure> measures) => new(id, new Text(titleKey), [new FigureColumn("AmountYuan", new Text("Rep.Sector.AmountYuan"))],
            [.. measures.Select(m => new FigureRow(m == measures[^1] ? TotalKey : m.ToString(), m == measures[^1] ? new Text("Rep.Total") : new Text("Rep.Sector.Measure." + m), [Cell(total, m, null, null)]))])
        { ChartColumns = [0] };
        var income = Breakdown("sector-income", "Rep.Sector.IncomeBySource", IncomeSources);
        var expenditure = Breakdown("sector-expenditure", "Rep.Sector.ExpenditureByKind", Expenses);

        FigureRow PartyRow(string key, Text label, SectorFigureGroup group, string? type) => new(key, label,
        [
            .. PartyGroups.Take(3).Select(p => new FigureCell(group.Count(p), InspectionLinks.SectorReports(year, SectorMeasure.Reports, type, party: p))),
            // A ratio has no list of its own: its two terms link to theirs.
            new FigureCell(group.PartyCoveragePercent),
            new FigureCell(group.Count(PartyGroup.WorkCovered), InspectionLinks.SectorReports(year, SectorMeasure.Reports, type, party: PartyGroup.WorkCovered)),
        ]);
        var party = new FigureTable("sector-party", new Text("Rep.Sector.Party"),
            [.. PartyGroups.Take(3).Select(p => new FigureColumn(p.ToString(), new Text("Rep.Sector.Party." + p))), new FigureColumn("CoveragePercent", new Text("Rep.Sector.CoveragePercent")), new FigureColumn("WorkCovered", new Text("Rep.Sector.Party.WorkCovered"))],
            [.. byType.Select(g => PartyRow(g.TypeCode, TypeLabel(g.TypeCode), g, g.TypeCode)), PartyRow(TotalKey, new Text("Rep.Total"), total, null)])
        { ChartColumns = [0, 1], Note = new Text("Rep.Sector.PartyNote") };

        var streets = groups.GroupBy(g => g.Street).Select(s => SectorFigureGroup.Sum("", s.Key, s))
            .OrderByDescending(s => s.Reports).ThenBy(s => s.Street, StringComparer.Ordinal).ToList();
        var byStreet = new FigureTable("sector-streets", new Text("Rep.Sector.ByStreet"),
            [.. Columns(StreetMeasures), .. PartyGroups.Take(2).Select(p => new FigureColumn("Party" + p, new Text("Rep.Sector.Party." + p)))],
            [.. streets.Select(s => new FigureRow(s.Street.Length == 0 ? OrganizationCodes.NoStreet : s.Street,
                s.Street.Length == 0 ? new Text("Rep.Register.NoStreet") : new Text("Rep.Plain", s.Street),
                [
                    .. StreetMeasures.Select(m => Cell(s, m, null, s.Street)),
                    .. PartyGroups.Take(2).Select(p => new FigureCell(s.Count(p), InspectionLinks.SectorReports(year, SectorMeasure.Reports, street: s.Street, party: p))),
                ]))])
        { ChartColumns = [0] };

        return new ReportSection("sector", title, [people, finances, income, expenditure, party, byStreet], Summary(year, total)) { Note = new Text("Rep.Sector.Note", year, period.Year) };
    }

    private static List<Text> Summary(int year, SectorFigureGroup t)
    {
        List<Text> summary =
        [
            new Text("Rep.Summary.Sector.People", year, t.Reports, t.FullTimeStaff, t.PartTimeStaff, t.Volunteers, t.IndividualMembers, t.UnitMembers),
            new Text("Rep.Summary.Sector.Income", Yuan(t.IncomeFen), Yuan(t.IncomeGovernmentFen), Yuan(t.IncomeDonationsFen), Yuan(t.IncomeServicesFen), Yuan(t.IncomeMembershipFen), Yuan(t.IncomeOtherFen)),
            new Text("Rep.Summary.Sector.Expenditure", Yuan(t.ExpenditureFen), Yuan(t.ExpenseProgrammeFen), Yuan(t.ExpenseStaffFen), Yuan(t.ExpenseAdministrativeFen), Yuan(t.NetAssetsFen)),
        ];
        if (t.PartyCoveragePercent is { } percent)
        {
            summary.Add(new Text("Rep.Summary.Sector.Party", t.PartyRequired, t.PartyCovered, percent));
        }

        return summary;
    }

    private static List<FigureColumn> Columns(IEnumerable<SectorMeasure> measures) =>
        [.. measures.Select(m => new FigureColumn(SectorMeasureKinds.IsMoney(m) ? m + "Yuan" : m.ToString(), new Text("Rep.Sector.Measure." + m + (SectorMeasureKinds.IsMoney(m) ? "Yuan" : ""))))];

    private static Text TypeLabel(string typeCode) => typeCode.Length == 0 ? new Text("Rep.Sector.NoType") : OrganizationCodes.Types.Contains(typeCode) ? new Text("Rep.Type." + typeCode) : new Text("Rep.Plain", typeCode);

    private static decimal Yuan(long fen) => new Money(fen).ToYuan();
}
