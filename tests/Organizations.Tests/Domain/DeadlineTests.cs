using System.Globalization;
using Registry.Core.Calendar;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

/// <summary>
/// Hand computations use tests/Organizations.Tests/TestData/holidays-cn.json (2026): 中秋节 09-25..27, 国庆节 10-01..07,
/// adjusted workdays 09-20 (Sun) and 10-10 (Sat). 2026-09-29 is a Tuesday, 10-09 a Friday, 11-06 a Friday.
/// A working day is counted from the day after a start (acceptance or resumption); the day a pause begins is still
/// on the clock, the days after it up to and including the resumption are not.
/// </summary>
public sealed class DeadlineTests
{
    private const int PromisedDays = 20;

    private static readonly string HolidaysJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays-cn.json"));

    private static readonly DateOnly AcceptedBeforeNationalDay = Day("2026-09-29");

    // The National Day scenario: 补正 requested Friday 10-09, resubmitted Wednesday 10-14.
    // Segment 1: working days in (09-29, 10-09] = 09-30, 10-08, 10-09 = 3 consumed (10-01..07 国庆节).
    // 20 - 3 = 17 left. Paused: 10-10 (Sat, workday), 10-12, 10-13, 10-14 are not counted.
    // From 10-14: 10-15 (1), 10-16 (2), 10-19..23 (3-7), 10-26..30 (8-12), 11-02..06 (13-17) → due 2026-11-06.
    private static readonly ClockPause NationalDayCorrection = new(Day("2026-10-09"), Day("2026-10-14"));

    private static readonly DateOnly NationalDayDue = Day("2026-11-06");

    private readonly WorkingDayCalendar _calendar = new(HolidayCalendarJson.Parse(HolidaysJson));

    [Theory]
    // 09-18 (Fri): 09-20 (Sun, workday) 1, 09-21..24 2-5, 中秋节, 09-28..30 6-8, 国庆节, 10-08, 10-09 9-10,
    // 10-10 (Sat, workday) 11, 10-12..16 12-16, 10-19..22 17-20.
    [InlineData("2026-09-18", 20, "2026-10-22")]
    // 09-29 (Tue): 09-30 1, 国庆节, 10-08 2, 10-09 3, 10-10 (Sat, workday) 4, 10-12 5.
    [InlineData("2026-09-29", 5, "2026-10-12")]
    // 09-29 (Tue): 09-30 1, 10-08 2, 10-09 3, 10-10 4, 10-12..16 5-9, 10-19..23 10-14, 10-26..30 15-19, 11-02 20.
    [InlineData("2026-09-29", 20, "2026-11-02")]
    // 2025: 09-26 (Fri): 09-28 (Sun, workday) 1, 09-29, 09-30 2-3, 10-01..08 holiday, 10-09, 10-10 4-5,
    // 10-11 (Sat, workday) 6, 10-13..16 7-10.
    [InlineData("2025-09-26", 10, "2025-10-16")]
    public void Compute_NoPauses_DueIsPeriodWorkingDaysAfterAcceptance(string accepted, int period, string due)
    {
        var status = Deadline.Compute(_calendar, Day(accepted), [], period, Day(accepted));

        status.DueOn.ShouldBe(Day(due));
    }

    [Theory]
    [InlineData("2026-09-18", 20)]
    [InlineData("2026-09-29", 5)]
    [InlineData("2026-09-29", 60)]
    [InlineData("2026-02-13", 20)]
    public void Compute_NoPauses_DueEqualsCalendarAddWorkingDays(string accepted, int period)
    {
        var status = Deadline.Compute(_calendar, Day(accepted), [], period, Day(accepted));

        status.DueOn.ShouldBe(_calendar.AddWorkingDays(Day(accepted), period));
    }

