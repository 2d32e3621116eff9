using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Security;

/// <summary>The one query for "which accounts hold permission X" (pools of reviewers, experts, recipients of a notice).</summary>
public static class PermissionHolders
{
    /// <summary>
    /// Enabled accounts in a role granted any of <paramref name="permissions"/>, ordered by e-mail, read without tracking.
    /// Administrators hold every permission without a claim; they are included only when <paramref name="includeAdministrators"/>
    /// (a warning to the keepers of the calendar), not in pools of reviewers or experts.
    /// </summary>
    public static async Task<List<RegistryUser>> EnabledAsync(DbContext db, IReadOnlyCollection<string> permissions, bool includeAdministrators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(permissions);
        var roleIds = await db.Set<RegistryRole>()
            .Where(r => (includeAdministrators && r.Name == RegistryRoles.Admin)
                || db.Set<IdentityRoleClaim<string>>().Any(c => c.RoleId == r.Id && c.ClaimType == Permission.ClaimType && permissions.Contains(c.ClaimValue!)))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var userIds = db.Set<IdentityUserRole<string>>().Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Set<RegistryUser>().AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && !u.IsDisabled)
            .OrderBy(u => u.Email)
            .ToListAsync(cancellationToken);
    }
}
