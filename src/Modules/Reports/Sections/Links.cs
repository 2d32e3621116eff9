using System.Globalization;
using Registry.Organizations.Contracts;
using Registry.Reports.Domain;

namespace Registry.Reports.Sections;

/// <summary>Where the records behind a figure are listed (the owning modules' back-office lists, with their filters).</summary>
internal static class Links
{
    public const string Applications = "/Organizations/Admin/Applications";

    /// <summary>Applications under way (accepted, not yet decided): exactly what the "running" figure counts.</summary>
    public const string RunningApplications = "/Organizations/Admin/Applications?state=Running";

    /// <summary>Applications under way past their statutory or promised date.</summary>
    public const string OverdueApplications = "/Organizations/Admin/Applications?overdue=true";
    public const string GrantApplications = "/Grants/Admin/Applications";

    /// <summary>The approvals of a kind (and type) decided in the period: exactly the records a registrations figure counts.</summary>
    public static string Approved(string kind, string? type, ReportPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{Applications}?kind={kind}&state=Approved") + (type is null ? "" : "&type=" + type)
        + string.Create(CultureInfo.InvariantCulture, $"&from={period.First:yyyy-MM-dd}&to={period.Last:yyyy-MM-dd}");

    /// <summary>Applications approved or refused after acceptance in the period: what the processing time is counted over.</summary>
    public static string Decided(ReportPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{Applications}?state=Decided&from={period.First:yyyy-MM-dd}&to={period.Last:yyyy-MM-dd}");

    /// <summary>The register of a type (and status, when not empty) as it stood at the end of <paramref name="asOf"/>.</summary>
    public static string Register(string type, string status, DateOnly asOf) =>
        string.Create(CultureInfo.InvariantCulture, $"/Organizations/Admin/Register?type={type}&status={status}&asOf={asOf:yyyy-MM-dd}");

    /// <summary>The organizations of a street (and type) active at the end of <paramref name="asOf"/>.</summary>
    public static string RegisterStreet(string street, string? type, DateOnly asOf) =>
        $"/Organizations/Admin/Register?street={(street.Length == 0 ? OrganizationCodes.NoStreet : Uri.EscapeDataString(street))}&status=Active" + (type is null ? "" : $"&type={type}")
        + string.Create(CultureInfo.InvariantCulture, $"&asOf={asOf:yyyy-MM-dd}");

    /// <summary>The entries of a credit list ("Abnormal", "Serious") that entered or left ("Entered", "Exited") in the period: exactly what a movement figure counts.</summary>
    public static string CreditListMoves(string list, string movement, ReportPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"/Inspections/Admin/CreditLists?list={list}&movement={movement}&from={period.First:yyyy-MM-dd}&to={period.Last:yyyy-MM-dd}");

    /// <summary>The organizations on a credit list at the end of the day (one row each): what a "listed at the end" figure counts.</summary>
    public static string CreditListListed(string list, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"/Inspections/Admin/CreditLists?list={list}&movement=Listed&on={day:yyyy-MM-dd}");

    public static string Campaign(int year, string? filter = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/Inspections/Admin/Campaign/{year}") + (filter is null ? "" : "?" + filter);

    /// <summary>The grades of exactly this grade held on the day: the organizations a "held" figure counts.</summary>
    public static string Grades(int grade, DateOnly asOf) => string.Create(CultureInfo.InvariantCulture, $"/Ratings/Admin/Grades?grade={grade}&asOf={asOf:yyyy-MM-dd}");

    /// <summary>The rating applications filed in campaigns opened in the period or, with a grade, awarded it by an announcement in the period.</summary>
    public static string RatingApplications(ReportPeriod period, int? grade = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/Ratings/Admin/Applications?from={period.First:yyyy-MM-dd}&to={period.Last:yyyy-MM-dd}")
        + (grade is { } g ? string.Create(CultureInfo.InvariantCulture, $"&grade={g}") : "");

    /// <summary>A round's grant applications: with <c>stage=…</c> those a count figure counts, with <c>amount=…</c> those an amount sums.</summary>
    public static string GrantRoundFigure(int roundId, string figure) => string.Create(CultureInfo.InvariantCulture, $"{GrantApplications}?round={roundId}&{figure}");

    /// <summary>The year's grant applications of a category (all rounds), for a figure as in <see cref="GrantRoundFigure"/>.</summary>
    public static string GrantCategoryFigure(int year, string category, string figure) =>
        string.Create(CultureInfo.InvariantCulture, $"{GrantApplications}?year={year}&category={Uri.EscapeDataString(category)}&{figure}");
}
