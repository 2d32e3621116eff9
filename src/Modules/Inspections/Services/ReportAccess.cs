using System.Security.Claims;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>Applicants file and read only the reports of organizations they act for.</summary>
public sealed class ReportAccess(IOrganizationRegister register)
{
    public async Task<IReadOnlyList<int>> OrganizationsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId ? await register.OrganizationsOfUserAsync(userId, cancellationToken) : [];

    public async Task<bool> CanFileAsync(ClaimsPrincipal user, AnnualReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (await OrganizationsOfAsync(user, cancellationToken)).Contains(report.OrganizationId);
    }
}
