namespace Registry.Core.Security;

/// <summary>All permissions declared by the loaded modules.</summary>
public interface IPermissionCatalog
{
    IReadOnlyList<Permission> All { get; }

    Permission? Find(string name);
}

internal sealed class PermissionCatalog(IEnumerable<Permission> permissions) : IPermissionCatalog
{
    public IReadOnlyList<Permission> All { get; } = [.. permissions.DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal)];

    public Permission? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
