using Microsoft.EntityFrameworkCore;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>
/// The inspections module's dated obligations for the organizations' workspace and reminders: an annual report not yet
/// submitted (listed on the 活动异常名录 the day after its deadline, 民政部令第60号 第十条(一)), a rectification not yet
/// submitted (listed the day after its due date, 第十条(三)), and an abnormal-list entry whose obligation is not yet
/// verified as fulfilled (moved to the 严重违法失信名单 after two years, 第十四条(一)).
/// </summary>
internal sealed class InspectionObligations(DbContext db, CreditListRules rules) : IObligationSource
{
    public async Task<IReadOnlyList<Obligation>> OpenAsync(IReadOnlyCollection<int> organizationIds, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = organizationIds.ToList();
        var obligations = new List<Obligation>();

        var reports = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => ids.Contains(r.OrganizationId) && (r.State == ReportState.NotStarted || r.State == ReportState.Draft))
            .Where(r => !db.Set<CreditListEntry>().Any(e => e.OrganizationId == r.OrganizationId && e.Cause == EntryCause.LateAnnualReport && e.Year == r.Year))
            .ToListAsync(cancellationToken);
        var campaignIds = reports.Select(r => r.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<InspectionCampaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var report in reports)
        {
            var deadline = campaigns[report.CampaignId].DeadlineFor(report.TypeCode);
            obligations.Add(new Obligation(
                report.OrganizationId, $"inspections.report.{report.Year}", deadline, false,
                "Insp.Obligation.Report", [report.Year],
                "Insp.Obligation.Report.Consequence", [report.Year, deadline, deadline.AddDays(1)],
                $"/Inspections/Report/Edit/{report.Id}"));
        }

        var rectifications = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => ids.Contains(r.OrganizationId) && r.Rectification == RectificationState.Required && r.RectificationDueOn != null)
            .Where(r => !db.Set<CreditListEntry>().Any(e => e.OrganizationId == r.OrganizationId && e.Cause == EntryCause.UnfinishedRectification && e.Year == r.Year))
            .Select(r => new { r.Id, r.OrganizationId, r.Year, r.RectificationDueOn })
            .ToListAsync(cancellationToken);
        foreach (var report in rectifications)
        {
            var due = report.RectificationDueOn!.Value;
            obligations.Add(new Obligation(
                report.OrganizationId, $"inspections.rectification.{report.Year}", due, false,
                "Insp.Obligation.Rectification", [report.Year],
                "Insp.Obligation.Rectification.Consequence", [report.Year, due, due.AddDays(1)],
                $"/Inspections/Report/{report.Id}"));
        }

        var entries = await db.Set<CreditListEntry>().AsNoTracking()
            .Where(e => ids.Contains(e.OrganizationId) && e.ExitedOn == null && e.List == CreditList.Abnormal && e.FulfilmentVerifiedOn == null)
            .ToListAsync(cancellationToken);
        foreach (var entry in entries.Where(e => !rules.Expires(e) && CreditListCauses.Of(e.Cause).HasObligation))
        {
            var serious = rules.SeriousFrom(entry);
            obligations.Add(new Obligation(
                entry.OrganizationId, $"inspections.abnormal.{entry.Id}", serious.AddDays(-1), false,
                "Insp.Obligation.Abnormal", [entry.EnteredOn],
                "Insp.Obligation.Abnormal.Consequence", [serious.AddDays(-1), serious],
                "/Inspections/My"));
        }

        return obligations;
    }
}
