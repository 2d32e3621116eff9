using System.Security.Claims;
using Registry.Content.Domain;
using Registry.Core.Security;

namespace Registry.Content;

/// <summary>What one may do with items of a content type; each is a permission of its own per type.</summary>
public enum ContentAction
{
    /// <summary>Write new items of the type.</summary>
    Create,

    /// <summary>Edit, submit and restore items one wrote.</summary>
    EditOwn,

    /// <summary>Edit, submit and restore anyone's items.</summary>
    EditAny,

    /// <summary>Approve or return at a review level (审核).</summary>
    Review,

    /// <summary>Publish, schedule, unpublish and archive (签发).</summary>
    Publish,

    Delete,
}

/// <summary>
/// Permissions per content type, generated from its definition: <c>Content.{Type}.{Action}</c> for every
/// <see cref="ContentAction"/>. Defaults: 信息员 (editor) create and edit their own; officers every action; admins hold
/// every permission anyway. The back-office pages are opened by <see cref="ContentPermissions"/>; what a page does to an
/// item also needs the item's type permission, so a role can be limited to some types (e.g. policies only).
/// A module that declares a type lists <see cref="For"/> of it among its permissions.
/// </summary>
public static class ContentTypePermissions
{
    public static string Name(string type, ContentAction action) => $"Content.{type}.{action}";

    public static IReadOnlyList<Permission> For(IContentTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return [.. Enum.GetValues<ContentAction>().Select(action => new Permission(Name(type.Name, action), $"Permission.Content.{type.Name}.{action}", DefaultRoles(action)))];
    }

    /// <summary>Whether the user may take the action on items of the type.</summary>
    public static bool May(this ClaimsPrincipal user, string type, ContentAction action) => user.HasPermission(Name(type, action));

    /// <summary>Edit rights on an item: anyone's items of the type, or one's own with <see cref="ContentAction.EditOwn"/>.</summary>
    public static bool MayEdit(this ClaimsPrincipal user, string type, bool own) =>
        user.May(type, ContentAction.EditAny) || (own && user.May(type, ContentAction.EditOwn));

    private static string[] DefaultRoles(ContentAction action) => action is ContentAction.Create or ContentAction.EditOwn
        ? [RegistryRoles.Editor, RegistryRoles.Officer]
        : [RegistryRoles.Officer];
}
