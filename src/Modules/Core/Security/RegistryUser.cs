using Microsoft.AspNetCore.Identity;

namespace Registry.Core.Security;

/// <summary>An account: applicant staff, officer, reviewer or admin.</summary>
public sealed class RegistryUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Disabled accounts cannot sign in; kept rather than deleted for the audit trail.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }

    public string PreferredCulture { get; set; } = "zh-CN";
}

/// <summary>A role; permissions are its claims of type <see cref="Permission.ClaimType"/>.</summary>
public sealed class RegistryRole : IdentityRole
{
    public RegistryRole()
    {
    }

    public RegistryRole(string name)
        : base(name)
    {
    }

    /// <summary>The name an administrator gave the role; null shows the built-in role's localized name (<c>Role.{Name}</c>) or its name.</summary>
    public string? DisplayName { get; set; }
}

/// <summary>Claims the app adds to the sign-in cookie.</summary>
public static class RegistryClaims
{
    /// <summary>The person's name, shown instead of their email.</summary>
    public const string DisplayName = "registry:display_name";
}
