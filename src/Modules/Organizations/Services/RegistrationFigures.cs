using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

internal sealed class RegistrationFigures(DbContext db, DeadlineService deadlines, ICalendarProvider calendars) : IRegistrationFigures
{
    // Every kind and type as constants: a tautology for the figures, but with them the (State, Kind, OrganizationType,
    // DecidedAt) index is sought once per kind and type for the period's stretch, and the groups come out in the index's
    // order. Grouping the period's approvals otherwise sorts them all first (a temporary B-tree on SQLite: ~40 ms for
    // five years at N = 100,000). An approval without a type (a form that states none) is counted by a second query.
    private static readonly IReadOnlyList<ApplicationKind> Kinds = Enum.GetValues<ApplicationKind>();
    private static readonly IReadOnlyList<OrganizationType?> Types = [.. Enum.GetValues<OrganizationType>().Select(t => (OrganizationType?)t)];

    public async Task<IReadOnlyList<RegistrationCount>> ApprovedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var approved = ApplicationListFilter.DecidedIn(db.Set<RegistrationApplication>().AsNoTracking(), fromUtc, toUtc)
            .Where(a => a.State == ApplicationState.Approved && EF.Constant(Kinds).Contains(a.Kind));
        var typed = await approved
            .Where(a => EF.Constant(Types).Contains(a.OrganizationType))
            .GroupBy(a => new { a.Kind, a.OrganizationType })
            .Select(g => new { g.Key.Kind, g.Key.OrganizationType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var untyped = await approved
            .Where(a => a.OrganizationType == null)
            .GroupBy(a => a.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return
        [
            .. typed.Select(r => new RegistrationCount(r.Kind.ToString(), r.OrganizationType?.ToString() ?? "", r.Count)),
            .. untyped.Select(r => new RegistrationCount(r.Kind.ToString(), "", r.Count)),
        ];
    }

    public async Task<IReadOnlyList<YearRegistrationCount>> ApprovedByYearAsync(int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        // A year at a time (its first instant in China time as a constant bound): each is the seeks above, without a
        // computed year in the grouping that would sort again.
        var counts = new List<YearRegistrationCount>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var approved = await ApprovedAsync(ChinaTime.StartUtc(new DateOnly(year, 1, 1)), ChinaTime.StartUtc(new DateOnly(year + 1, 1, 1)), cancellationToken);
            counts.AddRange(approved.Select(c => new YearRegistrationCount(year, c.Kind, c.TypeCode, c.Count)));
        }

        return counts;
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
        // A decision took CountWorkingDays(acceptance, decision day) = ordinal(decision day) - ordinal(acceptance day), so the
        // period's total is read as counts per acceptance day and per decision day in China: a few hundred groups instead of
        // a row per decision (10,000 a year at N = 100,000, whose reading dominated the dashboard). The decisions counted
        // otherwise are then read one by one and corrected for: those whose clock stood still (a correction after
        // acceptance), and any dated before its acceptance (the app writes none; it took 0 days, not a negative count).
        var decided = ApplicationListFilter.DecidedIn(ApplicationListFilter.Decided(db.Set<RegistrationApplication>().AsNoTracking()), fromUtc, toUtc);
        var byAcceptance = await decided
            .GroupBy(a => a.AcceptedOn!.Value)
            .Select(g => new { Day = g.Key, Count = g.Count(), FirstDecidedAt = g.Min(a => a.DecidedAt!.Value) })
            .ToListAsync(cancellationToken);
        if (byAcceptance.Count == 0)
        {
            return new ProcessingTime(0, null);
        }

        var decisions = byAcceptance.Sum(g => g.Count);
        var byDecision = await decided
            .GroupBy(a => ChinaTime.Date(a.DecidedAt!.Value))
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var paused = await db.Set<CorrectionRequest>().AsNoTracking()
            .Join(decided, c => c.ApplicationId, a => a.Id, (c, a) => new { c.ApplicationId, c.RequestedOn, c.ResubmittedOn, AcceptedOn = a.AcceptedOn!.Value, DecidedAt = a.DecidedAt!.Value })
            .Where(c => c.RequestedOn >= c.AcceptedOn)
            .ToListAsync(cancellationToken);
        var earlyDays = byAcceptance.Where(g => ChinaTime.Date(g.FirstDecidedAt) < g.Day).Select(g => g.Day).ToList();
        var early = earlyDays.Count == 0
            ? []
            : await decided.Where(a => earlyDays.Contains(a.AcceptedOn!.Value)).Select(a => new { a.Id, AcceptedOn = a.AcceptedOn!.Value, DecidedAt = a.DecidedAt!.Value }).ToListAsync(cancellationToken);
        var pauses = paused.ToLookup(c => c.ApplicationId, c => new ClockPause(c.RequestedOn, c.ResubmittedOn));
        var countedOneByOne = paused.Select(c => (Id: c.ApplicationId, c.AcceptedOn, c.DecidedAt))
            .Concat(early.Select(a => (a.Id, a.AcceptedOn, a.DecidedAt)))
            .DistinctBy(a => a.Id);
        var calendar = await calendars.GetAsync(cancellationToken);
        try
        {
            var origin = byAcceptance.Min(g => g.Day);
            var total = byDecision.Sum(g => (long)g.Count * calendar.CountWorkingDays(origin, g.Day))
                - byAcceptance.Sum(g => (long)g.Count * calendar.CountWorkingDays(origin, g.Day));
            foreach (var a in countedOneByOne)
            {
                var decidedOn = ChinaTime.Date(a.DecidedAt);
                total += Deadline.Elapsed(calendar, a.AcceptedOn, [.. pauses[a.Id]], decidedOn) - calendar.CountWorkingDays(a.AcceptedOn, decidedOn);
            }

            return new ProcessingTime(decisions, (double)total / decisions);
        }
        catch (CalendarYearMissingException)
        {
            return new ProcessingTime(decisions, null);
        }
    }
}
