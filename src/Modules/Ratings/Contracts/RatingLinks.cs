using Registry.Core.Contracts;

namespace Registry.Ratings.Contracts;

/// <summary>
/// Addresses of the Ratings module's pages, for other modules, notifications and work items: the only place that
/// spells their routes and query parameters.
/// </summary>
public static class RatingLinks
{
    public const string Public = "/Ratings";
    public const string Review = "/Ratings/Review";
    public const string Admin = "/Ratings/Admin";
    public const string AdminProposals = "/Ratings/Admin/Proposals";
    public const string AdminEvaluations = "/Ratings/Admin/Evaluations";

    /// <summary>The organization's view of its rating application.</summary>
    public static string Application(int applicationId) => "/Ratings/Application/" + LinkPath.Segment(applicationId);

    /// <summary>The officers' view of a rating application.</summary>
    public static string AdminApplication(int applicationId) => "/Ratings/Admin/Application/" + LinkPath.Segment(applicationId);

    /// <summary>A reviewer's score sheet of an application.</summary>
    public static string ReviewSheet(int applicationId) => Review + "/" + LinkPath.Segment(applicationId);

    /// <summary>The certificate of a grade.</summary>
    public static string Certificate(int gradeId) => "/Ratings/Certificate/" + LinkPath.Segment(gradeId);

    /// <summary>The grades of exactly <paramref name="grade"/> held at the end of <paramref name="asOf"/>.</summary>
    public static string Grades(int? grade = null, DateOnly? asOf = null) => LinkPath.With("/Ratings/Admin/Grades", ("grade", grade), ("asOf", asOf));

    /// <summary>The rating applications of campaigns opened in the period or, with a grade, awarded it by an announcement in the period.</summary>
    public static string Applications(DateOnly? from = null, DateOnly? to = null, int? grade = null) =>
        LinkPath.With("/Ratings/Admin/Applications", ("from", from), ("to", to), ("grade", grade));
}
