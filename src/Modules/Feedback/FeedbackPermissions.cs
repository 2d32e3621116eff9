using Registry.Core.Security;

namespace Registry.Feedback;

/// <summary>Permissions of the 好差评: rating one's own services, reading the ratings, handling the follow-ups of 差评.</summary>
public static class FeedbackPermissions
{
    /// <summary>Rate the completed services of one's own organizations and applications.</summary>
    public const string Rate = "Feedback.Rate";

    /// <summary>Read every rating and follow-up (the officers' list).</summary>
    public const string ViewRatings = "Feedback.ViewRatings";

    /// <summary>Answer and close the follow-ups (整改/回访) of 差评.</summary>
    public const string HandleFollowUps = "Feedback.HandleFollowUps";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Rate, "Permission.Feedback.Rate", RegistryRoles.Applicant),
        new(ViewRatings, "Permission.Feedback.ViewRatings", RegistryRoles.Officer, RegistryRoles.Admin, RegistryRoles.Leadership),
        new(HandleFollowUps, "Permission.Feedback.HandleFollowUps", RegistryRoles.Officer, RegistryRoles.Admin),
    ];
}
