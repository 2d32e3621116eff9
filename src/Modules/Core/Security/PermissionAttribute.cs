using Microsoft.AspNetCore.Authorization;

namespace Registry.Core.Security;

/// <summary>Requires the named permission on a page model or endpoint.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class PermissionAttribute(string permission) : AuthorizeAttribute(Permission.PolicyPrefix + permission)
{
    public string Name { get; } = permission;
}
