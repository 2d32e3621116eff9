using Registry.Core.Security;

namespace Registry.Core;

/// <summary>Permissions of the platform itself: back office, accounts, calendar, audit, files.</summary>
public static class CorePermissions
{
    public const string BackOffice = "Core.BackOffice";
    public const string ManageUsers = "Core.Users.Manage";
    public const string ViewCalendar = "Core.Calendar.View";
    public const string ManageCalendar = "Core.Calendar.Manage";
    public const string ViewAudit = "Core.Audit.View";
    public const string ReadAllFiles = "Core.Files.ReadAll";

    /// <summary>The role editor: which permissions each role holds (Admin only by default: it can grant anything).</summary>
    public const string ManageRoles = "Core.Roles.Manage";

    /// <summary>The settings screen: local rules that recipes set (periods, checklists, name rules …).</summary>
    public const string ManageSettings = "Core.Settings.Manage";

    // Admins hold every permission implicitly, so Admin-only permissions list no default role.
    public static readonly IReadOnlyList<Permission> All =
    [
        new(BackOffice, "Permission.Core.BackOffice", RegistryRoles.Officer, RegistryRoles.Reviewer, RegistryRoles.Editor, RegistryRoles.Leadership),
        new(ManageUsers, "Permission.Core.Users.Manage"),
        new(ViewCalendar, "Permission.Core.Calendar.View", RegistryRoles.Officer),
        new(ManageCalendar, "Permission.Core.Calendar.Manage"),
        new(ViewAudit, "Permission.Core.Audit.View"),
        new(ReadAllFiles, "Permission.Core.Files.ReadAll", RegistryRoles.Officer),
        new(ManageRoles, "Permission.Core.Roles.Manage"),
        new(ManageSettings, "Permission.Core.Settings.Manage"),
    ];
}
