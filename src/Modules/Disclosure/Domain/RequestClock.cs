using Registry.Core.Calendar;

namespace Registry.Disclosure.Domain;

/// <summary>
/// Where a request's answer clock stands on a day. <see cref="DueOn"/> is null while it stands still for a 补正;
/// <see cref="Provisional"/> when a year without a published holiday notice decided a date; <see cref="CorrectionPeriodEnds"/>
/// is the last day of the period a pending 补正 notice gave the applicant (working days from the notice).
/// </summary>
public sealed record RequestClockStatus(
    DateOnly? DueOn,
    int DaysLeft,
    bool IsRunning,
    bool Provisional,
    DueDate CorrectionDue,
    int ExtensionDays,
    DateOnly ClockStart,
    DateOnly? CorrectionPeriodEnds = null)
{
    public bool IsOverdue => IsRunning && DaysLeft < 0;

    /// <summary>即将超期: running, not overdue, at most <see cref="RequestClock.WarnWithinWorkingDays"/> working days left.</summary>
    public bool IsDueSoon => IsRunning && DaysLeft >= 0 && DaysLeft <= RequestClock.WarnWithinWorkingDays;
}

/// <summary>
/// The answer period of a request for disclosure, always derived from its recorded events and the working-day calendar
/// (never stored): 20 working days from receipt (政府信息公开条例 第三十三条第二款), restarted from the day a corrected
/// request arrives (第三十条), lengthened by an approved extension of at most 20 working days (第三十三条第二款), with the
/// time spent consulting a third party not counted (第三十二条, 第三十三条第三款).
/// </summary>
public static class RequestClock
{
    /// <summary>第三十三条第二款: 20 working days.</summary>
    public const int AnswerWorkingDays = 20;

    /// <summary>第三十三条第二款: the extension is at most 20 working days.</summary>
    public const int MaxExtensionWorkingDays = 20;

    /// <summary>第三十条: the one 补正 notice goes within 7 working days of receipt.</summary>
    public const int CorrectionNoticeWorkingDays = 7;

    /// <summary>Officers are warned from this many working days before the due day.</summary>
    public const int WarnWithinWorkingDays = 3;

    /// <summary>
    /// <see cref="Compute"/>, or null when the calendar has no data for a past year the clock runs through (a request
    /// imported from before the calendar's first year): lists then say so for that row instead of failing.
    /// </summary>
    public static RequestClockStatus? TryCompute(WorkingDayCalendar calendar, DateOnly receivedOn, IReadOnlyList<RequestEvent> events, DateOnly today)
    {
        try
        {
            return Compute(calendar, receivedOn, events, today);
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }

    /// <summary>
    /// The clock as of <paramref name="today"/> (or, for a request already answered, abandoned or withdrawn, as of the day
    /// that ended it). A consultation counts from the working day after it starts to the day it ends: those days are skipped.
    /// </summary>
    public static RequestClockStatus Compute(WorkingDayCalendar calendar, DateOnly receivedOn, IReadOnlyList<RequestEvent> events, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var correctionDue = calendar.DueAfter(receivedOn, CorrectionNoticeWorkingDays);
        var extension = ordered.Where(e => e.Kind == RequestEventKind.Extended).Sum(e => e.Days ?? 0);
        var period = AnswerWorkingDays + extension;

        var start = ordered.LastOrDefault(e => e.Kind == RequestEventKind.Corrected)?.On ?? receivedOn;
        var end = ordered.FirstOrDefault(e => e.Kind is RequestEventKind.Answered or RequestEventKind.Abandoned or RequestEventKind.Withdrawn)?.On;
        var asOf = end ?? today;

        // Waiting for a correction: the clock stands still and will restart from the corrected request.
        var lastCorrection = ordered.LastOrDefault(e => e.Kind is RequestEventKind.CorrectionRequested or RequestEventKind.Corrected);
        if (lastCorrection?.Kind == RequestEventKind.CorrectionRequested)
        {
            var ends = lastCorrection.Days is { } given ? calendar.AddWorkingDays(lastCorrection.On, given) : (DateOnly?)null;
            return new RequestClockStatus(null, period, IsRunning: false, correctionDue.Provisional, correctionDue, extension, start, ends);
        }

        var pauses = Pauses(ordered, start);
        var consumed = 0;
        var segmentStart = start;
        DateOnly? ranOutOn = null;
        foreach (var (from, to) in pauses)
        {
            var used = Math.Max(0, calendar.CountWorkingDays(segmentStart, from));
            if (ranOutOn is null && consumed + used >= period)
            {
                ranOutOn = calendar.AddWorkingDays(segmentStart, period - consumed);
            }

            consumed += used;
            if (to is not { } resumed)
            {
                // In consultation: nothing counts until it ends.
                return new RequestClockStatus(ranOutOn, period - consumed, IsRunning: false, calendar.IsProvisionalBetween(start, ranOutOn ?? start), correctionDue, extension, start);
            }

            segmentStart = resumed;
        }

        var remaining = period - consumed;
        var due = ranOutOn ?? calendar.AddWorkingDays(segmentStart, remaining);
        var daysLeft = remaining - (asOf > segmentStart ? calendar.CountWorkingDays(segmentStart, asOf) : 0);
        if (asOf > due)
        {
            // A weekend after the due day counts no working day, but the deadline has still been missed.
            daysLeft = Math.Min(daysLeft, -1);
        }

        return new RequestClockStatus(due, daysLeft, IsRunning: end is null, calendar.IsProvisionalBetween(start, due), correctionDue, extension, start);
    }

    /// <summary>Whether an answer given on <paramref name="answeredOn"/> met the clock (the due day itself is in time).</summary>
    public static bool AnsweredInTime(RequestClockStatus clock, DateOnly answeredOn) => clock.DueOn is { } due && answeredOn <= due;

    private static List<(DateOnly From, DateOnly? To)> Pauses(List<RequestEvent> ordered, DateOnly start)
    {
        var pauses = new List<(DateOnly, DateOnly?)>();
        DateOnly? open = null;
        foreach (var e in ordered)
        {
            if (e.Kind == RequestEventKind.ConsultationStarted && open is null)
            {
                open = e.On < start ? start : e.On;
            }
            else if (e.Kind == RequestEventKind.ConsultationEnded && open is { } from)
            {
                if (e.On > start)
                {
                    pauses.Add((from, e.On < from ? from : e.On));
                }

                open = null;
            }
        }

        if (open is { } still)
        {
            pauses.Add((still, null));
        }

        return pauses;
    }
}
