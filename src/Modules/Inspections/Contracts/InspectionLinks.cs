using Registry.Core.Contracts;

namespace Registry.Inspections.Contracts;

/// <summary>Which credit list (信用名单) a link filters on (the names the list page reads).</summary>
public enum CreditListKind
{
    /// <summary>活动异常名录.</summary>
    Abnormal,

    /// <summary>严重违法失信名单.</summary>
    Serious,
}

/// <summary>Which moves of a credit list a link shows: the entries that entered it, or left it, in a period.</summary>
public enum CreditListMove
{
    Entered,
    Exited,
}

/// <summary>
/// Addresses of the Inspections module's pages, for other modules, notifications and work items: the only place that
/// spells their routes and query parameters.
/// </summary>
public static class InspectionLinks
{
    public const string Mine = "/Inspections/My";
    public const string PublicCreditLists = "/Inspections/CreditLists";
    public const string Admin = "/Inspections/Admin";
    public const string AdminImport = "/Inspections/Admin/Import";
    public const string AdminCreditLists = "/Inspections/Admin/CreditLists";

    /// <summary>A supervising unit's list of its organizations' reports waiting for its 初审.</summary>
    public const string Unit = "/Inspections/Unit";

    /// <summary>A supervising unit's view of a report addressed to it, with its opinion form.</summary>
    public static string UnitReport(int reportId) => "/Inspections/Unit/Report/" + LinkPath.Segment(reportId);

    /// <summary>The organization's view of its annual report.</summary>
    public static string Report(int reportId) => "/Inspections/Report/" + LinkPath.Segment(reportId);

    /// <summary>The organization's form of its annual report.</summary>
    public static string EditReport(int reportId) => "/Inspections/Report/Edit/" + LinkPath.Segment(reportId);

    /// <summary>The officers' view of an annual report.</summary>
    public static string AdminReport(int reportId) => "/Inspections/Admin/Report/" + LinkPath.Segment(reportId);

    /// <summary>A campaign's reports, optionally those of one participation group or one result (names as the figures count them).</summary>
    public static string Campaign(int year, string? group = null, string? result = null) =>
        LinkPath.With("/Inspections/Admin/Campaign/" + LinkPath.Segment(year), ("group", group), ("result", result));

    /// <summary>
    /// The accepted annual reports of <paramref name="year"/> behind a sector figure: of a type and street (street
    /// <c>-</c>: none recorded; null: any) and a party-coverage group, with the total of <paramref name="measure"/> stated.
    /// </summary>
    public static string SectorReports(int year, SectorMeasure measure, string? type = null, string? street = null, PartyGroup? party = null) =>
        LinkPath.With("/Inspections/Admin/Sector/" + LinkPath.Segment(year),
            ("measure", measure == SectorMeasure.Reports ? null : measure), ("type", type), ("street", street is null ? null : street.Length == 0 ? "-" : street), ("party", party));

    /// <summary>The credit-list entries that entered or left <paramref name="list"/> between the two days.</summary>
    public static string CreditListMoves(CreditListKind list, CreditListMove movement, DateOnly from, DateOnly to) =>
        LinkPath.With(AdminCreditLists, ("list", list), ("movement", movement), ("from", from), ("to", to));

    /// <summary>The organizations on <paramref name="list"/> at the end of <paramref name="day"/>.</summary>
    public static string CreditListListed(CreditListKind list, DateOnly day) =>
        LinkPath.With(AdminCreditLists, ("list", list), ("movement", "Listed"), ("on", day));
}
