using Registry.Core.Calendar;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Tests.Services;

/// <summary>第十三条: a verified entry ends within 5 working days of the verification (自查实之日起5个工作日内), derived through the calendar.</summary>
public sealed class ExitDueTests
{
    // 2026 as published: 端午节 19–21 June. 2027 has no notice here: a provisional year.
    private readonly WorkingDayCalendar _calendar = new([
        new CalendarYearData(2026, "国务院办公厅关于2026年部分节假日安排的通知", [new HolidayRange("端午节", new DateOnly(2026, 6, 19), new DateOnly(2026, 6, 21))], []),
    ]);

    private readonly CreditListRules _rules = new();

    private static CreditListEntry Verified(DateOnly? on) => new() { Cause = EntryCause.LateAnnualReport, List = CreditList.Abnormal, EnteredOn = new DateOnly(2026, 6, 1), FulfilmentVerifiedOn = on };

    [Fact]
    public void ExitDue_NotVerified_IsNone_Art13() => CreditListService.ExitDue(_calendar, _rules, Verified(null)).ShouldBeNull();

    [Fact]
    public void ExitDue_VerifiedTuesday_FiveWorkingDaysLater_Art13() =>
        CreditListService.ExitDue(_calendar, _rules, Verified(new DateOnly(2026, 6, 2))).ShouldBe(new DueDate(new DateOnly(2026, 6, 9), false));

    [Fact]
    public void ExitDue_AcrossTheDragonBoatFestival_SkipsTheHoliday_Art13() =>
        CreditListService.ExitDue(_calendar, _rules, Verified(new DateOnly(2026, 6, 15))).ShouldBe(new DueDate(new DateOnly(2026, 6, 23), false));

    [Fact]
    public void ExitDue_IntoAYearWithoutANotice_IsAProvisionalDateNotNone_Art13()
    {
        // 28 Dec 2026 (Monday) + 5 working days: 29, 30, 31 Dec, (1 Jan 元旦), 4 and 5 Jan 2027.
        var due = CreditListService.ExitDue(_calendar, _rules, Verified(new DateOnly(2026, 12, 28))).ShouldNotBeNull();
        due.ShouldBe(new DueDate(new DateOnly(2027, 1, 5), true));
    }

    [Fact]
    public void ExitDue_ConfiguredPeriod_IsUsed() =>
        CreditListService.ExitDue(_calendar, new CreditListRules { ExitWorkingDays = 1 }, Verified(new DateOnly(2026, 6, 18))).ShouldBe(new DueDate(new DateOnly(2026, 6, 22), false));
}
