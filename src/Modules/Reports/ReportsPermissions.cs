using Registry.Core.Security;

namespace Registry.Reports;

/// <summary>Permissions of the bureau's statistics.</summary>
public static class ReportsPermissions
{
    /// <summary>See the dashboard and the work summary, and export their tables.</summary>
    public const string View = "Reports.View";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, "Permission.Reports.View", RegistryRoles.Officer, RegistryRoles.Leadership),
    ];
}
