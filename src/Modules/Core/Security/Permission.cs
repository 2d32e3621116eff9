using System.Diagnostics.CodeAnalysis;

namespace Registry.Core.Security;

/// <summary>A named permission with the roles that receive it when the setup recipe runs.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a permission; the domain word reads best.")]
public sealed record Permission(string Name, string DescriptionKey, params string[] DefaultRoles)
{
    /// <summary>Claim type under which granted permissions are stored as role claims.</summary>
    public const string ClaimType = "permission";

    /// <summary>Authorization policy names for permissions carry this prefix.</summary>
    public const string PolicyPrefix = "perm:";

    public string PolicyName => PolicyPrefix + Name;
}
