using Registry.Feedback.Contracts;
using Registry.Grants.Contracts;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;
using Registry.Reports.Domain;
using Registry.Supervision.Contracts;

namespace Registry.Reports.Sections;

/// <summary>
/// Where the records behind a figure are listed: the owning modules' back-office lists with their filters, through
/// the link builders in their contracts (a renamed filter is then a compile error here, not a dead link).
/// </summary>
internal static class Links
{
    /// <summary>Applications under way (accepted, not yet decided): exactly what the "running" figure counts.</summary>
    public static readonly string RunningApplications = OrganizationLinks.Applications(state: "Running");

    /// <summary>Applications under way past their statutory or promised date.</summary>
    public static readonly string OverdueApplications = OrganizationLinks.Applications(overdue: true);

    /// <summary>The approvals of a kind (and type) decided in the period: exactly the records a registrations figure counts.</summary>
    public static string Approved(string kind, string? type, ReportPeriod period) =>
        OrganizationLinks.Applications(kind: kind, state: "Approved", type: type, from: period.First, to: period.Last);

    /// <summary>Applications approved or refused after acceptance in the period: what the processing time is counted over.</summary>
    public static string Decided(ReportPeriod period) => OrganizationLinks.Applications(state: "Decided", from: period.First, to: period.Last);

    /// <summary>The register of a type (and status, when not empty) as it stood at the end of <paramref name="asOf"/>.</summary>
    public static string Register(string type, string status, DateOnly asOf) => OrganizationLinks.Register(type: type, status: status, asOf: asOf);

    /// <summary>The organizations of a street (and type) active at the end of <paramref name="asOf"/>.</summary>
    public static string RegisterStreet(string street, string? type, DateOnly asOf) =>
        OrganizationLinks.Register(street: street, type: type, status: "Active", asOf: asOf);

    /// <summary>The entries of a credit list that entered or left it in the period: exactly what a movement figure counts.</summary>
    public static string CreditListMoves(CreditListKind list, CreditListMove movement, ReportPeriod period) =>
        InspectionLinks.CreditListMoves(list, movement, period.First, period.Last);

    /// <summary>The organizations on a credit list at the end of the day (one row each): what a "listed at the end" figure counts.</summary>
    public static string CreditListListed(CreditListKind list, DateOnly day) => InspectionLinks.CreditListListed(list, day);

    /// <summary>The grades of exactly this grade held on the day: the organizations a "held" figure counts.</summary>
    public static string Grades(int grade, DateOnly asOf) => RatingLinks.Grades(grade, asOf);

    /// <summary>The rating applications filed in campaigns opened in the period or, with a grade, awarded it by an announcement in the period.</summary>
    public static string RatingApplications(ReportPeriod period, int? grade = null) => RatingLinks.Applications(period.First, period.Last, grade);

    /// <summary>The complaints of a cause (null: all) received in the period, narrowed to an outcome: exactly what a complaint figure counts.</summary>
    public static string Complaints(string? cause, ComplaintOutcome outcome, ReportPeriod period) =>
        SupervisionLinks.AdminComplaintsOf(cause, outcome, period.First, period.Last);

    /// <summary>The ratings (好差评) of a kind of service (null: all) given in the period, of a level in stars (null: all), or only the follow-ups open or overdue.</summary>
    public static string Ratings(string? kind, int? stars, ReportPeriod period, bool openFollowUps = false, bool overdue = false) =>
        FeedbackLinks.AdminRatingsOf(kind, stars, period.First, period.Last, followUp: openFollowUps ? "Open" : null, overdue: overdue);
}
