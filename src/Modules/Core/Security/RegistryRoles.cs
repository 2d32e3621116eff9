namespace Registry.Core.Security;

/// <summary>The built-in roles (DESIGN.md §2).</summary>
public static class RegistryRoles
{
    public const string Admin = "Admin";
    public const string Officer = "Officer";
    public const string Reviewer = "Reviewer";
    public const string Applicant = "Applicant";

    /// <summary>信息员: writes the bureau's own web content (pages, news, policies); no workflow rights.</summary>
    public const string Editor = "Editor";

    /// <summary>政府信息公开工作人员: handles requests for disclosure and alone sees the applicants' identity details.</summary>
    public const string DisclosureOfficer = "DisclosureOfficer";

    /// <summary>业务主管单位: consents to its organizations' registration changes and sees only those organizations.</summary>
    public const string SupervisingUnit = "SupervisingUnit";

    /// <summary>街道: first review of community-organization filings in its street and a read-only view of that street.</summary>
    public const string StreetOffice = "StreetOffice";

    /// <summary>局领导: reads the dashboard, summaries, lists and documents; never acts (<see cref="ReadOnlyRoles"/>).</summary>
    public const string Leadership = "Leadership";

    public static readonly IReadOnlyList<string> All = [Admin, Officer, Reviewer, Applicant, Editor, DisclosureOfficer, SupervisingUnit, StreetOffice, Leadership];
}
