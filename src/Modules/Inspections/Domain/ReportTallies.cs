using Registry.Inspections.Contracts;

namespace Registry.Inspections.Domain;

/// <summary>
/// How many of a campaign's reports stand in one combination of the figures' keys (state, result, rectification,
/// lateness): the campaign figures add these up instead of counting the reports on every read. Kept by
/// <c>ReportTalliesInterceptor</c> in the transaction of every save that adds, removes or moves a report; rebuilt from
/// the reports by <c>ReportTalliesRebuild</c>. A row whose count fell to 0 stays (and is skipped).
/// </summary>
public sealed class ReportTally
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public ReportState State { get; set; }

    /// <summary>The result's name, "" for none: a key column, and NULLs never meet in the unique index an upsert needs.</summary>
    public string Result { get; set; } = "";

    public RectificationState Rectification { get; set; }

    public bool SubmittedLate { get; set; }

    public int Reports { get; set; }

    public InspectionResult? ResultValue => Result.Length == 0 ? null : Enum.Parse<InspectionResult>(Result);
}

/// <summary>
/// The sums of the accepted (concluded) reports of a year in one organization type and street: the sector figures
/// (<see cref="SectorFigureGroup"/>) as kept, maintained and rebuilt like <see cref="ReportTally"/>.
/// </summary>
public sealed class SectorTally
{
    public int Id { get; set; }

    public int Year { get; set; }

    public string TypeCode { get; set; } = "";

    public string Street { get; set; } = "";

    public int Reports { get; set; }

    public long FullTimeStaff { get; set; }

    public long PartTimeStaff { get; set; }

    public long Volunteers { get; set; }

    public long IndividualMembers { get; set; }

    public long UnitMembers { get; set; }

    public long IncomeGovernmentFen { get; set; }

    public long IncomeDonationsFen { get; set; }

    public long IncomeServicesFen { get; set; }

    public long IncomeMembershipFen { get; set; }

    public long IncomeOtherFen { get; set; }

    public long ExpenseProgrammeFen { get; set; }

    public long ExpenseStaffFen { get; set; }

    public long ExpenseAdministrativeFen { get; set; }

    public long ExpenseOtherFen { get; set; }

    public long NetAssetsFen { get; set; }

    public int PartyRequired { get; set; }

    public int PartyCovered { get; set; }

    public int PartyWorkCovered { get; set; }

    public SectorFigureGroup ToGroup() => new(TypeCode, Street, Reports, FullTimeStaff, PartTimeStaff, Volunteers, IndividualMembers, UnitMembers,
        IncomeGovernmentFen, IncomeDonationsFen, IncomeServicesFen, IncomeMembershipFen, IncomeOtherFen,
        ExpenseProgrammeFen, ExpenseStaffFen, ExpenseAdministrativeFen, ExpenseOtherFen, NetAssetsFen, PartyRequired, PartyCovered, PartyWorkCovered);

    public static SectorTally From(int year, SectorFigureGroup g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new SectorTally
        {
            Year = year, TypeCode = g.TypeCode, Street = g.Street, Reports = g.Reports, FullTimeStaff = g.FullTimeStaff, PartTimeStaff = g.PartTimeStaff,
            Volunteers = g.Volunteers, IndividualMembers = g.IndividualMembers, UnitMembers = g.UnitMembers, IncomeGovernmentFen = g.IncomeGovernmentFen,
            IncomeDonationsFen = g.IncomeDonationsFen, IncomeServicesFen = g.IncomeServicesFen, IncomeMembershipFen = g.IncomeMembershipFen,
            IncomeOtherFen = g.IncomeOtherFen, ExpenseProgrammeFen = g.ExpenseProgrammeFen, ExpenseStaffFen = g.ExpenseStaffFen,
            ExpenseAdministrativeFen = g.ExpenseAdministrativeFen, ExpenseOtherFen = g.ExpenseOtherFen, NetAssetsFen = g.NetAssetsFen,
            PartyRequired = g.PartyRequired, PartyCovered = g.PartyCovered, PartyWorkCovered = g.PartyWorkCovered,
        };
    }
}

