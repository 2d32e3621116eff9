using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Organizations.Services;

/// <summary>
/// The officers' registration to-dos on the 工作台: submissions to accept or return (待受理), applications due soon and
/// overdue; each links to the application list filtered to exactly those.
/// </summary>
internal sealed class ApplicationWorkItems(DbContext db, DeadlineService deadlines) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(OrganizationsPermissions.ReviewApplications))
        {
            return [];
        }

        var open = new ApplicationListFilter().Apply(db.Set<RegistrationApplication>().AsNoTracking());
        var submitted = await new ApplicationListFilter(State: ApplicationState.Submitted).Apply(db.Set<RegistrationApplication>().AsNoTracking()).CountAsync(cancellationToken);
        var dueSoon = await deadlines.DueSoonAsync(open, cancellationToken);
        var overdue = await deadlines.OverdueAsync(open, cancellationToken);
        return
        [
            new("Org.Work.ToAccept", submitted, OrganizationLinks.Applications(state: nameof(ApplicationState.Submitted)), 100),
            new("Org.Work.DueSoon", dueSoon.Count, OrganizationLinks.Applications(soon: true), 101),
            new("Org.Work.Overdue", overdue.Count, OrganizationLinks.Applications(overdue: true), 102),
        ];
    }
}
