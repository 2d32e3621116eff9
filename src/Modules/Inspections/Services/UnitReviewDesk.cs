using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>Which of a unit's reports its list shows.</summary>
public enum UnitReportFilter
{
    /// <summary>Waiting for the unit's 初审.</summary>
    Waiting,

    /// <summary>Answered by the unit (agreed or returned).</summary>
    Answered,

    All,
}

/// <summary>
/// A supervising unit's reach over annual reports: only the reports filed to it (another unit's are not found), and the
/// 初审 due date and overdue marker of each, derived through the calendar when read.
/// </summary>
public sealed class UnitReviewDesk(DbContext db, ISupervisingUnits units, ICalendarProvider calendars, UnitReviewTerms terms, TimeProvider clock)
{
    public UnitReviewTerms Terms => terms;

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The unit the signed-in account acts for, or null.</summary>
    public async Task<SupervisingUnitSummary?> UnitOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId ? await units.OfUserAsync(userId, cancellationToken) : null;

    /// <summary>The reports filed to the unit, waiting or answered.</summary>
    public IQueryable<AnnualReport> Reports(int unitId, UnitReportFilter filter)
    {
        var reports = db.Set<AnnualReport>().AsNoTracking().Where(r => r.UnitId == unitId);
        return filter switch
        {
            UnitReportFilter.Waiting => reports.Where(r => r.State == ReportState.UnitReview),
            UnitReportFilter.Answered => reports.Where(r => r.UnitOutcome != null),
            _ => reports,
        };
    }

    /// <summary>A report filed to the unit, tracked for its answer; null for anyone else's.</summary>
    public Task<AnnualReport?> FindAsync(int unitId, int reportId, CancellationToken cancellationToken) =>
        db.Set<AnnualReport>().Include(r => r.Documents).SingleOrDefaultAsync(r => r.Id == reportId && r.UnitId == unitId, cancellationToken);

    /// <summary>The 初审 due dates of the reports still with their unit, by report id (null: the calendar lacks a year it needs).</summary>
    public async Task<IReadOnlyDictionary<int, DueDate?>> DueDatesAsync(IEnumerable<AnnualReport> reports, CancellationToken cancellationToken)
    {
        var waiting = reports.Where(r => r.State == ReportState.UnitReview && r.SubmittedAt is not null).ToList();
        if (waiting.Count == 0)
        {
            return new Dictionary<int, DueDate?>();
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        return waiting.ToDictionary(r => r.Id, r => Due(calendar, r));
    }

    public bool IsOverdue(AnnualReport report, IReadOnlyDictionary<int, DueDate?> dueDates)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dueDates);
        return UnitReviewRules.IsOverdue(report.State, dueDates.GetValueOrDefault(report.Id), Today);
    }

    private DueDate? Due(WorkingDayCalendar calendar, AnnualReport report)
    {
        try
        {
            return UnitReviewRules.Due(calendar, terms, report.Year, ChinaTime.Date(report.SubmittedAt!.Value));
        }
        catch (CalendarYearMissingException)
        {
            // Not a guess: the page shows the due date as unknown until the year's calendar is loaded.
            return null;
        }
    }
}
