using Registry.Core.Calendar;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Tests.Domain;

/// <summary>
/// Case deadlines: 行政处罚法 第六十条 (九十日 from 立案, calendar days: 第八十五条 makes only 二、三、五、七日 working days),
/// 第六十四条(一) (hearing asked for within 5 working days), 第六十一条 (delivery within 7 working days), 第六十七条 (fine paid within 15 days).
/// </summary>
public sealed class CaseClockTests
{
    private readonly WorkingDayCalendar _calendar = new(HolidayCalendarJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays-cn.json"))));

    private static PenaltyCase Filed(DateOnly on) => new()
    {
        FiledOn = on,
        State = CaseState.Investigating,
        Events = [new CaseEvent { Kind = CaseEventKind.Filed, On = on, At = on.ToDateTime(TimeOnly.MinValue) }],
    };

    [Fact]
    public void Compute_Art60_NinetyCalendarDaysEndingOnSunday_MovesToMonday()
    {
        // 2 March 2026 + 90 days = Sunday 31 May → Monday 1 June (民法典 第二百零三条).
        var deadlines = CaseClock.Compute(_calendar, new CaseOptions(), Filed(new DateOnly(2026, 3, 2)), new DateOnly(2026, 3, 2));

        deadlines.DecisionDue.Date.ShouldBe(new DateOnly(2026, 6, 1));
    }

    [Fact]
    public void Compute_Art60_ExtensionApproved_AddsItsDays()
    {
        var penaltyCase = Filed(new DateOnly(2026, 3, 3));
        penaltyCase.Events.Add(new CaseEvent { Kind = CaseEventKind.Extend, On = new DateOnly(2026, 5, 20), Days = 30, ApprovedBy = "局长" });

        var deadlines = CaseClock.Compute(_calendar, new CaseOptions(), penaltyCase, new DateOnly(2026, 5, 20));

        deadlines.ExtendedBy.ShouldBe(30);
        deadlines.DecisionDue.Date.ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void Compute_WorkingDayUnitConfigured_CountsWorkingDays()
    {
        var options = new CaseOptions { DecisionPeriod = 20, DecisionPeriodUnit = PeriodUnit.WorkingDays };

        var deadlines = CaseClock.Compute(_calendar, options, Filed(new DateOnly(2026, 3, 2)), new DateOnly(2026, 3, 2));

        deadlines.DecisionDue.Date.ShouldBe(_calendar.AddWorkingDays(new DateOnly(2026, 3, 2), 20));
        deadlines.DecisionDue.Date.ShouldBe(new DateOnly(2026, 3, 30));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Compute_Art60_DayAfterTheDueDateUndecided_Overdue(int daysAfterDue, bool overdue)
    {
        // Due Monday 1 June 2026: still in time that day, overdue from Tuesday 2 June.
        var deadlines = CaseClock.Compute(_calendar, new CaseOptions(), Filed(new DateOnly(2026, 3, 2)), new DateOnly(2026, 5, 31).AddDays(daysAfterDue));

        deadlines.Overdue.ShouldBe(overdue);
    }

    [Fact]
    public void Compute_Art64_HearingRequestWindow_FiveWorkingDaysAfterNotice()
    {
        var penaltyCase = Filed(new DateOnly(2026, 3, 2));
        penaltyCase.State = CaseState.Notified;
        penaltyCase.Proposed = new PenaltyMeasures { FineFen = 2_000_000 };
        penaltyCase.Events.Add(new CaseEvent { Kind = CaseEventKind.Notify, On = new DateOnly(2026, 4, 1), At = new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc) });

        var deadlines = CaseClock.Compute(_calendar, new CaseOptions(), penaltyCase, new DateOnly(2026, 4, 1));

        // 1 April (Wed) + 5 working days, skipping 清明 (4–6 April): 2, 3, 7, 8, 9 April.
        deadlines.HearingRequestDue!.Value.Date.ShouldBe(new DateOnly(2026, 4, 9));
    }

    [Fact]
    public void Compute_WarningOnly_NoHearingWindow()
    {
        var penaltyCase = Filed(new DateOnly(2026, 3, 2));
        penaltyCase.Proposed = new PenaltyMeasures { Warning = true };
        penaltyCase.Events.Add(new CaseEvent { Kind = CaseEventKind.Notify, On = new DateOnly(2026, 4, 1) });

        CaseClock.Compute(_calendar, new CaseOptions(), penaltyCase, new DateOnly(2026, 4, 1)).HearingRequestDue.ShouldBeNull();
    }

    [Fact]
    public void Compute_Art61_Art67_DeliveryAndPayment()
    {
        var penaltyCase = Filed(new DateOnly(2026, 3, 2));
        penaltyCase.State = CaseState.Executing;
        penaltyCase.DecidedOn = new DateOnly(2026, 4, 20);
        penaltyCase.Decided = new PenaltyMeasures { FineFen = 100_000 };
        penaltyCase.Events.Add(new CaseEvent { Kind = CaseEventKind.Deliver, On = new DateOnly(2026, 4, 22) });

        var deadlines = CaseClock.Compute(_calendar, new CaseOptions(), penaltyCase, new DateOnly(2026, 4, 22));

        deadlines.DeliveryDue!.Value.Date.ShouldBe(_calendar.AddWorkingDays(new DateOnly(2026, 4, 20), 7));
        // 22 April + 15 days = 7 May (Thursday, a working day after the May Day holiday).
        deadlines.FinePaymentDue!.Value.Date.ShouldBe(new DateOnly(2026, 5, 7));
        deadlines.Overdue.ShouldBeFalse();
    }
}
