using Microsoft.EntityFrameworkCore;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Services;

/// <summary>
/// <see cref="IAnnualReportFacts"/> from the reports table. A draft or a report sent back is not yet what the organization
/// stands by, so only filed reports count; the work summary is required of every filed report (<see cref="ReportValidator"/>),
/// so an empty one marks a result imported without its content.
/// </summary>
internal sealed class AnnualReportFactsQuery(DbContext db) : IAnnualReportFacts
{
    public async Task<AnnualReportFacts?> LatestAsync(int organizationId, CancellationToken cancellationToken)
    {
        var report = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.OrganizationId == organizationId
                && (r.State == ReportState.Submitted || r.State == ReportState.UnitReview || r.State == ReportState.Concluded)
                && r.Content.WorkSummary != "")
            .OrderByDescending(r => r.Year)
            .Select(r => new { r.Year, r.Content })
            .FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var c = report.Content;
        return new AnnualReportFacts(organizationId, report.Year, c.IndividualMembers, c.UnitMembers, c.FullTimeStaff, c.PartTimeStaff, c.Volunteers,
            c.IncomeFen, c.ExpenditureFen, c.NetAssetsEndFen);
    }
}
