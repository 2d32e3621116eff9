using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Outbox;

namespace Registry.Core.Security;

/// <summary>A role as the editor shows it: its key, the name an administrator gave it, its permissions and how many accounts hold it.</summary>
public sealed record RoleView(string Name, string? DisplayName, bool IsBuiltIn, IReadOnlySet<string> Permissions, int UserCount, string ConcurrencyStamp);

/// <summary>What an administrator may do to roles (issue 19: a role editor; no code change to add a role).</summary>
public static partial class RoleRules
{
    public const int MaxName = 50;

    public const int MaxDisplayName = 50;

    /// <summary>Built-in roles are the ones the code names (<see cref="RegistryRoles.All"/>): modules grant them permissions by default, so they stay.</summary>
    public static bool IsBuiltIn(string name) => RegistryRoles.All.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>A new role's key: ASCII letters and digits, starting with a letter (it is stored in sign-in cookies and recipes).</summary>
    public static IReadOnlyList<FormError> CheckNew(string? name, string? displayName)
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxName || !NamePattern().IsMatch(name))
        {
            errors.Add(new FormError("Name", "Roles.Error.NameFormat", MaxName));
        }

        errors.AddRange(CheckDisplayName(name ?? "", displayName));
        return errors;
    }

    /// <summary>A custom role needs a display name; a built-in one may go back to its localized name (empty).</summary>
    public static IReadOnlyList<FormError> CheckDisplayName(string name, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return IsBuiltIn(name) ? [] : [new FormError("DisplayName", "Roles.Error.DisplayNameRequired")];
        }

        return displayName.Trim().Length > MaxDisplayName ? [new FormError("DisplayName", "Roles.Error.DisplayNameLength", MaxDisplayName)] : [];
    }

    /// <summary>
    /// The permissions a role may be given: only declared ones. The built-in administrator holds every permission
    /// implicitly (<see cref="PermissionPrincipalExtensions.HasPermission"/>), so its set is not edited and it cannot be locked out.
    /// </summary>
    public static IReadOnlyList<FormError> CheckPermissions(string name, IReadOnlyCollection<string> permissions, IPermissionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.Equals(name, RegistryRoles.Admin, StringComparison.OrdinalIgnoreCase))
        {
            return permissions.Count == 0 ? [] : [new FormError("", "Roles.Error.AdminHoldsAll")];
        }

        var unknown = permissions.Where(p => catalog.Find(p) is null).ToList();
        return unknown.Count == 0 ? [] : [new FormError("", "Roles.Error.UnknownPermission", string.Join(", ", unknown))];
    }

    /// <summary>Only a role the code does not name, held by nobody, may be deleted (accounts never lose a role silently).</summary>
    public static IReadOnlyList<FormError> CheckDelete(string name, int userCount) =>
        IsBuiltIn(name) ? [new FormError("", "Roles.Error.BuiltIn")]
        : userCount > 0 ? [new FormError("", "Roles.Error.HasUsers", userCount)]
        : [];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex NamePattern();
}

/// <summary>The role's display name as people read it.</summary>
public static class RoleLabels
{
    /// <summary>The administrator's name for the role, else the built-in role's localized name, else its key.</summary>
    public static string Label(this IStringLocalizer localizer, string name, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            return displayName;
        }

        var text = localizer[$"Role.{name}"];
        return text.ResourceNotFound ? name : text.Value;
    }
}

/// <summary>Creates, renames, grants and deletes roles; each change audited, published for the other nodes, concurrency-checked.</summary>
public sealed class RoleEditor(DbContext db, RoleManager<RegistryRole> roles, IPermissionCatalog catalog, IAuditTrail audit, IOutbox outbox, RolePermissionCache cache)
{
    public async Task<IReadOnlyList<RoleView>> ListAsync(CancellationToken cancellationToken)
    {
        var map = await RolePermissionCache.LoadAsync(db, cancellationToken);
        var counts = await db.Set<IdentityUserRole<string>>().AsNoTracking().GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var all = await db.Set<RegistryRole>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. all.Where(r => r.Name is not null)
            .Select(r => new RoleView(r.Name!, r.DisplayName, RoleRules.IsBuiltIn(r.Name!), map.GetValueOrDefault(r.Name!) ?? new HashSet<string>(), counts.GetValueOrDefault(r.Id), r.ConcurrencyStamp ?? ""))
            .OrderBy(r => r.IsBuiltIn ? RegistryRoles.All.TakeWhile(n => n != r.Name).Count() : int.MaxValue)
            .ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    public async Task<RoleView?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>A new role, starting with the permissions modules declare for that name by default (none for a name no module knows).</summary>
    public async Task<OperationResult> CreateAsync(string? name, string? displayName, CancellationToken cancellationToken)
    {
        var errors = RoleRules.CheckNew(name, displayName).ToList();
        if (errors.Count == 0 && await roles.RoleExistsAsync(name!))
        {
            errors.Add(new FormError("Name", "Roles.Error.NameTaken", name!));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var role = new RegistryRole(name!) { DisplayName = Normalize(displayName) };
        db.Add(role);
        foreach (var permission in catalog.All.Where(p => p.DefaultRoles.Contains(name!, StringComparer.Ordinal)))
        {
            db.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = Permission.ClaimType, ClaimValue = permission.Name });
        }

        role.NormalizedName = roles.NormalizeKey(name);
        audit.Record("role.created", "Role", role.Name!, $"{role.Name} \"{role.DisplayName}\"");
        return await CommitAsync(cancellationToken);
    }

