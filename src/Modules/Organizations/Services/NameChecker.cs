using Microsoft.EntityFrameworkCore;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>A pending application whose name clashes (the officer's warning links to it).</summary>
public sealed record ClashingApplication(int Id, string? ReceiptNumber, string Title);

/// <summary>Result of a name check: exact clashes refuse, near ones warn; <paramref name="Applications"/> are the pending applications among the clashes.</summary>
public sealed record NameCheck(IReadOnlyList<string> Clashes, IReadOnlyList<string> Similar, IReadOnlyList<ClashingApplication> Applications)
{
    public bool IsFree => Clashes.Count == 0;
}

/// <summary>Compares a name with active organizations, reserved names and names in pending applications.</summary>
public sealed class NameChecker(DbContext db)
{
    private static readonly ApplicationState[] Pending = [ApplicationState.Submitted, ApplicationState.Returned, ApplicationState.Accepted, ApplicationState.UnderReview];

    // ignoreApplicationIds: the application being checked and, for an establishment, the name approval whose reservation it uses.
    public async Task<NameCheck> CheckAsync(string name, NameRules rules, DateOnly today, int? ignoreOrganizationId, IReadOnlyCollection<int> ignoreApplicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var normalized = rules.Normalize(name);
        var taken = new List<(string Name, string Normalized)>();
        taken.AddRange((await db.Set<Organization>().AsNoTracking()
                .Where(o => o.Status == OrganizationStatus.Active && o.Id != ignoreOrganizationId)
                .Select(o => new { o.Name, o.NormalizedName })
                .ToListAsync(cancellationToken))
            .Select(o => (o.Name, o.NormalizedName)));
        taken.AddRange((await db.Set<NameReservation>().AsNoTracking()
                .Where(r => r.ReservedUntil >= today && r.UsedByOrganizationId == null && !ignoreApplicationIds.Contains(r.ApplicationId))
                .Select(r => new { r.Name, r.NormalizedName })
                .ToListAsync(cancellationToken))
            .Select(r => (r.Name, r.NormalizedName)));
        var pending = await db.Set<RegistrationApplication>().AsNoTracking()
            .Where(a => Pending.Contains(a.State) && !ignoreApplicationIds.Contains(a.Id) && a.Kind != ApplicationKind.Deregistration)
            .Select(a => new ClashingApplication(a.Id, a.ReceiptNumber, a.Title))
            .ToListAsync(cancellationToken);
        var pendingNames = pending.SelectMany(a => a.Title.Split('、', StringSplitOptions.RemoveEmptyEntries).Select(t => (Application: a, Name: t, Normalized: rules.Normalize(t)))).ToList();
        taken.AddRange(pendingNames.Select(p => (p.Name, p.Normalized)));

        var clashes = taken.Where(t => t.Normalized == normalized).Select(t => t.Name).Distinct().ToList();
        var similar = taken.Where(t => t.Normalized != normalized && NameRules.AreSimilar(t.Normalized, normalized)).Select(t => t.Name).Distinct().Take(10).ToList();
        var applications = pendingNames.Where(p => p.Normalized == normalized).Select(p => p.Application).DistinctBy(a => a.Id).ToList();
        return new NameCheck(clashes, similar, applications);
    }
}
