using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>The supervising-unit registry behind <see cref="ISupervisingUnits"/>, with the same reach as <see cref="PartyAccess"/>.</summary>
internal sealed class SupervisingUnitDirectory(DbContext db, PartyAccess parties) : ISupervisingUnits
{
    public async Task<SupervisingUnitSummary?> OfUserAsync(string userId, CancellationToken cancellationToken)
    {
        var scope = await parties.ScopeAsync(userId, cancellationToken);
        return scope.UnitId is { } id ? new SupervisingUnitSummary(id, scope.UnitName!) : null;
    }

    public async Task<SupervisingUnitSummary?> OnlineUnitOfAsync(int organizationId, CancellationToken cancellationToken)
    {
        var unit = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == organizationId && o.SupervisingUnitId != null)
            .Join(db.Set<SupervisingUnit>(), o => o.SupervisingUnitId, u => u.Id, (o, u) => new { u.Id, u.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return unit is not null && (await AccountsAsync(unit.Id, cancellationToken)).Count > 0 ? new SupervisingUnitSummary(unit.Id, unit.Name) : null;
    }

    public async Task<IReadOnlyList<string>> AccountsAsync(int unitId, CancellationToken cancellationToken) =>
        await db.Set<SupervisingUnitAccount>().AsNoTracking().Where(a => a.SupervisingUnitId == unitId)
            .Where(a => db.Set<RegistryUser>().Any(u => u.Id == a.UserId && !u.IsDisabled)).Select(a => a.UserId).OrderBy(id => id).ToListAsync(cancellationToken);
}
