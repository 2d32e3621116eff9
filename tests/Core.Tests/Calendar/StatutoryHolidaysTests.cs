using Registry.Core.Calendar;

namespace Registry.Core.Tests.Calendar;

/// <summary>Provisional years: the statutory holidays of 全国年节及纪念日放假办法 (2024 revision, 第二条) and nothing else.</summary>
public sealed class StatutoryHolidaysTests
{
    private static readonly string HolidaysJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays-cn.json"));

    [Theory]
    // year, 春节 (正月初一), 清明, 端午, 中秋: published lunar and solar-term dates.
    [InlineData(2027, "2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03")]
    [InlineData(2029, "2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22")]
    [InlineData(2030, "2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12")]
    public void ProvisionalYear_2027To2030_HoldsExactlyTheStatutoryDays(int year, string springFestival, string qingming, string dragonBoat, string midAutumn)
    {
        var data = StatutoryHolidays.ProvisionalYear(year);
        var days = data.Holidays.SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1).Select(h.From.AddDays)).ToList();

        var newYear = Day(springFestival);
        List<DateOnly> expected =
        [
            new(year, 1, 1),
            newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2), // 除夕 to 初三: 4 days
            Day(qingming),
            new(year, 5, 1), new(year, 5, 2),
            Day(dragonBoat),
            Day(midAutumn),
            new(year, 10, 1), new(year, 10, 2), new(year, 10, 3),
        ];
        if (Day(midAutumn) is { Month: 10, Day: <= 3 })
        {
            // 中秋 falls on a National Day day: both are owed, so the holiday runs to 4 October.
            expected.Remove(Day(midAutumn));
            expected.Add(new DateOnly(year, 10, 4));
        }

        days.Order().ShouldBe(expected.Order());
        days.Count.ShouldBe(13);
        data.Workdays.ShouldBeEmpty();
    }

    [Fact]
    public void ProvisionalYear_StatutoryDaysOf2025And2026_AreHolidaysInThePublishedNotices()
    {
        // The notices add bridge days and 调休 on top, never drop a statutory day.
        var published = new WorkingDayCalendar(HolidayCalendarJson.Parse(HolidaysJson));
        foreach (var year in new[] { 2025, 2026 })
        {
            foreach (var holiday in StatutoryHolidays.ProvisionalYear(year).Holidays)
            {
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                {
                    published.HolidayName(day).ShouldNotBeNull($"{day:yyyy-MM-dd} ({holiday.Name})");
                }
            }
        }
    }

    [Theory]
    [InlineData(2001, 5)] [InlineData(2004, 4)] [InlineData(2008, 4)] [InlineData(2010, 5)] [InlineData(2012, 4)]
    [InlineData(2015, 5)] [InlineData(2016, 4)] [InlineData(2019, 5)] [InlineData(2020, 4)] [InlineData(2022, 5)]
    [InlineData(2024, 4)] [InlineData(2025, 4)] [InlineData(2026, 5)] [InlineData(2027, 5)] [InlineData(2030, 5)]
    public void Qingming_KnownYears_MatchesPublishedDay(int year, int aprilDay)
    {
        StatutoryHolidays.Qingming(year).ShouldBe(new DateOnly(year, 4, aprilDay));
    }

    [Fact]
    public void Calendar_LoadingThePublishedYear_ReplacesTheProvisionalOneAndMovesTheDueDate()
    {
        var without = new WorkingDayCalendar(HolidayCalendarJson.Parse(HolidaysJson));
        // A published 2027 notice with a longer Spring Festival and an adjusted working day (an illustrative notice).
        var notice = new CalendarYearData(
            2027,
            "国务院办公厅关于2027年部分节假日安排的通知",
            [new HolidayRange("元旦", Day("2027-01-01"), Day("2027-01-03")), new HolidayRange("春节", Day("2027-02-05"), Day("2027-02-13"))],
            [Day("2027-02-14")]);
        var with = new WorkingDayCalendar([.. HolidayCalendarJson.Parse(HolidaysJson), notice]);

        var provisional = without.DueAfter(Day("2026-12-01"), 60);
        var published = with.DueAfter(Day("2026-12-01"), 60);

        provisional.Provisional.ShouldBeTrue();
        published.Provisional.ShouldBeFalse();
        published.Date.ShouldNotBe(provisional.Date);
        with.IsProvisional(2027).ShouldBeFalse();
        with.IsProvisional(2028).ShouldBeTrue();
    }

    [Fact]
    public void ProvisionalYear_OutsideTheRevisionsYears_Throws()
    {
        Should.Throw<CalendarYearMissingException>(() => StatutoryHolidays.ProvisionalYear(2024)).Year.ShouldBe(2024);
        Should.Throw<CalendarYearMissingException>(() => StatutoryHolidays.ProvisionalYear(2100)).Year.ShouldBe(2100);
    }

    [Fact]
    public void ProvisionalYear_EveryYear_IsConsistent()
    {
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            var data = StatutoryHolidays.ProvisionalYear(year);
            Should.NotThrow(() => new WorkingDayCalendar([data]), $"{year}");
            data.Holidays.Sum(h => h.To.DayNumber - h.From.DayNumber + 1).ShouldBe(13, $"{year}");
        }
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