/// <summary>
/// What a set of report changes does to the tallies: each report as it was counts -1, as it is +1, per key. The sector
/// part counts only accepted reports (<see cref="SectorMeasures.Accepted"/>), with the same selectors and party
/// predicates as the figures computed from the reports.
/// </summary>
public sealed class ReportTallyChanges
{
    /// <summary>The summed columns of <see cref="SectorTally"/>, in the order of <see cref="SectorValues"/>.</summary>
    public static readonly IReadOnlyList<string> SectorColumns =
    [
        nameof(SectorTally.Reports), nameof(SectorTally.FullTimeStaff), nameof(SectorTally.PartTimeStaff), nameof(SectorTally.Volunteers),
        nameof(SectorTally.IndividualMembers), nameof(SectorTally.UnitMembers), nameof(SectorTally.IncomeGovernmentFen), nameof(SectorTally.IncomeDonationsFen),
        nameof(SectorTally.IncomeServicesFen), nameof(SectorTally.IncomeMembershipFen), nameof(SectorTally.IncomeOtherFen), nameof(SectorTally.ExpenseProgrammeFen),
        nameof(SectorTally.ExpenseStaffFen), nameof(SectorTally.ExpenseAdministrativeFen), nameof(SectorTally.ExpenseOtherFen), nameof(SectorTally.NetAssetsFen),
        nameof(SectorTally.PartyRequired), nameof(SectorTally.PartyCovered), nameof(SectorTally.PartyWorkCovered),
    ];

    private static readonly SectorMeasure[] Measures =
    [
        SectorMeasure.Reports, SectorMeasure.FullTimeStaff, SectorMeasure.PartTimeStaff, SectorMeasure.Volunteers, SectorMeasure.IndividualMembers,
        SectorMeasure.UnitMembers, SectorMeasure.IncomeGovernment, SectorMeasure.IncomeDonations, SectorMeasure.IncomeServices, SectorMeasure.IncomeMembership,
        SectorMeasure.IncomeOther, SectorMeasure.ExpenseProgramme, SectorMeasure.ExpenseStaff, SectorMeasure.ExpenseAdministrative, SectorMeasure.ExpenseOther,
        SectorMeasure.NetAssets,
    ];

    private static readonly PartyGroup[] Parties = [PartyGroup.Required, PartyGroup.Covered, PartyGroup.WorkCovered];

    private readonly SortedDictionary<ReportTallyKey, long> _counts = new(Comparer<ReportTallyKey>.Create((a, b) =>
        a.CampaignId != b.CampaignId ? a.CampaignId.CompareTo(b.CampaignId)
        : string.CompareOrdinal(a.State, b.State) is not 0 and var state ? state
        : string.CompareOrdinal(a.Result, b.Result) is not 0 and var result ? result
        : string.CompareOrdinal(a.Rectification, b.Rectification) is not 0 and var rectification ? rectification
        : a.SubmittedLate.CompareTo(b.SubmittedLate)));

    private readonly SortedDictionary<SectorTallyKey, long[]> _sectors = new(Comparer<SectorTallyKey>.Create((a, b) =>
        a.Year != b.Year ? a.Year.CompareTo(b.Year)
        : string.CompareOrdinal(a.TypeCode, b.TypeCode) is not 0 and var type ? type
        : string.CompareOrdinal(a.Street, b.Street)));


    /// <summary>The counts that change (keys in a fixed order, so concurrent savers lock tally rows in the same order).</summary>
    public IEnumerable<KeyValuePair<ReportTallyKey, long>> Counts => _counts.Where(c => c.Value != 0);

    /// <summary>The sector sums that change, values in the order of <see cref="SectorColumns"/>.</summary>
    public IEnumerable<KeyValuePair<SectorTallyKey, long[]>> Sectors => _sectors.Where(s => s.Value.Any(v => v != 0));

    public bool IsEmpty => !Counts.Any() && !Sectors.Any();

    /// <summary>Counts <paramref name="report"/> in (<paramref name="sign"/> +1) or out (-1).</summary>
    public void Add(AnnualReport report, int sign)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = new ReportTallyKey(report.CampaignId, report.State.ToString(), report.Result?.ToString() ?? "", report.Rectification.ToString(), report.SubmittedLate);
        _counts[key] = _counts.GetValueOrDefault(key) + sign;
        if (report.State != ReportState.Concluded)
        {
            return;
        }

        var sector = new SectorTallyKey(report.Year, report.TypeCode, report.Street);
        if (!_sectors.TryGetValue(sector, out var sums))
        {
            _sectors[sector] = sums = new long[SectorColumns.Count];
        }

        var values = SectorValues(report);
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] += sign * values[i];
        }
    }

    /// <summary>One accepted report's contribution to its sector tally, in the order of <see cref="SectorColumns"/>.</summary>
    public static long[] SectorValues(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. Measures.Select(m => SectorMeasures.ValueOf(m, report)), .. Parties.Select(p => PartyCoverage.Contains(p, report) ? 1L : 0L)];
    }
}

/// <summary>A <see cref="ReportTally"/>'s key, enums by name as stored.</summary>
public readonly record struct ReportTallyKey(int CampaignId, string State, string Result, string Rectification, bool SubmittedLate);

/// <summary>A <see cref="SectorTally"/>'s key.</summary>
public readonly record struct SectorTallyKey(int Year, string TypeCode, string Street);
