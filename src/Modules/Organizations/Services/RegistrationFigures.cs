using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

internal sealed class RegistrationFigures(DbContext db, DeadlineService deadlines, ICalendarProvider calendars) : IRegistrationFigures
{
    public async Task<IReadOnlyList<RegistrationCount>> ApprovedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await ApplicationListFilter.DecidedIn(db.Set<RegistrationApplication>().AsNoTracking(), fromUtc, toUtc)
            .Where(a => a.State == ApplicationState.Approved)
            .GroupBy(a => new { a.Kind, a.OrganizationType })
            .Select(g => new { g.Key.Kind, g.Key.OrganizationType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RegistrationCount(r.Kind.ToString(), r.OrganizationType?.ToString() ?? "", r.Count))];
    }

    public async Task<IReadOnlyList<YearRegistrationCount>> ApprovedByYearAsync(int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        var starts = Enumerable.Range(firstYear, lastYear - firstYear + 2).Select(y => ChinaTime.StartUtc(new DateOnly(y, 1, 1))).ToList();
        var (from, to) = (starts[0], starts[^1]);
        var rows = await ApplicationListFilter.DecidedIn(db.Set<RegistrationApplication>().AsNoTracking(), from, to)
            .Where(a => a.State == ApplicationState.Approved)
            .GroupBy(ByYear(starts, firstYear))
            .Select(g => new { g.Key.Year, g.Key.Kind, g.Key.OrganizationType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new YearRegistrationCount(r.Year, r.Kind.ToString(), r.OrganizationType?.ToString() ?? "", r.Count))];
    }

    public async Task<IReadOnlyList<RegisterCount>> RegisterAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        // Grouped by the stored type, status and street, the index's own order, so the database streams the groups instead
        // of sorting every organization by a computed status; the status then (RegisterListFilter.StatusOn: active when it
        // changed after the day) is applied to each group's count of such organizations here.
        var rows = await RegisterListFilter.FoundedBy(db.Set<Organization>().AsNoTracking(), asOf)
            .GroupBy(o => new { o.Type, o.Status, o.Street })
            .Select(g => new { g.Key.Type, g.Key.Status, g.Key.Street, Count = g.Count(), ChangedAfter = g.Sum(o => o.StatusChangedOn > asOf ? 1 : 0) })
            .ToListAsync(cancellationToken);
        var counts = new Dictionary<(OrganizationType Type, OrganizationStatus Status, string Street), int>();
        void Add(OrganizationType type, OrganizationStatus status, string street, int count) =>
            counts[(type, status, street)] = counts.GetValueOrDefault((type, status, street)) + count;
        foreach (var row in rows)
        {
            Add(row.Type, row.Status, row.Street, row.Count - row.ChangedAfter);
            Add(row.Type, OrganizationStatus.Active, row.Street, row.ChangedAfter);
        }

        return [.. counts.Where(c => c.Value != 0).Select(c => new RegisterCount(c.Key.Type.ToString(), c.Key.Status.ToString(), c.Key.Street, c.Value))];
    }

    /// <summary>
    /// The group key of an approval with its year: <c>a.DecidedAt &lt; starts[1] ? firstYear : a.DecidedAt &lt; starts[2] ? firstYear + 1 : …</c>
    /// (a CASE in SQL; the years' first instants are constants, so no provider's date functions or time zone are involved).
    /// </summary>
    private static Expression<Func<RegistrationApplication, ApprovalKey>> ByYear(List<DateTime> starts, int firstYear)
    {
        var application = Expression.Parameter(typeof(RegistrationApplication), "a");
        var decided = Expression.Property(application, nameof(RegistrationApplication.DecidedAt));
        Expression year = Expression.Constant(firstYear + starts.Count - 2);
        for (var i = starts.Count - 3; i >= 0; i--)
        {
            year = Expression.Condition(Expression.LessThan(decided, Expression.Constant(starts[i + 1], typeof(DateTime?))), Expression.Constant(firstYear + i), year);
        }

        var key = Expression.MemberInit(
            Expression.New(typeof(ApprovalKey)),
            Expression.Bind(typeof(ApprovalKey).GetProperty(nameof(ApprovalKey.Year))!, year),
            Expression.Bind(typeof(ApprovalKey).GetProperty(nameof(ApprovalKey.Kind))!, Expression.Property(application, nameof(RegistrationApplication.Kind))),
            Expression.Bind(typeof(ApprovalKey).GetProperty(nameof(ApprovalKey.OrganizationType))!, Expression.Property(application, nameof(RegistrationApplication.OrganizationType))));
        return Expression.Lambda<Func<RegistrationApplication, ApprovalKey>>(key, application);
    }

    public async Task<(int Running, int Overdue)> RunningAsync(CancellationToken cancellationToken)
    {
        var applications = db.Set<RegistrationApplication>().AsNoTracking();
        var running = await ApplicationListFilter.Running(applications).CountAsync(cancellationToken);
        // Only open applications are loaded: the overdue check runs on loaded rows (it needs the calendar).
        var overdue = await deadlines.OverdueAsync(applications.Where(a => ApplicationListFilter.OpenStates.Contains(a.State)), cancellationToken);
        return (running, overdue.Count);
    }

    public async Task<ProcessingTime> ProcessingTimeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        // Only the period's decisions are read (two dates each, and their corrections); the counting needs the calendar.
        var decided = ApplicationListFilter.DecidedIn(ApplicationListFilter.Decided(db.Set<RegistrationApplication>().AsNoTracking()), fromUtc, toUtc);
        var rows = await decided.Select(a => new { a.Id, AcceptedOn = a.AcceptedOn!.Value, DecidedAt = a.DecidedAt!.Value }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new ProcessingTime(0, null);
        }

        var pauses = (await db.Set<CorrectionRequest>().AsNoTracking()
                .Join(decided, c => c.ApplicationId, a => a.Id, (c, a) => new { c.ApplicationId, c.RequestedOn, c.ResubmittedOn, AcceptedOn = a.AcceptedOn!.Value })
                .Where(c => c.RequestedOn >= c.AcceptedOn)
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ApplicationId, c => new ClockPause(c.RequestedOn, c.ResubmittedOn));
        var calendar = await calendars.GetAsync(cancellationToken);
        try
        {
            var total = rows.Sum(r => (long)Deadline.Elapsed(calendar, r.AcceptedOn, [.. pauses[r.Id]], ChinaTime.Date(r.DecidedAt)));
            return new ProcessingTime(rows.Count, (double)total / rows.Count);
        }
        catch (CalendarYearMissingException)
        {
            return new ProcessingTime(rows.Count, null);
        }
    }
}

/// <summary>The year, kind and type an approval is counted under (<see cref="RegistrationFigures.ApprovedByYearAsync"/>).</summary>
internal sealed class ApprovalKey
{
    public int Year { get; init; }

    public ApplicationKind Kind { get; init; }

    public OrganizationType? OrganizationType { get; init; }
}
