using Registry.Core.Security;

namespace Registry.Grants;

/// <summary>Permissions of the venture fund (公益创投) and the bureau's other project funds.</summary>
public static class GrantsPermissions
{
    /// <summary>Apply for a grant for one's own organizations and follow the applications.</summary>
    public const string Apply = "Grants.Apply";

    /// <summary>Score the applications one is assigned to, after declaring no conflict of interest.</summary>
    public const string Review = "Grants.Review";

    /// <summary>Set up rounds, screen, assign reviewers, see scores, allocate, publish the shortlist and award.</summary>
    public const string Manage = "Grants.Manage";

    /// <summary>A street office's recommendation opinion (推荐意见) on applications from organizations in its street (only those).</summary>
    public const string Recommend = "Grants.Recommend";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Apply, "Permission.Grants.Apply", RegistryRoles.Applicant),
        new(Review, "Permission.Grants.Review", RegistryRoles.Reviewer),
        new(Manage, "Permission.Grants.Manage", RegistryRoles.Officer),
        new(Recommend, "Permission.Grants.Recommend", RegistryRoles.StreetOffice),
    ];
}
