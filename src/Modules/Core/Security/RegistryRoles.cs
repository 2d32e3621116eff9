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

    public static readonly IReadOnlyList<string> All = [Admin, Officer, Reviewer, Applicant, Editor, DisclosureOfficer];
}