    /// <summary>Sets the display name and the exact set of permissions, as the form saw the role at <paramref name="seenStamp"/>.</summary>
    public async Task<OperationResult> SaveAsync(string name, string? displayName, IReadOnlyCollection<string> permissions, string seenStamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var role = await db.Set<RegistryRole>().SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (role is null)
        {
            return OperationResult.Fail("", "Roles.Error.NotFound", name);
        }

        var errors = RoleRules.CheckDisplayName(name, displayName).Concat(RoleRules.CheckPermissions(name, permissions, catalog)).ToList();
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var claims = await db.Set<IdentityRoleClaim<string>>().Where(c => c.RoleId == role.Id && c.ClaimType == Permission.ClaimType).ToListAsync(cancellationToken);
        var held = claims.Select(c => c.ClaimValue!).ToHashSet(StringComparer.Ordinal);
        var added = permissions.Distinct(StringComparer.Ordinal).Where(p => !held.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var removed = claims.Where(c => !permissions.Contains(c.ClaimValue!)).ToList();
        var newDisplayName = Normalize(displayName);
        var renamed = !string.Equals(role.DisplayName, newDisplayName, StringComparison.Ordinal);

        // The stamp the form carried: saving fails as a conflict when someone changed the role since.
        db.Entry(role).Property(r => r.ConcurrencyStamp).OriginalValue = seenStamp;
        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (renamed)
        {
            audit.Record("role.renamed", "Role", name, $"\"{role.DisplayName}\" → \"{newDisplayName}\"");
            role.DisplayName = newDisplayName;
        }

        db.RemoveRange(removed);
        foreach (var permission in added)
        {
            db.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = Permission.ClaimType, ClaimValue = permission });
        }

        if (added.Count > 0 || removed.Count > 0)
        {
            audit.Record("role.permissions-changed", "Role", name, $"+[{string.Join(',', added)}] -[{string.Join(',', removed.Select(c => c.ClaimValue).Order(StringComparer.Ordinal))}]");
        }

        return await CommitAsync(cancellationToken);
    }

    public async Task<OperationResult> DeleteAsync(string name, string seenStamp, CancellationToken cancellationToken)
    {
        var role = await db.Set<RegistryRole>().SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (role is null)
        {
            return OperationResult.Fail("", "Roles.Error.NotFound", name);
        }

        var users = await db.Set<IdentityUserRole<string>>().CountAsync(ur => ur.RoleId == role.Id, cancellationToken);
        if (RoleRules.CheckDelete(name, users) is { Count: > 0 } errors)
        {
            return new OperationResult(errors);
        }

        db.Entry(role).Property(r => r.ConcurrencyStamp).OriginalValue = seenStamp;
        db.RemoveRange(await db.Set<IdentityRoleClaim<string>>().Where(c => c.RoleId == role.Id).ToListAsync(cancellationToken));
        db.Remove(role);
        audit.Record("role.deleted", "Role", name, $"{name} \"{role.DisplayName}\"");
        return await CommitAsync(cancellationToken);
    }

    private static string? Normalize(string? displayName) => string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();

    private async Task<OperationResult> CommitAsync(CancellationToken cancellationToken)
    {
        outbox.Publish(RolePermissionCache.Topic, new { });
        var result = await db.SaveOrConflictAsync(cancellationToken);
        if (result.Succeeded)
        {
            cache.Invalidate();
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }
}

internal sealed class RegistryRoleConfiguration : IEntityTypeConfiguration<RegistryRole>
{
    public void Configure(EntityTypeBuilder<RegistryRole> builder) => builder.Property(r => r.DisplayName).HasMaxLength(RoleRules.MaxDisplayName);
}
