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

/// <summary>
/// One administrative penalty decision against an organization (public: 行政处罚信息公示). <paramref name="Concluded"/>:
/// carried out and the case closed (结案); false while it is being carried out (行政处罚尚未执行完毕).
/// </summary>
public sealed record PenaltyRecord(int CaseId, string DecisionNumber, DateOnly DecidedOn, IReadOnlyList<string> Measures, long FineFen, string Cause, bool Concluded = false);

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

    /// <summary>
    /// The organization's decisions and whether a case is open, in one read: what ratings and venture-fund eligibility
    /// check ("penalized within N years", 民政部令第39号 第七条(三)(四)).
    /// </summary>
    Task<PenaltyHistory> HistoryAsync(int organizationId, CancellationToken cancellationToken);
}

/// <summary>An organization's penalty decisions (newest first) and whether a case against it is open (立案调查中).</summary>
public sealed record PenaltyHistory(IReadOnlyList<PenaltyRecord> Decisions, bool UnderInvestigation)
{
    public static PenaltyHistory None { get; } = new([], false);

    /// <summary>The newest decision taken from <paramref name="years"/> years before <paramref name="on"/> (that day included) up to it, if any.</summary>
    public PenaltyRecord? LatestWithin(int years, DateOnly on)
    {
        var since = on.AddYears(-years);
        return Decisions.Where(d => d.DecidedOn >= since && d.DecidedOn <= on).OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.CaseId).FirstOrDefault();
    }
}

/// <summary>
/// Complaints of one cause received in a period (by the day of receipt): how many, how many are closed (答复 or 不予受理)
/// and how many led to a penalty case. <see cref="Cause"/> is the stable name of the cause ("Unregistered",
/// "OutsideScope", "Fees", "Finance", "Governance", "Other").
/// </summary>
public sealed record ComplaintFigure(string Cause, int Received, int Closed, int LedToCase);

/// <summary>The complaint statistics per cause for the bureau's dashboard (投诉举报 by year and cause).</summary>
public interface IComplaintFigures
{
    /// <summary>One figure per cause, every cause in its order (zeros included), for complaints received from <paramref name="first"/> to <paramref name="last"/>.</summary>
    Task<IReadOnlyList<ComplaintFigure>> ByCauseAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>Which complaints of a cause a dashboard figure counts (the list's <c>outcome</c> filter).</summary>
public enum ComplaintOutcome
{
    /// <summary>Every complaint received.</summary>
    Received,

    /// <summary>Answered or not accepted (办结).</summary>
    Closed,

    /// <summary>Led to a penalty case.</summary>
    Case,
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

    /// <summary>The complaints of a cause (null: every cause) received from <paramref name="from"/> to <paramref name="to"/>, narrowed to an outcome: exactly what a dashboard figure counts.</summary>
    public static string AdminComplaintsOf(string? cause, ComplaintOutcome outcome, DateOnly from, DateOnly to) =>
        LinkPath.With(AdminComplaints, ("cause", cause), ("outcome", outcome == ComplaintOutcome.Received ? null : (object?)outcome), ("from", from), ("to", to));

    public static string AdminPlan(int planId) => AdminPlans + "/" + LinkPath.Segment(planId);

    /// <summary>A plan's public page (commitment before the draw; seed, population and result after).</summary>
    public static string Plan(int planId) => "/Supervision/Plans/" + LinkPath.Segment(planId);
}