    [Fact]
    public void Compute_OnAcceptanceDayWithoutPauses_FullPeriodLeftAndRunning()
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [], PromisedDays, AcceptedBeforeNationalDay);

        status.ShouldBe(new DeadlineStatus(Day("2026-11-02"), PromisedDays, IsRunning: true));
    }

    [Theory]
    // Before the correction nobody knows of it, so no pauses: due 11-02 (see above).
    // 09-30: 19 left (09-30 itself consumed). 10-05 (国庆节): still 19. 10-08: 18. 10-09 morning: 17.
    [InlineData("2026-09-30", 19)]
    [InlineData("2026-10-05", 19)]
    [InlineData("2026-10-08", 18)]
    [InlineData("2026-10-09", 17)]
    public void Compute_NationalDayCaseBeforeCorrection_CountsDownToFirstDue(string today, int daysLeft)
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [], PromisedDays, Day(today));

        status.DaysLeft.ShouldBe(daysLeft);
    }

    [Theory]
    // Open pause from 10-09: 3 consumed, 17 left whatever the day, including the Saturday workday 10-10.
    [InlineData("2026-10-09")]
    [InlineData("2026-10-10")]
    [InlineData("2026-10-12")]
    [InlineData("2026-10-13")]
    public void Compute_NationalDayCaseDuringCorrection_ClockStoppedWithDaysLeftFrozen(string today)
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [new ClockPause(NationalDayCorrection.From, null)], PromisedDays, Day(today));

        status.ShouldBe(new DeadlineStatus(null, 17, IsRunning: false));
    }

    [Fact]
    public void Compute_NationalDayCaseAfterResubmission_DueIsNovember6()
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [NationalDayCorrection], PromisedDays, Day("2026-10-14"));

        status.DueOn.ShouldBe(NationalDayDue);
    }

    [Theory]
    // Due 11-06. 10-14 (resubmission day): the 17 frozen days, the clock resumes the next working day.
    // 10-15: 16. 10-20: (10-20, 11-06] = 10-21..23 (3) + 10-26..30 (5) + 11-02..06 (5) = 13.
    // 11-01 (Sun): 11-02..06 = 5. 11-06 itself: 0.
    [InlineData("2026-10-14", 17)]
    [InlineData("2026-10-15", 16)]
    [InlineData("2026-10-20", 13)]
    [InlineData("2026-11-01", 5)]
    [InlineData("2026-11-06", 0)]
    public void Compute_NationalDayCaseAfterResubmission_CountsDownToDue(string today, int daysLeft)
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [NationalDayCorrection], PromisedDays, Day(today));

        status.DaysLeft.ShouldBe(daysLeft);
    }

    [Fact]
    public void Compute_NationalDayCaseOnDueDate_IsRunningAndNotOverdue()
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [NationalDayCorrection], PromisedDays, NationalDayDue);

        status.ShouldSatisfyAllConditions(
            () => status.IsRunning.ShouldBeTrue(),
            () => status.IsOverdue.ShouldBeFalse());
    }

    [Theory]
    // Due Friday 11-06. Monday 11-09: 1 working day late. Tuesday 11-10: 2.
    [InlineData("2026-11-09", -1)]
    [InlineData("2026-11-10", -2)]
    public void Compute_NationalDayCaseWorkingDaysAfterDue_NegativeDaysLeft(string today, int daysLeft)
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [NationalDayCorrection], PromisedDays, Day(today));

        status.DaysLeft.ShouldBe(daysLeft);
    }

    [Fact]
    public void Compute_NationalDayCaseWorkingDayAfterDue_IsOverdue()
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [NationalDayCorrection], PromisedDays, Day("2026-11-09"));

        status.IsOverdue.ShouldBeTrue();
    }

    [Theory]
    // BUG (Deadline.cs line 37): due Friday 11-06 was missed, yet on Saturday 11-07 and Sunday 11-08
    // -CountWorkingDays(11-06, today) is 0, so DaysLeft is 0 and IsOverdue false until Monday.
    [InlineData("2026-11-07")]
    [InlineData("2026-11-08")]
    public void Compute_NonWorkingDayAfterDue_IsOverdue(string today)
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [NationalDayCorrection], PromisedDays, Day(today));

        status.IsOverdue.ShouldBeTrue();
    }

    [Fact]
    public void Compute_TwoPauses_DueAddsBothSegmentsLeftovers()
    {
        // Segment 1: (09-29, 10-09] = 3. Pause 10-09 → 10-14.
        // Segment 2: (10-14, 10-20] = 10-15, 10-16, 10-19, 10-20 = 4. Pause 10-20 → 10-23 (Fri).
        // 20 - 7 = 13 from 10-23: 10-26..30 (1-5), 11-02..06 (6-10), 11-09..11 (11-13) → 2026-11-11.
        ClockPause[] pauses = [NationalDayCorrection, new(Day("2026-10-20"), Day("2026-10-23"))];

        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, pauses, PromisedDays, Day("2026-10-23"));

        status.ShouldBe(new DeadlineStatus(Day("2026-11-11"), 13, IsRunning: true));
    }

    [Fact]
    public void Compute_TwoPausesGivenOutOfOrder_SameDueAsInOrder()
    {
        // Same case as above with the list reversed: pauses are taken in date order.
        ClockPause[] pauses = [new(Day("2026-10-20"), Day("2026-10-23")), NationalDayCorrection];

        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, pauses, PromisedDays, Day("2026-10-23"));

        status.DueOn.ShouldBe(Day("2026-11-11"));
    }

    [Fact]
    public void Compute_SecondPauseStillOpen_FrozenAtWhatBothSegmentsLeft()
    {
        // 3 + 4 consumed (see above), second correction not yet answered: 13 left, no due date.
        ClockPause[] pauses = [NationalDayCorrection, new(Day("2026-10-20"), null)];

        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, pauses, PromisedDays, Day("2026-10-22"));

        status.ShouldBe(new DeadlineStatus(null, 13, IsRunning: false));
    }

    [Fact]
    public void Compute_PauseStartingOnAcceptanceDay_WholePeriodCountsFromResumption()
    {
        // Pause 09-29 → 10-09: (09-29, 09-29] = 0 consumed. 20 from 10-09 (Fri): 10-10 (Sat, workday) 1,
        // 10-12..16 2-6, 10-19..23 7-11, 10-26..30 12-16, 11-02..05 17-20 → 2026-11-05.
        ClockPause[] pauses = [new(AcceptedBeforeNationalDay, Day("2026-10-09"))];

        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, pauses, PromisedDays, Day("2026-10-09"));

        status.ShouldBe(new DeadlineStatus(Day("2026-11-05"), PromisedDays, IsRunning: true));
    }

    [Fact]
    public void Compute_OpenPauseStartingOnAcceptanceDay_WholePeriodFrozen()
    {
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [new ClockPause(AcceptedBeforeNationalDay, null)], PromisedDays, Day("2026-10-08"));

        status.ShouldBe(new DeadlineStatus(null, PromisedDays, IsRunning: false));
    }

    [Fact]
    public void Compute_PeriodRanOutBeforeOpenPause_FrozenOverdue()
    {
        // Period 5 from 09-29 ran out on 10-12. A correction asked on 10-16: (09-29, 10-16] = 09-30, 10-08, 10-09,
        // 10-10, 10-12..16 = 9 consumed, 5 - 9 = -4.
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [new ClockPause(Day("2026-10-16"), null)], 5, Day("2026-10-19"));

        status.DaysLeft.ShouldBe(-4);
    }

    [Fact]
    public void Compute_PeriodRanOutBeforePauseThenResumed_StillOverdueOnResumption()
    {
        // BUG (Deadline.cs line 36): same case as above, resubmitted 10-20. On 10-20 the clock has consumed 9 of 5
        // days, so 4 over (as while paused), but the code takes due = segmentStart = 10-20 when remaining < 0,
        // giving DaysLeft 0 and IsOverdue false: answering the correction makes an overdue application "due today".
        var status = Deadline.Compute(_calendar, AcceptedBeforeNationalDay, [new ClockPause(Day("2026-10-16"), Day("2026-10-20"))], 5, Day("2026-10-20"));

        status.DaysLeft.ShouldBe(-4);
    }

    [Fact]
    public void Compute_DueInYearWithoutPublishedNotice_IsProvisional()
    {
        // December 2026 has about 22 working days left; 60 reach into 2027, which has no notice: statutory holidays only.
        var status = Deadline.Compute(_calendar, Day("2026-12-01"), [], 60, Day("2026-12-01"));

        status.Provisional.ShouldBeTrue();
        status.DueOn.ShouldNotBeNull().Year.ShouldBe(2027);
        status.DaysLeft.ShouldBe(60);
    }

    [Fact]
    public void Compute_OverdueIn2026_StaysOverdueOnFirstWorkingDayOf2027()
    {
        // Accepted 2026-11-02 with 20 working days: due 2026-11-30; on 2027-01-05 it is overdue whatever 2027 holds.
        var status = Deadline.Compute(_calendar, Day("2026-11-02"), [], 20, Day("2027-01-05"));

        status.DueOn.ShouldBe(Day("2026-11-30"));
        status.IsOverdue.ShouldBeTrue();
        status.Provisional.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-08", false, null)] // 5 working days: untouched until 12-08 inclusive
    [InlineData("2026-12-01", "2026-12-09", true, "2026-12-01")] // the day after: deemed accepted from receipt
    public void EffectiveStart_SubmittedUntouched_DeemedAcceptedFromReceiptAfterFiveWorkingDays(string received, string today, bool deemed, string? start)
    {
        // 行政许可法 第三十二条: neither accepted nor returned within five (working) days → accepted from receipt.
        var result = Deadline.EffectiveStart(_calendar, ApplicationState.Submitted, Day(received), null, 5, Day(today));

        result.AcceptanceDue!.Value.Date.ShouldBe(Day("2026-12-08"));
        result.Deemed.ShouldBe(deemed);
        result.Start.ShouldBe(start is null ? null : Day(start));
    }

    [Fact]
    public void EffectiveStart_AcceptedLate_ClockRunsFromReceipt()
    {
        var result = Deadline.EffectiveStart(_calendar, ApplicationState.Accepted, Day("2026-12-01"), Day("2026-12-10"), 5, Day("2026-12-10"));

        result.Start.ShouldBe(Day("2026-12-01"));
        result.Deemed.ShouldBeTrue();
    }

    [Fact]
    public void EffectiveStart_AcceptedInTime_ClockRunsFromAcceptance()
    {
        var result = Deadline.EffectiveStart(_calendar, ApplicationState.Accepted, Day("2026-12-01"), Day("2026-12-08"), 5, Day("2026-12-20"));

        result.Start.ShouldBe(Day("2026-12-08"));
        result.Deemed.ShouldBeFalse();
    }

    [Fact]
    public void EffectiveStart_ReturnedBeforeAcceptance_NoTimerAndNoClock()
    {
        var result = Deadline.EffectiveStart(_calendar, ApplicationState.Returned, Day("2026-12-01"), null, 5, Day("2026-12-20"));

        result.ShouldBe((null, null, false));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
