using Microsoft.EntityFrameworkCore;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Services;

/// <summary>
/// Rebuilds the figures' tallies (<see cref="ReportTally"/>, <see cref="SectorTally"/>) from the reports, in one
/// transaction: after reports were written around the change tracker (a bulk load, a repair by hand), or to check them.
/// Idempotent. Run it when no report is being saved (a save meanwhile may make it fail on the tallies' unique keys on
/// PostgreSQL; run it again).
/// </summary>
public sealed class ReportTalliesRebuild(DbContext db)
{
    /// <summary>Replaces every tally with the recount; returns the number of tally rows written.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<ReportTally>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<SectorTally>().ExecuteDeleteAsync(cancellationToken);
        var counts = await InspectionFiguresQuery.CountAsync(db.Set<AnnualReport>().AsNoTracking(), cancellationToken);
        var rows = new List<object>(counts.Select(c => new ReportTally
        {
            CampaignId = c.CampaignId,
            State = c.State,
            Result = c.Result?.ToString() ?? "",
            Rectification = c.Rectification,
            SubmittedLate = c.SubmittedLate,
            Reports = c.Count,
        }));
        var sectors = new SectorFiguresQuery(db);
        var years = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.State == ReportState.Concluded).Select(r => r.Year).Distinct().ToListAsync(cancellationToken);
        foreach (var year in years.Order())
        {
            rows.AddRange((await sectors.RecomputeAsync(year, cancellationToken)).Select(g => SectorTally.From(year, g)));
        }

        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
