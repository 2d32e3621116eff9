using Registry.Core.Calendar;
using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class ScoringReminderRulesTests
{
    // 2027 (made up for the test): 国庆节 1–8 October off, with Saturday 9 October a working day (调休).
    private static readonly WorkingDayCalendar Calendar =
        new([new CalendarYearData(2027, "test", [new HolidayRange("国庆节", new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 8))], [new DateOnly(2027, 10, 9)])]);

    [Fact]
    public void RemindOn_MondayDeadline_TwoWorkingDaysBeforeIsThursday()
    {
        ScoringReminderRules.RemindOn(Calendar, new DateOnly(2027, 9, 13), 2).ShouldBe(new DateOnly(2027, 9, 9));
    }

    [Fact]
    public void RemindOn_DeadlineAfterTheHoliday_SkipsItAndCountsTheAdjustedSaturday()
    {
        // Before Monday 11 October: Saturday 9 (adjusted working day), then back over the holiday to Thursday 30 September.
        ScoringReminderRules.RemindOn(Calendar, new DateOnly(2027, 10, 11), 2).ShouldBe(new DateOnly(2027, 9, 30));
    }

    [Fact]
    public void RemindOn_Zero_TheDeadlineItself()
    {
        ScoringReminderRules.RemindOn(Calendar, new DateOnly(2027, 9, 13), 0).ShouldBe(new DateOnly(2027, 9, 13));
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(13, true)]
    [InlineData(14, false)]
    public void IsDue_FromTheReminderDayToTheDeadline(int day, bool expected)
    {
        ScoringReminderRules.IsDue(new DateOnly(2027, 9, day), new DateOnly(2027, 9, 9), new DateOnly(2027, 9, 13)).ShouldBe(expected);
    }
}
