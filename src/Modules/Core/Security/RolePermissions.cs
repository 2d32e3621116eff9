using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Outbox;

namespace Registry.Core.Security;

/// <summary>
/// The permissions each role holds now, as the role editor last saved them (role claims in the database), cached per node.
/// A save moves the local cache on at once; other nodes move on when the change feed brings <see cref="Topic"/>, and
/// entries never outlive <see cref="MaxAge"/> whatever happens to the feed.
/// </summary>
public sealed class RolePermissionCache(IMemoryCache cache)
{
    public const string Topic = "core.roles-changed";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private long _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Role name → permission names, loaded once per generation.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> GetAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = "core-role-permissions:" + Interlocked.Read(ref _generation).ToString(CultureInfo.InvariantCulture);
        if (cache.TryGetValue(key, out IReadOnlyDictionary<string, IReadOnlySet<string>>? map) && map is not null)
        {
            return map;
        }

        map = await LoadAsync(db, cancellationToken);
        cache.Set(key, map, MaxAge);
        return map;
    }

    internal static async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> LoadAsync(DbContext db, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.Set<RegistryRole>().AsNoTracking()
                          join c in db.Set<IdentityRoleClaim<string>>().AsNoTracking().Where(c => c.ClaimType == Permission.ClaimType) on r.Id equals c.RoleId into claims
                          from c in claims.DefaultIfEmpty()
                          select new { r.Name, Value = c == null ? null : c.ClaimValue })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Name is not null)
            .GroupBy(r => r.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Where(r => r.Value is not null).Select(r => r.Value!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}

/// <summary>
/// Replaces the permission claims a sign-in cookie carries with those the user's roles hold now, on every request, so a
/// permission the administrator removes from a role is refused at once, without waiting for the cookie to be renewed.
/// The database context is resolved only for a signed-in user: the authentication middleware builds this transformation
/// on every request, and an anonymous page (most of the public site's traffic) needs no context.
/// </summary>
internal sealed class RolePermissionClaimsTransformation(IServiceProvider services, RolePermissionCache cache) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true })
        {
            return principal;
        }

        var map = await cache.GetAsync(services.GetRequiredService<DbContext>(), CancellationToken.None);
        return RolePermissionClaims.Apply(principal, map);
    }
}

/// <summary>The resolution rule on its own (tested without a database).</summary>
public static class RolePermissionClaims
{
    /// <summary>A copy of <paramref name="principal"/> whose permission claims are exactly the union of its roles' permissions in <paramref name="map"/>.</summary>
    public static ClaimsPrincipal Apply(ClaimsPrincipal principal, IReadOnlyDictionary<string, IReadOnlySet<string>> map)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(map);
        var copy = principal.Clone();
        foreach (var identity in copy.Identities)
        {
            foreach (var stale in identity.FindAll(Permission.ClaimType).ToList())
            {
                identity.RemoveClaim(stale);
            }

            var granted = identity.FindAll(identity.RoleClaimType)
                .SelectMany(role => map.TryGetValue(role.Value, out var permissions) ? permissions : Enumerable.Empty<string>())
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var permission in granted)
            {
                identity.AddClaim(new Claim(Permission.ClaimType, permission));
            }
        }

        return copy;
    }
}

/// <summary>Moves every node's role cache on when a role changed on any node.</summary>
internal sealed class RolePermissionCacheInvalidator(RolePermissionCache cache) : IOutboxConsumer
{
    public string Name => "core-role-permissions";

    public bool PerNode => true;

    public bool Accepts(string topic) => topic == RolePermissionCache.Topic;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }
}
