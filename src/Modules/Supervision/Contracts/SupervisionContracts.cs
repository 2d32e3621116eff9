using System.Text.Json.Serialization;
using Registry.Core.Contracts;

namespace Registry.Supervision.Contracts;

/// <summary>
/// A penalty decision was taken (行政处罚决定): published on the change feed in the deciding transaction. Measures are
/// the stable names of the decided kinds ("Warning", "Fine", "ConfiscateIncome", "ConfiscateProperty",
/// "SuspendActivities", "RevokeRegistration"); the fine in fen. JSON: camelCase names.
/// </summary>
public sealed record PenaltyDecided(
    [property: JsonPropertyName("caseId")] int CaseId,
    [property: JsonPropertyName("organizationId")] int OrganizationId,
    [property: JsonPropertyName("decisionNumber")] string DecisionNumber,
    [property: JsonPropertyName("decidedOn")] DateOnly DecidedOn,
    [property: JsonPropertyName("measures")] IReadOnlyList<string> Measures,
    [property: JsonPropertyName("fineFen")] long FineFen)
{
    /// <summary>The change-feed topic.</summary>
    public const string Topic = "supervision.penalty-decided";
}

/// <summary>One administrative penalty decision against an organization (public: 行政处罚信息公示).</summary>
public sealed record PenaltyRecord(int CaseId, string DecisionNumber, DateOnly DecidedOn, IReadOnlyList<string> Measures, long FineFen, string Cause);

/// <summary>The supervision module's answer to "was this organization penalized?", for ratings and venture-fund eligibility.</summary>
public interface IPenaltyRecords
{
    /// <summary>The organization's penalty decisions, newest first.</summary>
    Task<IReadOnlyList<PenaltyRecord>> OfOrganizationAsync(int organizationId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a penalty was decided against the organization within <paramref name="years"/> years up to
    /// <paramref name="asOf"/> (a decision on the day <paramref name="years"/> years before still counts).
    /// </summary>
    Task<bool> PenalizedWithinAsync(int organizationId, int years, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>How many penalty decisions were taken from <paramref name="first"/> to <paramref name="last"/> (the annual disclosure report's 行政处罚 row).</summary>
    Task<int> DecidedBetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>Whether a penalty case against the organization is open (立案 and not yet decided or dismissed).</summary>
    Task<bool> UnderInvestigationAsync(int organizationId, CancellationToken cancellationToken);
}

/// <summary>Addresses of the supervision module's pages.</summary>
public static class SupervisionLinks
{
    /// <summary>行政处罚信息公示.</summary>
    public const string Penalties = "/Supervision/Penalties";

    /// <summary>The public complaint form (投诉举报).</summary>
    public const string ComplaintForm = "/Supervision/Complaint";

    public const string ComplaintFollowUp = "/Supervision/Complaint/Follow";

    public const string AdminCases = "/Supervision/Admin/Cases";

    public const string AdminComplaints = "/Supervision/Admin/Complaints";

    public const string AdminPlans = "/Supervision/Admin/Plans";

    /// <summary>The printable decision (行政处罚决定书) of a decided case.</summary>
    public static string Decision(int caseId) => "/Supervision/Decision/" + LinkPath.Segment(caseId);

    public static string AdminCase(int caseId) => AdminCases + "/" + LinkPath.Segment(caseId);

    public static string AdminComplaint(int complaintId) => AdminComplaints + "/" + LinkPath.Segment(complaintId);

    public static string AdminPlan(int planId) => AdminPlans + "/" + LinkPath.Segment(planId);

    /// <summary>A plan's public page (commitment before the draw; seed, population and result after).</summary>
    public static string Plan(int planId) => "/Supervision/Plans/" + LinkPath.Segment(planId);
}
