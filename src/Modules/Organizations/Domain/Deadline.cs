using Registry.Core.Calendar;

namespace Registry.Organizations.Domain;

/// <summary>
/// Where a statutory or promised period stands on a given day; <see cref="Provisional"/> when a provisional calendar year
/// (no published holiday notice yet) decided the due date, which then may still move when the notice is loaded.
/// </summary>
public sealed record DeadlineStatus(DateOnly? DueOn, int DaysLeft, bool IsRunning, bool Provisional = false)
{
    public bool IsOverdue => DaysLeft < 0;
}

/// <summary>
/// Counts a period of working days from acceptance, skipping the working days the clock stood still (补正).
/// The clock runs in segments: acceptance → first pause, resumption → next pause, …; the due date is the last
/// resumption plus what the earlier segments left over.
/// </summary>
public static class Deadline
{
    /// <summary>
    /// The day the clock starts from. 行政许可法 第三十二条: a submission neither accepted nor returned for correction within
    /// <paramref name="acceptanceWorkingDays"/> of its receipt counts as accepted from the day it was received, so a clock
    /// then runs from the receipt day, also when an officer accepts it late. <c>AcceptanceDue</c> is the last day to accept
    /// or return (null when the receipt day is unknown); <c>Deemed</c> says the receipt day was used and why.
    /// </summary>
    public static (DateOnly? Start, DueDate? AcceptanceDue, bool Deemed) EffectiveStart(
        WorkingDayCalendar calendar, ApplicationState state, DateOnly? receivedOn, DateOnly? acceptedOn, int acceptanceWorkingDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (receivedOn is not { } received)
        {
            return (acceptedOn, null, false);
        }

        var acceptanceDue = calendar.DueAfter(received, acceptanceWorkingDays);
        if (acceptedOn is { } accepted)
        {
            return accepted > acceptanceDue.Date ? (received, acceptanceDue, true) : (accepted, acceptanceDue, false);
        }

        if (state != ApplicationState.Submitted)
        {
            return (null, null, false);
        }

        return today > acceptanceDue.Date ? (received, acceptanceDue, true) : (null, acceptanceDue, false);
    }

    public static DeadlineStatus Compute(WorkingDayCalendar calendar, DateOnly acceptedOn, IReadOnlyList<ClockPause> pauses, int periodDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);
        var consumed = 0;
        var segmentStart = acceptedOn;
        DateOnly? ranOutOn = null;
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            var used = Math.Max(0, calendar.CountWorkingDays(segmentStart, pause.From));
            if (ranOutOn is null && consumed + used >= periodDays)
            {
                // The period ended inside this segment: that day stays the due date whatever happens later.
                ranOutOn = calendar.AddWorkingDays(segmentStart, periodDays - consumed);
            }

            consumed += used;
            if (pause.To is not { } resumed)
            {
                return new DeadlineStatus(null, periodDays - consumed, IsRunning: false);
            }

            segmentStart = resumed;
        }

        var remaining = periodDays - consumed;
        var due = ranOutOn ?? calendar.AddWorkingDays(segmentStart, remaining);
        var daysLeft = remaining - (today > segmentStart ? calendar.CountWorkingDays(segmentStart, today) : 0);
        // A weekend or holiday after the due date counts no working day, but the deadline has still been missed.
        if (today > due)
        {
            daysLeft = Math.Min(daysLeft, -1);
        }

        return new DeadlineStatus(due, daysLeft, IsRunning: true, calendar.IsProvisionalBetween(acceptedOn, due));
    }

    /// <summary>Working days from <paramref name="today"/> to <paramref name="due"/>; at most -1 once the due day has passed.</summary>
    public static int DaysLeft(WorkingDayCalendar calendar, DateOnly due, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var left = calendar.CountWorkingDays(today, due);
        return today > due ? Math.Min(left, -1) : left;
    }

    /// <summary>Working days the clock ran from acceptance to <paramref name="until"/> (pauses not counted).</summary>
    public static int Elapsed(WorkingDayCalendar calendar, DateOnly acceptedOn, IReadOnlyList<ClockPause> pauses, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);
        var elapsed = 0;
        var segmentStart = acceptedOn;
        foreach (var pause in pauses.Where(p => p.From < until).OrderBy(p => p.From))
        {
            elapsed += Math.Max(0, calendar.CountWorkingDays(segmentStart, pause.From));
            if (pause.To is not { } resumed || resumed >= until)
            {
                return elapsed;
            }

            segmentStart = resumed;
        }

        return elapsed + Math.Max(0, calendar.CountWorkingDays(segmentStart, until));
    }
}
