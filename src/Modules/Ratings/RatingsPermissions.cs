using Registry.Core.Security;

namespace Registry.Ratings;

/// <summary>Permissions of A-grade ratings (社会组织等级评估).</summary>
public static class RatingsPermissions
{
    /// <summary>Apply for a rating and file review requests for one's own organizations.</summary>
    public const string Apply = "Ratings.Apply";

    /// <summary>Score the applications one is assigned to, after declaring no conflict of interest.</summary>
    public const string Score = "Ratings.Score";

    /// <summary>Open campaigns, check eligibility, assign panels, record committee decisions, publish, announce, downgrade.</summary>
    public const string Manage = "Ratings.Manage";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Apply, "Permission.Ratings.Apply", RegistryRoles.Applicant),
        new(Score, "Permission.Ratings.Score", RegistryRoles.Reviewer),
        new(Manage, "Permission.Ratings.Manage", RegistryRoles.Officer),
    ];
}
