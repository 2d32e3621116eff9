namespace Registry.Core.Security;

/// <summary>The built-in roles (DESIGN.md §2).</summary>
public static class RegistryRoles
{
    public const string Admin = "Admin";
    public const string Officer = "Officer";
    public const string Reviewer = "Reviewer";
    public const string Applicant = "Applicant";

    public static readonly IReadOnlyList<string> All = [Admin, Officer, Reviewer, Applicant];
}
