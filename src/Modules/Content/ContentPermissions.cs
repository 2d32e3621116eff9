using Registry.Core.Security;

namespace Registry.Content;

/// <summary>
/// Permissions that open the content back office's pages, per action as government sites split them; what a page does to
/// an item also needs that item's type permission (<see cref="ContentTypePermissions"/>).
/// </summary>
public static class ContentPermissions
{
    /// <summary>Create items and edit one's own drafts.</summary>
    public const string Create = "Content.Create";

    /// <summary>Edit any item, whoever wrote it.</summary>
    public const string EditAny = "Content.EditAny";

    /// <summary>Approve or return a submitted item at a review level (审核).</summary>
    public const string Review = "Content.Review";

    /// <summary>Publish, schedule, unpublish and archive (终审/签发).</summary>
    public const string Publish = "Content.Publish";

    /// <summary>Delete items and media.</summary>
    public const string Delete = "Content.Delete";

    /// <summary>Edit menus, the composed home page and the site's footer settings.</summary>
    public const string ManageSite = "Content.ManageSite";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Create, "Permission.Content.Create", RegistryRoles.Editor, RegistryRoles.Officer),
        new(EditAny, "Permission.Content.EditAny", RegistryRoles.Officer),
        new(Review, "Permission.Content.Review", RegistryRoles.Officer),
        new(Publish, "Permission.Content.Publish", RegistryRoles.Officer),
        new(Delete, "Permission.Content.Delete", RegistryRoles.Officer),
        new(ManageSite, "Permission.Content.ManageSite", RegistryRoles.Officer),
    ];
}
