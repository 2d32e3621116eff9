using Microsoft.EntityFrameworkCore;
using Registry.Core.Files;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

internal sealed class OrganizationRegister(DbContext db) : IOrganizationRegister
{
    public async Task<OrganizationSummary?> FindAsync(int organizationId, CancellationToken cancellationToken) =>
        (await FindManyAsync([organizationId], cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<OrganizationSummary>> FindManyAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Organization>().AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToListAsync(cancellationToken);
        return [.. rows.Select(o => new OrganizationSummary(o.Id, o.Name, o.Type.ToString(), o.CreditCode, o.FilingNumber, o.Status.ToString(), o.FoundedOn, o.District, o.Street, o.ServiceFieldList))];
    }

    public async Task<IReadOnlyList<int>> OrganizationsOfUserAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<OrganizationMember>().Where(m => m.UserId == userId).Select(m => m.OrganizationId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> UsersOfOrganizationAsync(int organizationId, CancellationToken cancellationToken) =>
        await db.Set<OrganizationMember>().Where(m => m.OrganizationId == organizationId).Select(m => m.UserId).ToListAsync(cancellationToken);
}

/// <summary>Applicants may download the documents of applications they can read.</summary>
internal sealed class ApplicationDocumentAccessRule(DbContext db, OrganizationAccess access) : IFileAccessRule
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
        return await access.CanReadAsync(user, application, cancellationToken);
    }
}
