using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Services;

/// <summary>
/// The fund's dated obligations for the organizations' workspace and reminders: each progress report still to file, due
/// on its date derived through the calendar (marked provisional where a year without a holiday notice decides it).
/// </summary>
internal sealed class GrantObligations(DbContext db, ICalendarProvider calendars) : IObligationSource
{
    public async Task<IReadOnlyList<Obligation>> OpenAsync(IReadOnlyCollection<int> organizationIds, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = organizationIds.ToList();
        ReportState[] open = [ReportState.Draft, ReportState.Returned];
        var reports = await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => ids.Contains(r.OrganizationId) && open.Contains(r.State))
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return [];
        }

        var agreementIds = reports.Select(r => r.AgreementId).Distinct().ToList();
        var titles = await db.Set<GrantAgreement>().AsNoTracking().Where(a => agreementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        return
        [
            .. reports.Select(r => (Report: r, Due: r.DueDate(calendar))).Select(x => new Obligation(
                x.Report.OrganizationId, $"grants.progress.{x.Report.Id}", x.Due.Date, x.Due.Provisional,
                $"Grant.Obligation.{x.Report.Kind}", [titles[x.Report.AgreementId]],
                $"Grant.Obligation.{x.Report.Kind}.Consequence", [titles[x.Report.AgreementId], x.Due.Date],
                $"/Grants/Progress/{x.Report.Id}")),
        ];
    }
}

/// <summary>Venture-fund applications for the organizations' workspace (办件进度): each application and its state.</summary>
internal sealed class GrantProgress(DbContext db) : IApplicationProgressSource
{
    public async Task<IReadOnlyList<ApplicationProgress>> ForAsync(int organizationId, CancellationToken cancellationToken)
    {
        var applications = await db.Set<GrantApplication>().AsNoTracking()
            .Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => a.UpdatedAt).Take(100)
            .ToListAsync(cancellationToken);
        return
        [
            .. applications.Select(a => new ApplicationProgress(
                organizationId, a.ReceiptNumber.Length > 0 ? a.ReceiptNumber : "#" + a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Grant.Workspace.Kind", a.Title, $"Grant.State.{a.State}", a.UpdatedAt, $"/Grants/Application/{a.Id}")),
        ];
    }
}
