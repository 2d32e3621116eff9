using Registry.Core.Calendar;

namespace Registry.Grants.Domain;

/// <summary>A reviewer was reminded of unfinished score sheets in a round (at most once per reviewer and round).</summary>
public sealed class ScoringReminder
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public string ReviewerUserId { get; set; } = "";

    public DateOnly SentOn { get; set; }
}

/// <summary>When reviewers with unfinished sheets are reminded of a round's scoring deadline.</summary>
public static class ScoringReminderRules
{
    /// <summary>
    /// The working day <paramref name="workingDaysBefore"/> working days before <paramref name="dueOn"/> (the due day not
    /// counted: 2 before a Monday deadline is the Thursday); 0 is the due day itself.
    /// </summary>
    public static DateOnly RemindOn(WorkingDayCalendar calendar, DateOnly dueOn, int workingDaysBefore)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysBefore);
        var day = dueOn;
        for (var counted = 0; counted < workingDaysBefore;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>From the reminder day up to the deadline (a run that missed the day still reminds; after the deadline, no more).</summary>
    public static bool IsDue(DateOnly today, DateOnly remindOn, DateOnly dueOn) => today >= remindOn && today <= dueOn;
}
