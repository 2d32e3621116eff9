using Registry.Core.Security;

namespace Registry.Supervision;

/// <summary>Permissions of supervision: penalty cases, complaints, spot checks.</summary>
public static class SupervisionPermissions
{
    /// <summary>Open and conduct administrative penalty cases (行政处罚) and print decisions.</summary>
    public const string ManageCases = "Supervision.ManageCases";

    /// <summary>Read, triage, assign and answer complaints and tips (投诉举报); see who complained.</summary>
    public const string HandleComplaints = "Supervision.HandleComplaints";

    /// <summary>Prepare, commit and draw 双随机 plans; record and publish check results.</summary>
    public const string ManagePlans = "Supervision.ManagePlans";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ManageCases, "Permission.Supervision.ManageCases", RegistryRoles.Officer),
        new(HandleComplaints, "Permission.Supervision.HandleComplaints", RegistryRoles.Officer),
        new(ManagePlans, "Permission.Supervision.ManagePlans", RegistryRoles.Officer),
    ];
}
