using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>What an account acts for outside the bureau: a supervising unit, a street, or neither.</summary>
public sealed record PartyScope(int? UnitId, string? UnitName, string? Street)
{
    public static readonly PartyScope None = new(null, null, null);

    public bool IsEmpty => UnitId is null && Street is null;
}

/// <summary>Who reviews an application before the bureau, and where.</summary>
public sealed record PreReviewTarget(PreReviewParty Party, int? UnitId, string? Street);

/// <summary>
/// Supervising units' and street offices' reach: the organizations and applications an account may see and answer, and
/// who must review an application before the bureau (only a unit or street with an enabled account is online; elsewhere
/// the uploaded consent scan stands in for a unit, and the bureau alone reviews a filing).
/// </summary>
public sealed class PartyAccess(DbContext db)
{
    public async Task<PartyScope> ScopeAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return PartyScope.None;
        }

        var unit = await db.Set<SupervisingUnitAccount>().AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Set<SupervisingUnit>(), a => a.SupervisingUnitId, u => u.Id, (a, u) => new { u.Id, u.Name })
            .SingleOrDefaultAsync(cancellationToken);
        var street = await db.Set<StreetOfficeAccount>().AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Street).SingleOrDefaultAsync(cancellationToken);
        return new PartyScope(unit?.Id, unit?.Name, street);
    }

    /// <summary>The organizations in <paramref name="scope"/>: supervised by its unit or registered in its street.</summary>
    public IQueryable<Organization> Organizations(PartyScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var unitId = scope.UnitId;
        var street = scope.Street;
        return db.Set<Organization>().AsNoTracking()
            .Where(o => (unitId != null && o.SupervisingUnitId == unitId) || (street != null && o.Street == street));
    }

    /// <summary>The applications addressed to <paramref name="scope"/> for review before the bureau (waiting or answered).</summary>
    public IQueryable<RegistrationApplication> Applications(PartyScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var unitId = scope.UnitId;
        var street = scope.Street;
        return db.Set<RegistrationApplication>()
            .Where(a => (unitId != null && a.PreReviewParty == PreReviewParty.SupervisingUnit && a.PreReviewUnitId == unitId)
                || (street != null && a.PreReviewParty == PreReviewParty.StreetOffice && a.PreReviewStreet == street));
    }

    /// <summary>The submitted applications (never drafts) concerning one organization, to be shown to its unit or street.</summary>
    public IQueryable<RegistrationApplication> ApplicationsOf(int organizationId) =>
        db.Set<RegistrationApplication>().AsNoTracking().Where(a => a.OrganizationId == organizationId && a.State != ApplicationState.Draft);

    /// <summary>Whether <paramref name="application"/> is addressed to <paramref name="scope"/>.</summary>
    public static bool IsAddressedTo(RegistrationApplication application, PartyScope scope)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(scope);
        return application.PreReviewParty switch
        {
            PreReviewParty.SupervisingUnit => scope.UnitId is { } unit && application.PreReviewUnitId == unit,
            PreReviewParty.StreetOffice => scope.Street is { } street && application.PreReviewStreet == street,
            _ => false,
        };
    }

    /// <summary>
    /// Who reviews <paramref name="application"/> before the bureau: for 成立 the unit the form names, for 变更 and 注销 the
    /// organization's unit (社团条例 第九、十八、十九条: the supervising unit's consent comes first), for 社区社会组织备案 the
    /// office of the form's street; null when that unit or street has no enabled account (or there is none: name approval,
    /// directly registered organizations).
    /// </summary>
    public async Task<PreReviewTarget?> TargetAsync(RegistrationApplication application, ApplicationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(form);
        int? unitId = application.Kind switch
        {
            ApplicationKind.Establishment => await UnitIdByNameAsync(form.SupervisingUnit, cancellationToken),
            ApplicationKind.Change or ApplicationKind.Deregistration when application.OrganizationId is { } id =>
                await db.Set<Organization>().Where(o => o.Id == id).Select(o => o.SupervisingUnitId).SingleOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (unitId is { } unit && await UnitAccounts(unit).AnyAsync(cancellationToken))
        {
            return new PreReviewTarget(PreReviewParty.SupervisingUnit, unit, null);
        }

        var street = form.Street.Trim();
        if (application.Kind == ApplicationKind.CommunityFiling && street.Length > 0 && await StreetAccounts(street).AnyAsync(cancellationToken))
        {
            return new PreReviewTarget(PreReviewParty.StreetOffice, null, street);
        }

        return null;
    }

    /// <summary>The enabled accounts that answer for <paramref name="target"/> (to be told an application waits).</summary>
    public Task<List<string>> AccountsAsync(PreReviewTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Party == PreReviewParty.SupervisingUnit ? UnitAccounts(target.UnitId!.Value).ToListAsync(cancellationToken) : StreetAccounts(target.Street!).ToListAsync(cancellationToken);
    }

    /// <summary>The registry's unit of that exact name (trimmed); null when the text is empty or names no unit in the registry.</summary>
    public async Task<int?> UnitIdByNameAsync(string? name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : await db.Set<SupervisingUnit>().Where(u => u.Name == trimmed).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken);
    }

    private IQueryable<string> UnitAccounts(int unitId) =>
        db.Set<SupervisingUnitAccount>().Where(a => a.SupervisingUnitId == unitId)
            .Where(a => db.Set<RegistryUser>().Any(u => u.Id == a.UserId && !u.IsDisabled)).Select(a => a.UserId);

    private IQueryable<string> StreetAccounts(string street) =>
        db.Set<StreetOfficeAccount>().Where(a => a.Street == street)
            .Where(a => db.Set<RegistryUser>().Any(u => u.Id == a.UserId && !u.IsDisabled)).Select(a => a.UserId);
}
