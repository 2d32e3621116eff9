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

    /// <summary>Read the register and the applications' list in the back office (局领导 too: read only).</summary>
    public const string ViewRegister = "Organizations.Register.View";

    /// <summary>
    /// Consent to (业务主管单位) or first-review (街道) the applications addressed to one's unit or street; which ones is
    /// decided by the account's link, never by the permission alone.
    /// </summary>
    public const string PreReview = "Organizations.PreReview";

    /// <summary>See the organizations one's supervising unit supervises or that are registered in one's street.</summary>
    public const string ViewSupervised = "Organizations.Supervised.View";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Apply, "Permission.Organizations.Apply", RegistryRoles.Applicant),
        new(ReviewApplications, "Permission.Organizations.Applications.Review", RegistryRoles.Officer),
        new(ManageRegister, "Permission.Organizations.Register.Manage", RegistryRoles.Officer),
        new(ViewRegister, "Permission.Organizations.Register.View", RegistryRoles.Officer, RegistryRoles.Leadership),
        new(PreReview, "Permission.Organizations.PreReview", RegistryRoles.SupervisingUnit, RegistryRoles.StreetOffice),
        new(ViewSupervised, "Permission.Organizations.Supervised.View", RegistryRoles.SupervisingUnit, RegistryRoles.StreetOffice),
    ];
}
