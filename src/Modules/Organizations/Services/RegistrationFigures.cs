using Microsoft.EntityFrameworkCore;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

internal sealed class RegistrationFigures(DbContext db, DeadlineService deadlines) : IRegistrationFigures
{
    public async Task<IReadOnlyList<RegistrationCount>> ApprovedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Set<RegistrationApplication>().AsNoTracking()
            .Where(a => a.State == ApplicationState.Approved && a.DecidedAt >= fromUtc && a.DecidedAt < toUtc)
            .GroupBy(a => new { a.Kind, a.OrganizationType })
            .Select(g => new { g.Key.Kind, g.Key.OrganizationType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RegistrationCount(r.Kind.ToString(), r.OrganizationType?.ToString() ?? "", r.Count))];
    }

    public async Task<IReadOnlyList<RegisterCount>> RegisterAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Organization>().AsNoTracking()
            .GroupBy(o => new { o.Type, o.Status, o.Street })
            .Select(g => new { g.Key.Type, g.Key.Status, g.Key.Street, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RegisterCount(r.Type.ToString(), r.Status.ToString(), r.Street, r.Count))];
    }

    public async Task<(int Running, int Overdue)> RunningAsync(CancellationToken cancellationToken)
    {
        // Only applications under way are loaded (tens at a time), because their clocks pause during corrections.
        var running = await db.Set<RegistrationApplication>().AsNoTracking().Include(a => a.Corrections)
            .Where(a => a.State == ApplicationState.Accepted || a.State == ApplicationState.UnderReview)
            .ToListAsync(cancellationToken);
        var overdue = 0;
        foreach (var application in running)
        {
            var due = await deadlines.ComputeAsync(application, cancellationToken);
            if (due.Statutory?.IsOverdue == true || due.Promised?.IsOverdue == true)
            {
                overdue++;
            }
        }

        return (running.Count, overdue);
    }
}
