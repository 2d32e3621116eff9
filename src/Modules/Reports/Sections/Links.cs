using System.Globalization;
using Registry.Reports.Domain;

namespace Registry.Reports.Sections;

/// <summary>Where the records behind a figure are listed (the owning modules' back-office lists, with their filters).</summary>
internal static class Links
{
    public const string Applications = "/Organizations/Admin/Applications";
    public const string OverdueApplications = "/Organizations/Admin/Applications?overdue=true";
    public const string CreditLists = "/Inspections/Admin/CreditLists";
    public const string RatingCampaigns = "/Ratings/Admin";
    public const string GrantRounds = "/Grants/Admin";

    /// <summary>The approvals of a kind (and type) decided in the period: exactly the records a registrations figure counts.</summary>
    public static string Approved(string kind, string? type, ReportPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{Applications}?kind={kind}&state=Approved") + (type is null ? "" : "&type=" + type)
        + string.Create(CultureInfo.InvariantCulture, $"&from={period.First:yyyy-MM-dd}&to={period.Last:yyyy-MM-dd}");

    public static string Register(string type, string status) => $"/Organizations/Admin/Register?type={type}&status={status}";

    public static string RegisterStreet(string street, string? type) =>
        $"/Organizations/Admin/Register?street={Uri.EscapeDataString(street)}&status=Active" + (type is null ? "" : $"&type={type}");

    public static string Campaign(int year, string? filter = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/Inspections/Admin/Campaign/{year}") + (filter is null ? "" : "?" + filter);

    /// <summary>The grades list filters by 1A+, 3A+ and 4A+ only: the nearest filter at or below the grade.</summary>
    public static string Grades(int grade) => string.Create(CultureInfo.InvariantCulture, $"/Ratings/Admin/Grades?min={(grade >= 4 ? 4 : grade >= 3 ? 3 : 1)}");

    public static string GrantRound(int roundId) => string.Create(CultureInfo.InvariantCulture, $"/Grants/Admin/Round/{roundId}");
}
