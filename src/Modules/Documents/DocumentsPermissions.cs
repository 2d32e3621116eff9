using Registry.Core.Security;

namespace Registry.Documents;

/// <summary>Permissions of the formal documents (文书).</summary>
public static class DocumentsPermissions
{
    /// <summary>See and download every issued document.</summary>
    public const string ViewAll = "Documents.ViewAll";

    /// <summary>Reissue a corrected document that supersedes the earlier one.</summary>
    public const string Reissue = "Documents.Reissue";

    /// <summary>Edit the document templates and 文号 formats.</summary>
    public const string ManageTemplates = "Documents.ManageTemplates";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ViewAll, "Permission.Documents.ViewAll", RegistryRoles.Admin, RegistryRoles.Officer),
        new(Reissue, "Permission.Documents.Reissue", RegistryRoles.Officer),
        new(ManageTemplates, "Permission.Documents.ManageTemplates", RegistryRoles.Admin),
    ];
}
