using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Notices.Domain;
using Registry.Notices.Contracts;

namespace Registry.Notices.Services;

/// <summary>The officers' 待答复异议: objections to notices not yet answered, linking to the objection list of open ones.</summary>
internal sealed class ObjectionWorkItems(DbContext db) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(NoticesPermissions.Manage))
        {
            return [];
        }

        var open = await db.Set<Objection>().CountAsync(o => o.AnsweredAt == null, cancellationToken);
        return [new("Notices.Work.OpenObjections", open, NoticeLinks.Objections(openOnly: true), 400)];
    }
}
