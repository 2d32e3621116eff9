using Registry.Core.Contracts;

namespace Registry.Grants.Contracts;

/// <summary>
/// Addresses of the Grants module's (公益创投) pages, for other modules, notifications and work items: the only place
/// that spells their routes and query parameters.
/// </summary>
public static class GrantLinks
{
    public const string Public = "/Grants";
    public const string Mine = "/Grants/My";
    public const string Review = "/Grants/Review";
    public const string Progress = "/Grants/Progress";
    public const string Evaluation = "/Grants/Evaluation";
    public const string EvaluationAdmin = "/Grants/Evaluation/Admin";
    public const string Admin = "/Grants/Admin";
    public const string ProjectsAdmin = "/Grants/Projects/Admin";
    public const string Projects = "/Grants/Projects";
    public const string OpenData = "/Grants/OpenData";

    /// <summary>A street office's list of applications from its street (推荐意见).</summary>
    public const string Street = "/Grants/Street";

    /// <summary>A street office's view of an application from its street, with its opinion.</summary>
    public static string StreetApplication(int applicationId) => Street + "/" + LinkPath.Segment(applicationId);

    /// <summary>The applicant's view of a grant application.</summary>
    public static string Application(int applicationId) => "/Grants/Application/" + LinkPath.Segment(applicationId);

    /// <summary>The officers' view of a grant application.</summary>
    public static string AdminApplication(int applicationId) => "/Grants/Admin/Application/" + LinkPath.Segment(applicationId);

    /// <summary>The officers' view of a round.</summary>
    public static string AdminRound(int roundId) => "/Grants/Admin/Round/" + LinkPath.Segment(roundId);

    /// <summary>A reviewer's score sheet of an application.</summary>
    public static string ReviewSheet(int applicationId) => Review + "/" + LinkPath.Segment(applicationId);

    /// <summary>The grantee's view of an agreement.</summary>
    public static string Agreement(int agreementId) => Projects + "/" + LinkPath.Segment(agreementId);

    /// <summary>The officers' view of an agreement.</summary>
    public static string AdminAgreement(int agreementId) => "/Grants/Projects/Admin/Agreement/" + LinkPath.Segment(agreementId);

    /// <summary>The grantee's view of a progress report.</summary>
    public static string ProgressReport(int reportId) => Progress + "/" + LinkPath.Segment(reportId);

    /// <summary>The officers' view of a progress report's evaluation.</summary>
    public static string EvaluationReport(int reportId) => Evaluation + "/" + LinkPath.Segment(reportId);

    /// <summary>An evaluator's sheet of a progress report.</summary>
    public static string EvaluationSheet(int reportId) => "/Grants/Evaluation/Sheet/" + LinkPath.Segment(reportId);

    /// <summary>
    /// The officers' list of grant applications of a round or of a year (and category), optionally those a figure
    /// counts (<paramref name="stage"/>) or sums (<paramref name="amount"/>), by the names the list reads.
    /// </summary>
    public static string Applications(int? round = null, int? year = null, string? category = null, string? stage = null, string? amount = null) =>
        LinkPath.With("/Grants/Admin/Applications", ("round", round), ("year", year), ("category", category), ("stage", stage), ("amount", amount));
}
