using System.Linq.Expressions;
using Registry.Inspections.Contracts;

namespace Registry.Inspections.Domain;

/// <summary>The selector of each <see cref="SectorMeasure"/> over a report, as an expression for queries (sums computed by the database).</summary>
public static class SectorMeasures
{
    private static readonly Dictionary<SectorMeasure, Expression<Func<AnnualReport, long>>> Selectors = new()
    {
        [SectorMeasure.Reports] = r => 1,
        [SectorMeasure.FullTimeStaff] = r => r.Content.FullTimeStaff,
        [SectorMeasure.PartTimeStaff] = r => r.Content.PartTimeStaff,
        [SectorMeasure.Volunteers] = r => r.Content.Volunteers,
        [SectorMeasure.IndividualMembers] = r => r.Content.IndividualMembers,
        [SectorMeasure.UnitMembers] = r => r.Content.UnitMembers,
        [SectorMeasure.IncomeGovernment] = r => r.Content.IncomeGovernmentFen,
        [SectorMeasure.IncomeDonations] = r => r.Content.IncomeDonationsFen,
        [SectorMeasure.IncomeServices] = r => r.Content.IncomeServicesFen,
        [SectorMeasure.IncomeMembership] = r => r.Content.IncomeMembershipFen,
        [SectorMeasure.IncomeOther] = r => r.Content.IncomeOtherFen,
        [SectorMeasure.Income] = r => r.Content.IncomeGovernmentFen + r.Content.IncomeDonationsFen + r.Content.IncomeServicesFen + r.Content.IncomeMembershipFen + r.Content.IncomeOtherFen,
        [SectorMeasure.ExpenseProgramme] = r => r.Content.ExpenseProgrammeFen,
        [SectorMeasure.ExpenseStaff] = r => r.Content.ExpenseStaffFen,
        [SectorMeasure.ExpenseAdministrative] = r => r.Content.ExpenseAdministrativeFen,
        [SectorMeasure.ExpenseOther] = r => r.Content.ExpenseOtherFen,
        [SectorMeasure.Expenditure] = r => r.Content.ExpenseProgrammeFen + r.Content.ExpenseStaffFen + r.Content.ExpenseAdministrativeFen + r.Content.ExpenseOtherFen,
        [SectorMeasure.NetAssets] = r => r.Content.NetAssetsEndFen,
    };

    private static readonly Dictionary<SectorMeasure, Func<AnnualReport, long>> Compiled = Selectors.ToDictionary(s => s.Key, s => s.Value.Compile());

    /// <summary>The measure's selector for a query.</summary>
    public static Expression<Func<AnnualReport, long>> Selector(SectorMeasure measure) => Selectors[measure];

    /// <summary>The measure's value for one report.</summary>
    public static long ValueOf(SectorMeasure measure, AnnualReport report) => Compiled[measure](report);

    /// <summary>The reports the sector figures count: the accepted (concluded) reports of <paramref name="year"/>, as the public finances count them.</summary>
    public static Expression<Func<AnnualReport, bool>> Accepted(int year) => r => r.Year == year && r.State == ReportState.Concluded;
}

/// <summary>
/// Party-organization coverage (党组织覆盖) from the annual reports. 中国共产党章程 第三十条: an organization with three or
/// more full party members shall form a basic party organization; such organizations are the ones that should have one.
/// One formed on its own or jointly with others covers it; a party-building instructor alone is work coverage only.
/// </summary>
public static class PartyCoverage
{
    /// <summary>Party members from which an organization should have a party organization (党章第三十条: 正式党员三人以上).</summary>
    public const int MembersRequiringOrganization = 3;

    private static readonly Dictionary<PartyGroup, Expression<Func<AnnualReport, bool>>> Expressions = new()
    {
        [PartyGroup.Required] = r => r.Content.PartyMembers >= MembersRequiringOrganization,
        [PartyGroup.Covered] = r => r.Content.PartyMembers >= MembersRequiringOrganization
            && (r.Content.PartyOrganization == PartyOrganization.Independent || r.Content.PartyOrganization == PartyOrganization.Joint),
        [PartyGroup.Uncovered] = r => r.Content.PartyMembers >= MembersRequiringOrganization
            && r.Content.PartyOrganization != PartyOrganization.Independent && r.Content.PartyOrganization != PartyOrganization.Joint,
        [PartyGroup.WorkCovered] = r => r.Content.PartyOrganization != PartyOrganization.None,
    };

    private static readonly Dictionary<PartyGroup, Func<AnnualReport, bool>> Compiled = Expressions.ToDictionary(e => e.Key, e => e.Value.Compile());

    /// <summary>The group's predicate for a query.</summary>
    public static Expression<Func<AnnualReport, bool>> Predicate(PartyGroup group) => Expressions[group];

    /// <summary>Whether a report belongs to the group.</summary>
    public static bool Contains(PartyGroup group, AnnualReport report) => Compiled[group](report);

    /// <summary>Coverage in percent, one decimal, rounded half away from zero; null when no organization should have one.</summary>
    public static decimal? Percent(int covered, int required)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(covered);
        ArgumentOutOfRangeException.ThrowIfLessThan(required, covered);
        return required == 0 ? null : Math.Round(covered * 100m / required, 1, MidpointRounding.AwayFromZero);
    }
}
