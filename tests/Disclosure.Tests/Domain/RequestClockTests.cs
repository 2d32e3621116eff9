using Registry.Core.Calendar;
using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Tests.Domain;

/// <summary>
/// The answer clock of 政府信息公开条例 第三十条, 第三十二条, 第三十三条, in 2026 working days (清明 4–6 April). Received on Monday
/// 2 March 2026: the 20th working day after it is Monday 30 March.
/// </summary>
public sealed class RequestClockTests
{
    private static readonly DateOnly Received = new(2026, 3, 2);

    private readonly WorkingDayCalendar _calendar = new(HolidayCalendarJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays-cn.json"))));

    [Fact]
    public void Compute_Art33_DueTwentyWorkingDaysAfterReceipt()
    {
        var clock = RequestClock.Compute(_calendar, Received, [Event(RequestEventKind.Received, Received)], new DateOnly(2026, 3, 27));

        clock.DueOn.ShouldBe(new DateOnly(2026, 3, 30));
        clock.DaysLeft.ShouldBe(1);
        clock.IsRunning.ShouldBeTrue();
        clock.IsDueSoon.ShouldBeTrue();
        clock.IsOverdue.ShouldBeFalse();
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void AnsweredInTime_Art33_DueDayIsInTimeTheDayAfterIsLate(int day, bool inTime)
    {
        var answered = new DateOnly(2026, 3, day);
        var clock = RequestClock.Compute(_calendar, Received, [Event(RequestEventKind.Received, Received), Event(RequestEventKind.Answered, answered)], new DateOnly(2026, 6, 1));

        RequestClock.AnsweredInTime(clock, answered).ShouldBe(inTime);
        clock.IsRunning.ShouldBeFalse("an answered request's clock stopped on the answer day");
    }

    [Fact]
    public void Compute_Art33_OverdueTheWorkingDayAfterTheDueDay()
    {
        var onDue = RequestClock.Compute(_calendar, Received, [Event(RequestEventKind.Received, Received)], new DateOnly(2026, 3, 30));
        var after = RequestClock.Compute(_calendar, Received, [Event(RequestEventKind.Received, Received)], new DateOnly(2026, 4, 1));

        onDue.IsOverdue.ShouldBeFalse();
        onDue.DaysLeft.ShouldBe(0);
        after.IsOverdue.ShouldBeTrue();
        after.DaysLeft.ShouldBe(-2);
    }

    [Fact]
    public void Compute_Art33Extension_AddsTheApprovedWorkingDaysSkippingQingming()
    {
        var events = new[] { Event(RequestEventKind.Received, Received), Event(RequestEventKind.Extended, new DateOnly(2026, 3, 25), days: 20) };

        var clock = RequestClock.Compute(_calendar, Received, events, new DateOnly(2026, 3, 31));

        clock.DueOn.ShouldBe(new DateOnly(2026, 4, 28));
        clock.ExtensionDays.ShouldBe(20);
        clock.IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public void Compute_Art30Correction_ClockStandsStillWhileWaiting()
    {
        var events = new[] { Event(RequestEventKind.Received, Received), Event(RequestEventKind.CorrectionRequested, new DateOnly(2026, 3, 5), days: 10) };

        var clock = RequestClock.Compute(_calendar, Received, events, new DateOnly(2026, 4, 20));

        clock.DueOn.ShouldBeNull();
        clock.IsRunning.ShouldBeFalse();
        clock.IsOverdue.ShouldBeFalse();
        clock.CorrectionPeriodEnds.ShouldBe(new DateOnly(2026, 3, 19));
    }

    [Fact]
    public void Compute_Art30Correction_ClockRestartsFromTheCorrectedRequest()
    {
        var events = new[]
        {
            Event(RequestEventKind.Received, Received),
            Event(RequestEventKind.CorrectionRequested, new DateOnly(2026, 3, 5), days: 10),
            Event(RequestEventKind.Corrected, new DateOnly(2026, 3, 16)),
        };

        var clock = RequestClock.Compute(_calendar, Received, events, new DateOnly(2026, 3, 31));

        clock.ClockStart.ShouldBe(new DateOnly(2026, 3, 16));
        clock.DueOn.ShouldBe(new DateOnly(2026, 4, 14));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Compute_Art30_CorrectionNoticeDueSevenWorkingDaysAfterReceipt(int today)
    {
        var clock = RequestClock.Compute(_calendar, Received, [Event(RequestEventKind.Received, Received)], new DateOnly(2026, 3, today));

        clock.CorrectionDue.Date.ShouldBe(new DateOnly(2026, 3, 11));
    }

    [Fact]
    public void Compute_Art32Consultation_TimeSpentDoesNotCount()
    {
        var events = new[]
        {
            Event(RequestEventKind.Received, Received),
            Event(RequestEventKind.ConsultationStarted, new DateOnly(2026, 3, 9)),
            Event(RequestEventKind.ConsultationEnded, new DateOnly(2026, 3, 20)),
        };

        var clock = RequestClock.Compute(_calendar, Received, events, new DateOnly(2026, 3, 23));

        // 5 working days used before the consultation (3–9 March), 15 left from 20 March.
        clock.DueOn.ShouldBe(new DateOnly(2026, 4, 13));
        clock.DaysLeft.ShouldBe(14);
    }

    [Fact]
    public void Compute_Art32ConsultationOpen_ClockPausedWithWhatIsLeft()
    {
        var events = new[] { Event(RequestEventKind.Received, Received), Event(RequestEventKind.ConsultationStarted, new DateOnly(2026, 3, 9)) };

        var clock = RequestClock.Compute(_calendar, Received, events, new DateOnly(2026, 5, 20));

        clock.IsRunning.ShouldBeFalse();
        clock.IsOverdue.ShouldBeFalse();
        clock.DaysLeft.ShouldBe(15);
    }

    private static int NextId;

    private static RequestEvent Event(RequestEventKind kind, DateOnly on, int? days = null) =>
        new() { Id = Interlocked.Increment(ref NextId), Kind = kind, On = on, At = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Days = days };
}
