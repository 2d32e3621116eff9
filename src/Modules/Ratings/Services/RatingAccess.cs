using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>Who may see what: applicants their organizations' applications; experts only files they are assigned to and declared on.</summary>
public sealed class RatingAccess(DbContext db, IOrganizationRegister register)
{
    public async Task<IReadOnlyList<int>> OrganizationsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId ? await register.OrganizationsOfUserAsync(userId, cancellationToken) : [];

    public async Task<bool> ActsForAsync(ClaimsPrincipal user, int organizationId, CancellationToken cancellationToken) =>
        (await OrganizationsOfAsync(user, cancellationToken)).Contains(organizationId);

    /// <summary>The expert's seat on the panel, or null when not assigned.</summary>
    public Task<PanelMember?> SeatAsync(ClaimsPrincipal user, int applicationId, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        return db.Set<PanelMember>().SingleOrDefaultAsync(p => p.ApplicationId == applicationId && p.ReviewerUserId == userId, cancellationToken);
    }
}
