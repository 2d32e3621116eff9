using Registry.Core.Security;

namespace Registry.Notices;

/// <summary>Permissions of public notices (公示公告).</summary>
public static class NoticesPermissions
{
    /// <summary>Write and edit notices, publish and withdraw them, answer objections.</summary>
    public const string Manage = "Notices.Manage";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Manage, "Permission.Notices.Manage", RegistryRoles.Officer),
    ];
}
