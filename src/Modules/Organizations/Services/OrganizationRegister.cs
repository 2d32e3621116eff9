using Microsoft.EntityFrameworkCore;
using Registry.Core.Files;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

internal sealed class OrganizationRegister(DbContext db, IOutbox outbox, TimeProvider clock, Core.Auditing.IAuditTrail audit) : IOrganizationRegister
{
    private const int ChunkSize = 2000;

    public async IAsyncEnumerable<OrganizationListing> ListingsAsync(IReadOnlyCollection<int>? organizationIds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keyset paging in chunks: constant memory whatever the register's size, and former names fetched per chunk, not per row.
        // One array parameter, not one per id (EF's default): SQLite looks each named parameter up in a list when it is
        // bound, so a chunk of thousands of ids cost more to bind than to read.
        int[]? wanted = organizationIds is null ? null : [.. organizationIds];
        var afterId = 0;
        while (true)
        {
            var query = db.Set<Organization>().AsNoTracking().Where(o => o.Id > afterId);
            if (wanted is not null)
            {
                query = query.Where(o => EF.Parameter(wanted).Contains(o.Id));
            }

            // Only the columns a listing shows: the others (timestamps above all) cost more to read than the listing itself.
            var chunk = await query.OrderBy(o => o.Id).Take(ChunkSize)
                .Select(o => new
                {
                    o.Id, o.Name, o.EnglishName, o.Type, o.CreditCode, o.FilingNumber, o.Status, o.FoundedOn, o.District, o.Street, o.Community,
                    o.ServiceFields, o.BusinessScope, o.LegalRepresentative, o.HubOrganizationId, o.IsHub, o.Standing, o.Grade, o.Address,
                })
                .ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                yield break;
            }

            var formerNames = await FormerNamesAsync([.. chunk.Select(o => o.Id)], wholeRange: wanted is null, cancellationToken);
            foreach (var o in chunk)
            {
                yield return new OrganizationListing(
                    o.Id, o.Name, formerNames.TryGetValue(o.Id, out var names) ? names : [], o.EnglishName, o.Type.ToString(), o.CreditCode, o.FilingNumber,
                    o.Status.ToString(), o.FoundedOn, o.District, o.Street, o.Community, Organization.SplitServiceFields(o.ServiceFields), o.BusinessScope, o.LegalRepresentative,
                    o.HubOrganizationId, o.IsHub, o.Standing, o.Grade, o.Address);
            }

            afterId = chunk[^1].Id;
        }
    }

    /// <summary>
    /// Names the organizations of <paramref name="ids"/> (ascending) had before approved name changes, from their revisions.
    /// <paramref name="wholeRange"/>: the ids are every organization from the first to the last (a chunk of the whole
    /// register), so their revisions are read as that range of the index, with no list to bind.
    /// </summary>
    private async Task<Dictionary<int, IReadOnlyList<string>>> FormerNamesAsync(int[] ids, bool wholeRange, CancellationToken cancellationToken)
    {
        var (first, last) = (ids[0], ids[^1]);
        var renamed = db.Set<OrganizationRevision>().AsNoTracking().Where(r => r.Number > 1 && r.Changes.Contains("\"Name\""));
        renamed = wholeRange
            ? renamed.Where(r => r.OrganizationId >= first && r.OrganizationId <= last)
            : renamed.Where(r => EF.Parameter(ids).Contains(r.OrganizationId));
        var revisions = await renamed
            .OrderBy(r => r.Number)
            .Select(r => new { r.OrganizationId, r.Changes })
            .ToListAsync(cancellationToken);
        return revisions
            .SelectMany(r => (System.Text.Json.JsonSerializer.Deserialize<List<FieldChange>>(r.Changes) ?? [])
                .Where(c => c.Field == "Name" && !string.IsNullOrEmpty(c.Before))
                .Select(c => (r.OrganizationId, Name: c.Before!)))
            .GroupBy(p => p.OrganizationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Name).Distinct()]);
    }

    public async Task<OrganizationSummary?> FindAsync(int organizationId, CancellationToken cancellationToken) =>
        (await FindManyAsync([organizationId], cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<OrganizationSummary>> FindManyAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken) =>
        Summaries(await db.Set<Organization>().AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToListAsync(cancellationToken));

    public Task<RegisterFacts?> FactsAsync(int organizationId, CancellationToken cancellationToken) =>
        db.Set<Organization>().AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new RegisterFacts(o.Id, o.FoundedOn, o.IndividualMembers, o.UnitMembers, o.ActivityFundsFen, o.Address, o.LegalRepresentative))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganizationSummary>> FindByCodesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        // One array parameter (a result import brings up to 20,000 codes; one parameter each took SQLite seconds to bind).
        string[] wanted = [.. codes];
        return Summaries(await db.Set<Organization>().AsNoTracking()
            .Where(o => (o.CreditCode != null && EF.Parameter(wanted).Contains(o.CreditCode)) || (o.FilingNumber != null && EF.Parameter(wanted).Contains(o.FilingNumber)))
            .ToListAsync(cancellationToken));
    }

    private static OrganizationSummary[] Summaries(List<Organization> rows) =>
        [.. rows.Select(o => new OrganizationSummary(o.Id, o.Name, o.Type.ToString(), o.CreditCode, o.FilingNumber, o.Status.ToString(), o.FoundedOn, o.District, o.Street, o.ServiceFieldList, o.Standing, o.Grade))];

    public async Task<IReadOnlyList<int>> OrganizationsOfUserAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<OrganizationMember>().Where(m => m.UserId == userId).Select(m => m.OrganizationId).ToListAsync(cancellationToken);

    public async Task<bool> AddMemberAsync(int organizationId, string userId, bool isOrgAdmin, CancellationToken cancellationToken)
    {
        if (await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken))
        {
            return false;
        }

        db.Add(new OrganizationMember { OrganizationId = organizationId, UserId = userId, IsOrgAdmin = isOrgAdmin, Since = clock.GetUtcNow().UtcDateTime });
        audit.Record("organization.member-linked", nameof(Organization), organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{userId}{(isOrgAdmin ? " (org-admin)" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<string>> UsersOfOrganizationAsync(int organizationId, CancellationToken cancellationToken) =>
        await db.Set<OrganizationMember>().Where(m => m.OrganizationId == organizationId).Select(m => m.UserId).ToListAsync(cancellationToken);

    public async Task<ILookup<int, string>> UsersOfOrganizationsAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken) =>
        (await db.Set<OrganizationMember>().Where(m => organizationIds.Contains(m.OrganizationId)).Select(m => new { m.OrganizationId, m.UserId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganizationId, m => m.UserId);

    public Task<bool> SetCreditStandingAsync(int organizationId, CreditStanding standing, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, o => o.Standing != standing, o => o.Standing = standing, cancellationToken);

    public Task<bool> SetGradeAsync(int organizationId, int grade, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, o => o.Grade != grade, o => o.Grade = grade, cancellationToken);

    public Task<bool> SetHubAsync(int organizationId, bool isHub, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, o => o.IsHub != isHub, o => o.IsHub = isHub, cancellationToken);

    public Task<bool> SetHubOrganizationAsync(int organizationId, int? hubOrganizationId, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, o => o.HubOrganizationId != hubOrganizationId, o => o.HubOrganizationId = hubOrganizationId, cancellationToken);

    public async Task<bool> RevokeRegistrationAsync(int organizationId, DateOnly revokedOn, string decisionNumber, CancellationToken cancellationToken)
    {
        var revoked = await ChangeAsync(
            organizationId,
            o => o.Status == OrganizationStatus.Active,
            o =>
            {
                o.Status = OrganizationStatus.Revoked;
                o.StatusChangedOn = revokedOn;
            },
            cancellationToken);
        if (revoked)
        {
            audit.Record("organization.revoked", nameof(Organization), organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{decisionNumber} ({revokedOn:yyyy-MM-dd})");
        }

        return revoked;
    }

    /// <summary>Applies a change kept by another module and announces it; the caller's SaveChanges saves it.</summary>
    private async Task<bool> ChangeAsync(int organizationId, Func<Organization, bool> differs, Action<Organization> apply, CancellationToken cancellationToken)
    {
        var organization = await db.Set<Organization>().SingleAsync(o => o.Id == organizationId, cancellationToken);
        if (!differs(organization))
        {
            return false;
        }

        apply(organization);
        organization.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        outbox.Publish(OrganizationEvents.Changed, new OrganizationChanged(organizationId));
        return true;
    }
}

/// <summary>Applicants may download the documents of applications they can read.</summary>
internal sealed class ApplicationDocumentAccessRule(DbContext db, OrganizationAccess access, PartyAccess parties) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var applicationId = await db.Set<ApplicationDocument>().Where(d => d.FileId == file.Id).Select(d => (int?)d.ApplicationId).FirstOrDefaultAsync(cancellationToken);
        if (applicationId is null)
        {
            return false;
        }

        var application = await db.Set<RegistrationApplication>().AsNoTracking().SingleAsync(a => a.Id == applicationId, cancellationToken);
        // The supervising unit or street office reads the materials of what is addressed to it, to answer it.
        return await access.CanReadAsync(user, application, cancellationToken)
            || (user.HasPermission(OrganizationsPermissions.PreReview) && PartyAccess.IsAddressedTo(application, await parties.ScopeAsync(user.UserId(), cancellationToken)));
    }
}
