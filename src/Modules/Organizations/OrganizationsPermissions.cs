using Registry.Core.Security;

namespace Registry.Organizations;

/// <summary>Permissions of the register and registration applications.</summary>
public static class OrganizationsPermissions
{
    /// <summary>Start and follow applications for one's own organizations.</summary>
    public const string Apply = "Organizations.Apply";

    /// <summary>Accept, return, review and decide registration applications.</summary>
    public const string ReviewApplications = "Organizations.Applications.Review";

    /// <summary>Create and correct register records directly, import, approve claims.</summary>
    public const string ManageRegister = "Organizations.Register.Manage";

    /// <summary>Read the register and applications in the back office.</summary>
    public const string ViewRegister = "Organizations.Register.View";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Apply, "Permission.Organizations.Apply", RegistryRoles.Applicant),
        new(ReviewApplications, "Permission.Organizations.Applications.Review", RegistryRoles.Officer),
        new(ManageRegister, "Permission.Organizations.Register.Manage", RegistryRoles.Officer),
        new(ViewRegister, "Permission.Organizations.Register.View", RegistryRoles.Officer),
    ];
}
