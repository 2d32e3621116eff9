using Microsoft.EntityFrameworkCore;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>
/// The ratings module's dated obligation for the organizations' workspace and reminders: a valid grade's last day. The grade
/// lapses after it (社会组织评估管理办法: valid five years) unless the organization is assessed again.
/// </summary>
internal sealed class GradeObligations(DbContext db) : IObligationSource
{
    public async Task<IReadOnlyList<Obligation>> OpenAsync(IReadOnlyCollection<int> organizationIds, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = organizationIds.ToList();
        var grades = await db.Set<OrganizationGrade>().AsNoTracking()
            .Where(g => ids.Contains(g.OrganizationId) && g.EndedOn == null && g.ValidFrom <= today && g.ValidUntil >= today)
            .ToListAsync(cancellationToken);
        return
        [
            .. grades.Select(g => new Obligation(
                g.OrganizationId, $"ratings.grade.{g.Id}", g.ValidUntil, false,
                "Rate.Obligation.Grade", [g.Grade],
                "Rate.Obligation.Grade.Consequence", [g.Grade, g.ValidUntil, g.ValidUntil.AddDays(1)],
                "/Ratings")),
        ];
    }
}

/// <summary>Rating applications for the organizations' workspace (办件进度): each application, its campaign and state.</summary>
internal sealed class RatingProgress(DbContext db) : IApplicationProgressSource
{
    public async Task<IReadOnlyList<ApplicationProgress>> ForAsync(int organizationId, CancellationToken cancellationToken)
    {
        var applications = await db.Set<RatingApplication>().AsNoTracking()
            .Where(a => a.OrganizationId == organizationId)
            .Join(db.Set<RatingCampaign>(), a => a.CampaignId, c => c.Id, (a, c) => new { a.Id, a.State, a.UpdatedAt, c.Title })
            .OrderByDescending(a => a.UpdatedAt).Take(100)
            .ToListAsync(cancellationToken);
        return
        [
            .. applications.Select(a => new ApplicationProgress(
                organizationId, "#" + a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Rate.Workspace.Kind", a.Title,
                $"Rate.App.State.{a.State}", a.UpdatedAt, $"/Ratings/Application/{a.Id}")),
        ];
    }
}
