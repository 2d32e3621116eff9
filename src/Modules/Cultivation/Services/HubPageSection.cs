using Microsoft.EntityFrameworkCore;
using Registry.Cultivation.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Services;

/// <summary>What an organization's public page says of hubs: the fields it is a hub for, and the hubs it is a member of.</summary>
public sealed record HubLabels(IReadOnlyList<(int BatchNumber, string Field, string? Street)> HubFor, IReadOnlyList<(int HubOrganizationId, string HubName, string Field)> MemberOf);

internal sealed class HubPageSection(DbContext db) : IOrganizationPageSection
{
    public int Order => 15;

    public string PartialPath => "/Areas/Cultivation/Pages/Shared/_OrganizationHubs.cshtml";

    public async Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken)
    {
        var hubFor = await db.Set<Hub>().AsNoTracking().Where(h => h.OrganizationId == organizationId && h.State == HubState.Recognized)
            .Join(db.Set<HubBatch>(), h => h.BatchId, b => b.Id, (h, b) => new { b.Number, h.Field, h.Street })
            .OrderBy(h => h.Number).ToListAsync(cancellationToken);
        var memberOf = await db.Set<HubMember>().AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Join(db.Set<Hub>(), m => m.HubId, h => h.Id, (m, h) => new { h.OrganizationId, h.OrganizationName, h.Field, h.State })
            .Where(h => h.State == HubState.Recognized).OrderBy(h => h.Field).ToListAsync(cancellationToken);
        return hubFor.Count == 0 && memberOf.Count == 0
            ? null
            : new HubLabels([.. hubFor.Select(h => (h.Number, h.Field, h.Street))], [.. memberOf.Select(m => (m.OrganizationId, m.OrganizationName, m.Field))]);
    }
}
