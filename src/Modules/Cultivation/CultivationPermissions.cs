using Registry.Core.Security;

namespace Registry.Cultivation;

/// <summary>Permissions of sector cultivation: hub organizations, the purchase-of-service list, incubation.</summary>
public static class CultivationPermissions
{
    /// <summary>Recognise hub organizations in batches (认定枢纽型社会组织) and link their members.</summary>
    public const string ManageHubs = "Cultivation.ManageHubs";

    /// <summary>
    /// A hub's own accounts: read their members' standing and obligations and send them reminders. Granted to applicants;
    /// each page also checks that the account acts for the hub organization.
    /// </summary>
    public const string ViewHubMembers = "Cultivation.ViewHubMembers";

    /// <summary>Open calls of the purchase-of-service list, review, publish and announce it, record contracts.</summary>
    public const string ManageServiceList = "Cultivation.ManageServiceList";

    /// <summary>Apply to the purchase-of-service list for one's own organizations (checked per organization).</summary>
    public const string ApplyServiceList = "Cultivation.ApplyServiceList";

    /// <summary>Open incubation bases (孵化基地), record entries, progress, graduations and the services given.</summary>
    public const string ManageIncubation = "Cultivation.ManageIncubation";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ManageServiceList, "Permission.Cultivation.ManageServiceList", RegistryRoles.Officer),
        new(ApplyServiceList, "Permission.Cultivation.ApplyServiceList", RegistryRoles.Applicant),
        new(ManageHubs, "Permission.Cultivation.ManageHubs", RegistryRoles.Officer),
        new(ViewHubMembers, "Permission.Cultivation.ViewHubMembers", RegistryRoles.Applicant),
        new(ManageIncubation, "Permission.Cultivation.ManageIncubation", RegistryRoles.Officer),
    ];
}
