using Registry.Core.Calendar;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

/// <summary>The supervising unit's 初审 due date: 31 March of the following year, never fewer than the minimum working days after arrival.</summary>
public sealed class UnitReviewRulesTests
{
    // 2026 here: 清明节 4–6 April.
    private readonly WorkingDayCalendar _calendar = new([
        new CalendarYearData(2026, "国务院办公厅关于2026年部分节假日安排的通知", [new HolidayRange("清明节", new DateOnly(2026, 4, 4), new DateOnly(2026, 4, 6))], []),
    ]);

    [Fact]
    public void Due_FiledEarly_IsTheFixedDayOfTheFollowingYear() =>
        UnitReviewRules.Due(_calendar, UnitReviewTerms.Default, 2025, new DateOnly(2026, 3, 2)).ShouldBe(new DueDate(new DateOnly(2026, 3, 31), false));

    [Fact]
    public void Due_FiledLate_LeavesTheMinimumWorkingDaysSkippingTheHoliday()
    {
        // Monday 30 March + 10 working days: 31 Mar, 1–3 Apr, (4–6 Apr 清明), 7–10 Apr, 13 and 14 Apr.
        UnitReviewRules.Due(_calendar, UnitReviewTerms.Default, 2025, new DateOnly(2026, 3, 30)).ShouldBe(new DueDate(new DateOnly(2026, 4, 14), false));
    }

    [Fact]
    public void Due_ConfiguredTerms_AreUsed() =>
        UnitReviewRules.Due(_calendar, new UnitReviewTerms(4, 30, 5), 2025, new DateOnly(2026, 3, 2)).ShouldBe(new DueDate(new DateOnly(2026, 4, 30), false));

    [Fact]
    public void Due_LateIntoAYearWithoutANotice_IsAProvisionalDate()
    {
        // 2027 has no notice here: its working days are provisional (statutory holidays only), and the date says so.
        var due = UnitReviewRules.Due(_calendar, UnitReviewTerms.Default, 2026, new DateOnly(2027, 3, 30));
        due.Provisional.ShouldBeTrue();
        due.Date.ShouldBeGreaterThan(new DateOnly(2027, 3, 31));
    }

    [Theory]
    [InlineData("2026-03-31", false)]
    [InlineData("2026-04-01", true)]
    public void IsOverdue_WaitingForTheUnit_FromTheDayAfterTheDueDate(string today, bool expected) =>
        UnitReviewRules.IsOverdue(ReportState.UnitReview, new DueDate(new DateOnly(2026, 3, 31), false), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData(ReportState.Submitted)]
    [InlineData(ReportState.Returned)]
    [InlineData(ReportState.Concluded)]
    public void IsOverdue_AnsweredReport_NeverOverdue(ReportState state) =>
        UnitReviewRules.IsOverdue(state, new DueDate(new DateOnly(2026, 3, 31), false), new DateOnly(2026, 6, 1)).ShouldBeFalse();

    [Fact]
    public void IsOverdue_UnknownDueDate_NotMarked() =>
        UnitReviewRules.IsOverdue(ReportState.UnitReview, null, new DateOnly(2026, 6, 1)).ShouldBeFalse();

    [Theory]
    [InlineData("03-31", 3, 31)]
    [InlineData("12-01", 12, 1)]
    public void ParseDeadline_MonthDay_IsRead(string text, int month, int day) =>
        UnitReviewRules.ParseDeadline(text).ShouldBe((month, day));

    [Theory]
    [InlineData("02-29")]
    [InlineData("3-31")]
    [InlineData("13-01")]
    [InlineData("04-31")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseDeadline_NotADayEveryYearHas_IsRefused(string? text) =>
        UnitReviewRules.ParseDeadline(text).ShouldBeNull();
}
