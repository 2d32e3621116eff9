namespace Registry.Inspections.Contracts;

/// <summary>
/// What an organization stated in its latest filed annual report (money in fen), for other modules' forms to pre-fill
/// (一次填报，多处复用) with "from the {Year} annual report" as the source.
/// </summary>
public sealed record AnnualReportFacts(
    int OrganizationId,
    int Year,
    int IndividualMembers,
    int UnitMembers,
    int FullTimeStaff,
    int PartTimeStaff,
    int Volunteers,
    long IncomeFen,
    long ExpenditureFen,
    long NetAssetsEndFen);

/// <summary>The inspections module's answer to "what did the organization last report": read-only.</summary>
public interface IAnnualReportFacts
{
    /// <summary>
    /// Figures of the organization's latest report that was filed (submitted, in the supervising unit's 初审, or concluded)
    /// and has content; null when there is none (a result imported from paper without its figures does not count).
    /// </summary>
    Task<AnnualReportFacts?> LatestAsync(int organizationId, CancellationToken cancellationToken);
}
