using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>
/// The fund's to-dos on the 工作台: for officers, submitted applications awaiting screening (待初筛), one line per round
/// linking to that round's applications; for reviewers, their own score sheets still to declare or submit, on projects
/// still under review, and their evaluation sheets of progress reports.
/// </summary>
internal sealed class GrantWorkItems(DbContext db) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();
        if (user.HasPermission(GrantsPermissions.Manage))
        {
            var waiting = await db.Set<GrantApplication>().AsNoTracking().Where(a => a.State == GrantState.Submitted)
                .GroupBy(a => a.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var roundIds = waiting.Select(w => w.RoundId).ToList();
            var names = await db.Set<GrantRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
            items.AddRange(waiting.OrderBy(w => w.RoundId).Select(w => new WorkItem("Grant.Work.ToScreen", w.Count, GrantLinks.AdminRound(w.RoundId), 300, names[w.RoundId])));
            if (waiting.Count == 0)
            {
                items.Add(new WorkItem("Grant.Work.ToScreenNone", 0, GrantLinks.Admin, 300));
            }
        }

        if (user.HasPermission(GrantsPermissions.Review) && user.UserId() is { } userId)
        {
            var sheets = await db.Set<ReviewAssignment>().AsNoTracking()
                .Where(s => s.ReviewerUserId == userId && !s.Recused && s.SubmittedAt == null)
                .Join(db.Set<GrantApplication>(), s => s.ApplicationId, a => a.Id, (s, a) => a.State)
                .CountAsync(state => state == GrantState.Passed, cancellationToken);
            var evaluations = await db.Set<EvaluationSeat>().AsNoTracking()
                .CountAsync(s => s.EvaluatorUserId == userId && !s.Recused && s.SubmittedAt == null, cancellationToken);
            items.Add(new WorkItem("Grant.Work.SheetsDue", sheets, GrantLinks.Review, 310));
            items.Add(new WorkItem("Grant.Work.EvaluationsDue", evaluations, GrantLinks.Evaluation, 311));
        }

        return items;
    }
}
