using Registry.Core.Calendar;

namespace Registry.Organizations.Domain;

/// <summary>Where a statutory or promised period stands on a given day.</summary>
public sealed record DeadlineStatus(DateOnly? DueOn, int DaysLeft, bool IsRunning)
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

        return new DeadlineStatus(due, daysLeft, IsRunning: true);
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
