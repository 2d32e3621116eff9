using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>
/// Both clocks of an application, and its 受理 timer. A clock is null before it starts (and <see cref="MissingCalendarYear"/>
/// set when it reaches a year outside what the calendar can count even provisionally). <see cref="AcceptanceDue"/> is the last
/// day to accept or return a submission (行政许可法 第三十二条); <see cref="DeemedAcceptedFrom"/> is set when that day passed
/// and the clocks run from the receipt day.
/// </summary>
public sealed record ApplicationDeadlines(
    DeadlineStatus? Statutory,
    DeadlineStatus? Promised,
    int? MissingCalendarYear,
    DueDate? AcceptanceDue = null,
    DateOnly? DeemedAcceptedFrom = null,
    int AcceptanceDaysLeft = 0,
    PeriodExtension? Extension = null)
{
    public static readonly ApplicationDeadlines NotStarted = new(null, null, null);

    /// <summary>Past the statutory or the promised date.</summary>
    public bool IsOverdue => Statutory?.IsOverdue == true || Promised?.IsOverdue == true;

    /// <summary>
    /// 即将超期, by the thresholds officers are reminded at (<see cref="DueSoonReminders"/>): not overdue, and the promised
    /// period running with few working days left, or a submission's 受理 timer about to end.
    /// </summary>
    public bool IsDueSoon => !IsOverdue
        && (Promised is { IsRunning: true, DaysLeft: <= DueSoonReminders.WarnWithinWorkingDays }
            || (AwaitingAcceptance && AcceptanceDaysLeft <= DueSoonReminders.WarnAcceptanceWithinWorkingDays));

    /// <summary>A due date shown here depends on a year without a published holiday notice.</summary>
    public bool IsProvisional => Statutory?.Provisional == true || Promised?.Provisional == true || (AwaitingAcceptance && AcceptanceDue?.Provisional == true);

    /// <summary>Submitted, neither accepted nor returned, and the 受理 timer still running.</summary>
    public bool AwaitingAcceptance => AcceptanceDue is not null && DeemedAcceptedFrom is null && Statutory is null;
}

/// <summary>An approved extension of the period (行政许可法 第四十二条), as shown to officers and the applicant.</summary>
public sealed record PeriodExtension(int Days, DateOnly On, string Reason, string ApprovedBy);

/// <summary>
/// Statutory and promised periods of applications, in working days, from acceptance (or from receipt when acceptance came too
/// late), stopping during 补正, lengthened by an approved extension. Always derived from the stored inputs when read.
/// </summary>
public sealed class DeadlineService(ICalendarProvider calendars, IRegistrationRulesProvider rulesProvider, TimeProvider clock)
{
    public async Task<ApplicationDeadlines> ComputeAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (ApplicationWorkflow.IsFinal(application.State) || application.State == ApplicationState.Draft)
        {
            return ApplicationDeadlines.NotStarted;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var rules = await rulesProvider.GetAsync(cancellationToken);
        var kind = rules.Kind(application.Kind);
        var today = ChinaTime.Today(clock);
        try
        {
            var (start, acceptanceDue, deemed) = Deadline.EffectiveStart(calendar, application.State, application.ReceivedOn, application.AcceptedOn, rules.AcceptanceWorkingDays, today);
            var acceptanceDaysLeft = acceptanceDue is { } due ? Deadline.DaysLeft(calendar, due.Date, today) : 0;
            if (start is not { } from)
            {
                return new ApplicationDeadlines(null, null, null, acceptanceDue, null, acceptanceDaysLeft);
            }

            var statutory = Deadline.Compute(calendar, from, application.Pauses, kind.StatutoryDays + application.ExtensionDays, today);
            var promised = Deadline.Compute(calendar, from, application.Pauses, kind.PromisedDays + application.ExtensionDays, today);
            var extension = application.ExtendedOn is { } on
                ? new PeriodExtension(application.ExtensionDays, on, application.ExtensionReason ?? "", application.ExtensionApprovedBy ?? "")
                : null;
            return new ApplicationDeadlines(statutory, promised, null, acceptanceDue, deemed ? from : null, acceptanceDaysLeft, extension);
        }
        catch (CalendarYearMissingException missing)
        {
            return new ApplicationDeadlines(null, null, missing.Year);
        }
    }

    /// <summary>
    /// Those of <paramref name="applications"/> under way and past their statutory or promised date, oldest first, with
    /// their clocks. Callers pass open applications only (tens at a time): every row given is loaded.
    /// </summary>
    public Task<IReadOnlyList<(RegistrationApplication Application, ApplicationDeadlines Deadlines)>> OverdueAsync(IQueryable<RegistrationApplication> applications, CancellationToken cancellationToken) =>
        WhereClockAsync(applications, d => d.IsOverdue, cancellationToken);

    /// <summary>Those of <paramref name="applications"/> under way and due soon (<see cref="ApplicationDeadlines.IsDueSoon"/>), oldest first.</summary>
    public Task<IReadOnlyList<(RegistrationApplication Application, ApplicationDeadlines Deadlines)>> DueSoonAsync(IQueryable<RegistrationApplication> applications, CancellationToken cancellationToken) =>
        WhereClockAsync(applications, d => d.IsDueSoon, cancellationToken);

    private async Task<IReadOnlyList<(RegistrationApplication Application, ApplicationDeadlines Deadlines)>> WhereClockAsync(
        IQueryable<RegistrationApplication> applications, Func<ApplicationDeadlines, bool> condition, CancellationToken cancellationToken)
    {
        // Submitted ones too: past the 受理 timer their clocks run from receipt (行政许可法 第三十二条). The states are
        // picked after loading: composed with a list's own state filter in SQL, the second condition matched nothing.
        var loaded = await applications.Include(a => a.Corrections).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var picked = new List<(RegistrationApplication, ApplicationDeadlines)>();
        foreach (var application in loaded.Where(a => a.State is ApplicationState.Submitted or ApplicationState.Accepted or ApplicationState.UnderReview))
        {
            var deadlines = await ComputeAsync(application, cancellationToken);
            if (condition(deadlines))
            {
                picked.Add((application, deadlines));
            }
        }

        return picked;
    }
}

/// <summary>Running registration clocks (and 受理 timers) whose due date a provisional calendar year decides.</summary>
internal sealed class RegistrationProvisionalClocks(DbContext db, DeadlineService deadlines) : IProvisionalClocks
{
    public async Task<int> CountProvisionalAsync(WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var open = await db.Set<RegistrationApplication>().AsNoTracking()
            .Where(a => a.State == ApplicationState.Submitted || a.State == ApplicationState.Accepted || a.State == ApplicationState.UnderReview)
            .Include(a => a.Corrections)
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var application in open)
        {
            if ((await deadlines.ComputeAsync(application, cancellationToken)).IsProvisional)
            {
                count++;
            }
        }

        return count;
    }
}
