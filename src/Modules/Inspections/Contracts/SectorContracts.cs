namespace Registry.Inspections.Contracts;

/// <summary>
/// What the sector statistics add up over the accepted (concluded) annual reports of a year: the figures and the list
/// of reports behind each of them use the same selectors, so a total and its list always agree.
/// </summary>
public enum SectorMeasure
{
    /// <summary>The reports themselves (one per organization).</summary>
    Reports,
    FullTimeStaff,
    PartTimeStaff,
    Volunteers,
    IndividualMembers,
    UnitMembers,
    IncomeGovernment,
    IncomeDonations,
    IncomeServices,
    IncomeMembership,
    IncomeOther,

    /// <summary>Income from every source.</summary>
    Income,
    ExpenseProgramme,
    ExpenseStaff,
    ExpenseAdministrative,
    ExpenseOther,

    /// <summary>Every expenditure.</summary>
    Expenditure,

    /// <summary>Net assets at the year's end.</summary>
    NetAssets,
}

/// <summary>What a <see cref="SectorMeasure"/> is.</summary>
public static class SectorMeasureKinds
{
    /// <summary>Whether the measure is an amount of money (fen), rather than a number of people or reports.</summary>
    public static bool IsMoney(SectorMeasure measure) => measure >= SectorMeasure.IncomeGovernment;
}

/// <summary>Which reports a party-organization coverage figure counts.</summary>
public enum PartyGroup
{
    /// <summary>Should have a party organization: at least three (中国共产党章程 第三十条) party members.</summary>
    Required,

    /// <summary>Should have one and has one (单独组建 or 联合组建): organizational coverage (组织覆盖).</summary>
    Covered,

    /// <summary>Should have one and has none.</summary>
    Uncovered,

    /// <summary>Has a party organization or a party-building instructor (工作覆盖), whether required or not.</summary>
    WorkCovered,
}

/// <summary>
/// One group of a year's accepted annual reports (one organization type in one street, street empty when none was
/// recorded), summed by the database: people, money in fen and party-organization coverage counts.
/// </summary>
public sealed record SectorFigureGroup(
    string TypeCode,
    string Street,
    int Reports,
    long FullTimeStaff,
    long PartTimeStaff,
    long Volunteers,
    long IndividualMembers,
    long UnitMembers,
    long IncomeGovernmentFen,
    long IncomeDonationsFen,
    long IncomeServicesFen,
    long IncomeMembershipFen,
    long IncomeOtherFen,
    long ExpenseProgrammeFen,
    long ExpenseStaffFen,
    long ExpenseAdministrativeFen,
    long ExpenseOtherFen,
    long NetAssetsFen,
    int PartyRequired,
    int PartyCovered,
    int PartyWorkCovered)
{
    public long IncomeFen => IncomeGovernmentFen + IncomeDonationsFen + IncomeServicesFen + IncomeMembershipFen + IncomeOtherFen;

    public long ExpenditureFen => ExpenseProgrammeFen + ExpenseStaffFen + ExpenseAdministrativeFen + ExpenseOtherFen;

    /// <summary>Party-organization coverage in percent (one decimal), null when no organization should have one (see <c>PartyCoverage</c>).</summary>
    public decimal? PartyCoveragePercent => Domain.PartyCoverage.Percent(PartyCovered, PartyRequired);

    /// <summary>The value of a measure in this group (fen for money, people or reports otherwise).</summary>
    public long Value(SectorMeasure measure) => measure switch
    {
        SectorMeasure.Reports => Reports,
        SectorMeasure.FullTimeStaff => FullTimeStaff,
        SectorMeasure.PartTimeStaff => PartTimeStaff,
        SectorMeasure.Volunteers => Volunteers,
        SectorMeasure.IndividualMembers => IndividualMembers,
        SectorMeasure.UnitMembers => UnitMembers,
        SectorMeasure.IncomeGovernment => IncomeGovernmentFen,
        SectorMeasure.IncomeDonations => IncomeDonationsFen,
        SectorMeasure.IncomeServices => IncomeServicesFen,
        SectorMeasure.IncomeMembership => IncomeMembershipFen,
        SectorMeasure.IncomeOther => IncomeOtherFen,
        SectorMeasure.Income => IncomeFen,
        SectorMeasure.ExpenseProgramme => ExpenseProgrammeFen,
        SectorMeasure.ExpenseStaff => ExpenseStaffFen,
        SectorMeasure.ExpenseAdministrative => ExpenseAdministrativeFen,
        SectorMeasure.ExpenseOther => ExpenseOtherFen,
        SectorMeasure.Expenditure => ExpenditureFen,
        SectorMeasure.NetAssets => NetAssetsFen,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>The count of a party-coverage group in this group.</summary>
    public int Count(PartyGroup group) => group switch
    {
        PartyGroup.Required => PartyRequired,
        PartyGroup.Covered => PartyCovered,
        PartyGroup.Uncovered => PartyRequired - PartyCovered,
        PartyGroup.WorkCovered => PartyWorkCovered,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>The groups added up into one, labelled with the type and street given (e.g. "" for all).</summary>
    public static SectorFigureGroup Sum(string typeCode, string street, IEnumerable<SectorFigureGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var list = groups.ToList();
        return new SectorFigureGroup(typeCode, street, list.Sum(g => g.Reports), list.Sum(g => g.FullTimeStaff), list.Sum(g => g.PartTimeStaff),
            list.Sum(g => g.Volunteers), list.Sum(g => g.IndividualMembers), list.Sum(g => g.UnitMembers), list.Sum(g => g.IncomeGovernmentFen),
            list.Sum(g => g.IncomeDonationsFen), list.Sum(g => g.IncomeServicesFen), list.Sum(g => g.IncomeMembershipFen), list.Sum(g => g.IncomeOtherFen),
            list.Sum(g => g.ExpenseProgrammeFen), list.Sum(g => g.ExpenseStaffFen), list.Sum(g => g.ExpenseAdministrativeFen), list.Sum(g => g.ExpenseOtherFen),
            list.Sum(g => g.NetAssetsFen), list.Sum(g => g.PartyRequired), list.Sum(g => g.PartyCovered), list.Sum(g => g.PartyWorkCovered));
    }
}

/// <summary>Sector statistics (行业统计) from the accepted annual reports, for reports.</summary>
public interface ISectorFigures
{
    /// <summary>The accepted (concluded) annual reports of <paramref name="year"/>, summed per organization type and street in the database.</summary>
    Task<IReadOnlyList<SectorFigureGroup>> ForYearAsync(int year, CancellationToken cancellationToken);
}
