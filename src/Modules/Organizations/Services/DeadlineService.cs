using Microsoft.EntityFrameworkCore;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>Both clocks of an application; a clock is null (and <see cref="MissingCalendarYear"/> set) when it reaches a year the calendar lacks.</summary>
public sealed record ApplicationDeadlines(DeadlineStatus? Statutory, DeadlineStatus? Promised, int? MissingCalendarYear)
{
    public static readonly ApplicationDeadlines NotStarted = new(null, null, null);

    /// <summary>Past the statutory or the promised date.</summary>
    public bool IsOverdue => Statutory?.IsOverdue == true || Promised?.IsOverdue == true;
}

/// <summary>Statutory and promised periods of applications, in working days, from acceptance, stopping during 补正.</summary>
public sealed class DeadlineService(ICalendarProvider calendars, IRegistrationRulesProvider rulesProvider, TimeProvider clock)
{
    public async Task<ApplicationDeadlines> ComputeAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.AcceptedOn is not { } accepted || ApplicationWorkflow.IsFinal(application.State))
        {
            return ApplicationDeadlines.NotStarted;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var kind = (await rulesProvider.GetAsync(cancellationToken)).Kind(application.Kind);
        var today = ChinaTime.Today(clock);
        int? missingYear = null;
        DeadlineStatus? Clock(int periodDays)
        {
            try
            {
                return Deadline.Compute(calendar, accepted, application.Pauses, periodDays, today);
            }
            catch (CalendarYearMissingException missing)
            {
                missingYear = missing.Year;
                return null;
            }
        }

        var statutory = Clock(kind.StatutoryDays);
        var promised = Clock(kind.PromisedDays);
        return new ApplicationDeadlines(statutory, promised, missingYear);
    }

    /// <summary>
    /// Those of <paramref name="applications"/> under way and past their statutory or promised date, oldest first, with
    /// their clocks. Only applications under way are loaded (tens at a time), because their clocks pause during corrections.
    /// </summary>
    public async Task<IReadOnlyList<(RegistrationApplication Application, ApplicationDeadlines Deadlines)>> OverdueAsync(IQueryable<RegistrationApplication> applications, CancellationToken cancellationToken)
    {
        var running = await ApplicationListFilter.Running(applications).Include(a => a.Corrections)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var overdue = new List<(RegistrationApplication, ApplicationDeadlines)>();
        foreach (var application in running)
        {
            if (await ComputeAsync(application, cancellationToken) is { IsOverdue: true } due)
            {
                overdue.Add((application, due));
            }
        }

        return overdue;
    }
}
