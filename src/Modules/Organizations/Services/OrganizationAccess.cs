using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>Resource checks: applicants see only their own applications and organizations.</summary>
public sealed class OrganizationAccess(DbContext db)
{
    public Task<bool> IsMemberAsync(string userId, int organizationId, CancellationToken cancellationToken) =>
        db.Set<OrganizationMember>().AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, cancellationToken);

    public Task<bool> IsOrgAdminAsync(string userId, int organizationId, CancellationToken cancellationToken) =>
        db.Set<OrganizationMember>().AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId && m.IsOrgAdmin, cancellationToken);

    /// <summary>The applicant who started it, or a member of the organization it concerns; officers who review.</summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(application);
        if (user.HasPermission(OrganizationsPermissions.ReviewApplications) || user.HasPermission(OrganizationsPermissions.ViewRegister))
        {
            return application.State != ApplicationState.Draft;
        }

        return user.UserId() is { } userId
            && (application.ApplicantUserId == userId
                || (application.OrganizationId is { } orgId && await IsMemberAsync(userId, orgId, cancellationToken)));
    }

    /// <summary>Only the applicant side edits, submits and withdraws.</summary>
    public async Task<bool> CanActAsApplicantAsync(ClaimsPrincipal user, RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(application);
        return user.HasPermission(OrganizationsPermissions.Apply)
            && user.UserId() is { } userId
            && (application.ApplicantUserId == userId
                || (application.OrganizationId is { } orgId && await IsOrgAdminAsync(userId, orgId, cancellationToken)));
    }
}
