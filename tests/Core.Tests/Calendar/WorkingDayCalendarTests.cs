using Registry.Core.Calendar;

namespace Registry.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly string HolidaysJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays-cn.json"));

    private readonly WorkingDayCalendar _calendar = new(HolidayCalendarJson.Parse(HolidaysJson));

    [Theory]
    [InlineData("2026-09-18")] // Friday
    [InlineData("2026-09-20")] // Sunday, 调休上班日 before 中秋节
    [InlineData("2026-10-08")] // Thursday after 国庆节
    [InlineData("2026-10-10")] // Saturday, 调休上班日 after 国庆节
    [InlineData("2025-09-28")] // Sunday, 调休上班日 in the 2025 data
    public void IsWorkingDay_WeekdayOrAdjustedWorkday_IsTrue(string date)
    {
        _calendar.IsWorkingDay(Day(date)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026-09-19")] // Saturday
    [InlineData("2026-09-25")] // Friday, 中秋节
    [InlineData("2026-10-05")] // Monday, 国庆节
    [InlineData("2026-10-11")] // Sunday
    [InlineData("2025-01-28")] // Tuesday, 春节 2025
    public void IsWorkingDay_WeekendOrHoliday_IsFalse(string date)
    {
        _calendar.IsWorkingDay(Day(date)).ShouldBeFalse();
    }

    [Fact]
    public void AddWorkingDays_TwentyAfterAcceptanceOn20260918_Is20261022()
    {
        // By hand from the data: 09-20 (Sun, workday) is day 1, 09-21..24 days 2-5, 09-25..27 中秋节,
        // 09-28..30 days 6-8, 10-01..07 国庆节, 10-08, 10-09 days 9-10, 10-10 (Sat, workday) day 11,
        // 10-12..16 days 12-16, 10-19..22 days 17-20.
        _calendar.AddWorkingDays(Day("2026-09-18"), 20).ShouldBe(Day("2026-10-22"));
    }

    [Fact]
    public void AddWorkingDays_OneAfterFridayBeforeAdjustedSunday_IsThatSunday()
    {
        _calendar.AddWorkingDays(Day("2026-09-18"), 1).ShouldBe(Day("2026-09-20"));
    }

    [Fact]
    public void AddWorkingDays_OneBeforeNationalDay_SkipsTheWholeHoliday()
    {
        _calendar.AddWorkingDays(Day("2026-09-30"), 1).ShouldBe(Day("2026-10-08"));
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsStartEvenOnAHoliday()
    {
        _calendar.AddWorkingDays(Day("2026-10-03"), 0).ShouldBe(Day("2026-10-03"));
    }

    [Fact]
    public void AddWorkingDays_Negative_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(Day("2026-09-18"), -1));
    }

    [Fact]
    public void CountWorkingDays_AcceptanceToDeadline_IsTwenty()
    {
        _calendar.CountWorkingDays(Day("2026-09-18"), Day("2026-10-22")).ShouldBe(20);
    }

    [Fact]
    public void CountWorkingDays_ReversedDates_IsNegated()
    {
        _calendar.CountWorkingDays(Day("2026-10-22"), Day("2026-09-18")).ShouldBe(-20);
    }

    [Fact]
    public void CountWorkingDays_SameDay_IsZero()
    {
        _calendar.CountWorkingDays(Day("2026-10-05"), Day("2026-10-05")).ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-09-18", 1)]
    [InlineData("2026-09-18", 20)]
    [InlineData("2026-09-18", 60)]
    [InlineData("2026-10-03", 5)] // starting on a holiday
    [InlineData("2025-12-25", 30)] // across the year boundary
    [InlineData("2026-02-13", 10)] // across 春节 with two adjusted Saturdays
    public void CountWorkingDays_FromStartToAddWorkingDays_RoundTrips(string start, int days)
    {
        var deadline = _calendar.AddWorkingDays(Day(start), days);

        _calendar.CountWorkingDays(Day(start), deadline).ShouldBe(days);
    }

    [Fact]
    public void CountWorkingDays_AnySpanFrom2024To2028_EqualsTheDaysCountedOneByOne()
    {
        // The count reads per-year ordinals; this is its definition, day by day, over spans within and across years.
        var start = Day("2024-12-31");
        for (var from = start; from < Day("2028-12-31"); from = from.AddDays(11))
        {
            foreach (var length in (int[])[0, 1, 3, 7, 20, 45, 90, 400, 800])
            {
                var to = from.AddDays(length);
                var expected = 0;
                for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
                {
                    expected += _calendar.IsWorkingDay(day) ? 1 : 0;
                }

                _calendar.CountWorkingDays(from, to).ShouldBe(expected, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({from:yyyy-MM-dd}, {to:yyyy-MM-dd}]"));
                _calendar.CountWorkingDays(to, from).ShouldBe(-expected);
            }
        }
    }

    [Fact]
    public void CountWorkingDays_FromLastDayBeforeTheData_DoesNotNeedThatYear()
    {
        _calendar.CountWorkingDays(Day("2024-12-31"), Day("2025-01-02")).ShouldBe(1); // 元旦, then Thursday 2 January
    }

    [Theory]
    [InlineData("2024-12-30", "2025-01-10", 2024)]
    [InlineData("2099-12-20", "2100-01-05", 2100)]
    public void CountWorkingDays_SpanTouchingAYearWithoutData_ThrowsYearMissing(string from, string to, int year)
    {
        Should.Throw<CalendarYearMissingException>(() => _calendar.CountWorkingDays(Day(from), Day(to))).Year.ShouldBe(year);
    }

    [Fact]
    public void HolidayName_DayInNationalDay_IsItsName()
    {
        _calendar.HolidayName(Day("2026-10-05")).ShouldBe("国庆节");
    }

    [Fact]
    public void HolidayName_AdjustedWorkday_IsNull()
    {
        _calendar.HolidayName(Day("2026-10-10")).ShouldBeNull();
    }

    [Fact]
    public void Years_FromTestData_Are2025And2026()
    {
        _calendar.Years.ShouldBe([2025, 2026]);
    }

    [Fact]
    public void IsWorkingDay_DateIn2027WithoutNotice_CountsProvisionally()
    {
        // 2027-01-01 is 元旦 (statutory); 2027-01-04 a Monday.
        _calendar.IsWorkingDay(Day("2027-01-01")).ShouldBeFalse();
        _calendar.IsWorkingDay(Day("2027-01-04")).ShouldBeTrue();
        _calendar.IsProvisional(2027).ShouldBeTrue();
        _calendar.IsProvisional(2026).ShouldBeFalse();
    }

    [Fact]
    public void DueAfter_DeadlineReaching2027_IsProvisional()
    {
        var due = _calendar.DueAfter(Day("2026-12-20"), 20);

        // 21 Dec – 31 Dec: 9 working days; 1 Jan is 元旦; the 11 more end on Mon 18 Jan 2027.
        due.ShouldBe(new DueDate(Day("2027-01-18"), Provisional: true));
        _calendar.DueAfter(Day("2026-11-02"), 20).Provisional.ShouldBeFalse();
    }

    [Fact]
    public void IsWorkingDay_DateIn2100_ThrowsYearMissing()
    {
        Should.Throw<CalendarYearMissingException>(() => _calendar.IsWorkingDay(Day("2100-01-04"))).Year.ShouldBe(2100);
    }

    [Fact]
    public void HolidayName_DateIn2024_ThrowsYearMissing()
    {
        Should.Throw<CalendarYearMissingException>(() => _calendar.HolidayName(Day("2024-10-01"))).Year.ShouldBe(2024);
    }

    [Fact]
    public void Constructor_SameYearTwice_Throws()
    {
        var years = HolidayCalendarJson.Parse(HolidaysJson);

        Should.Throw<ArgumentException>(() => new WorkingDayCalendar([.. years, years[0]]));
    }

    [Fact]
    public void Parse_TestData_ReadsBothYearsWithSources()
    {
        var years = HolidayCalendarJson.Parse(HolidaysJson);

        years.Select(y => y.Year).ShouldBe([2025, 2026]);
        years[1].Holidays.ShouldContain(new HolidayRange("中秋节", Day("2026-09-25"), Day("2026-09-27")));
        years[1].Workdays.ShouldContain(Day("2026-10-10"));
        years[1].Source.ShouldStartWith("国务院办公厅");
    }

    [Fact]
    public void Parse_RangeFromAfterTo_ThrowsNamingTheEntry()
    {
        var json = YearJson("""{ "name": "中秋节", "from": "2026-09-27", "to": "2026-09-25" }""", "");

        var ex = Should.Throw<FormatException>(() => HolidayCalendarJson.Parse(json));

        ex.Message.ShouldContain("中秋节");
        ex.Message.ShouldContain("after");
    }

    [Fact]
    public void Parse_WorkdayOnWeekday_Throws()
    {
        var json = YearJson("", "\"2026-10-09\"");

        Should.Throw<FormatException>(() => HolidayCalendarJson.Parse(json)).Message.ShouldContain("2026-10-09");
    }

    [Fact]
    public void Parse_HolidayOutsideItsYear_Throws()
    {
        var json = YearJson("""{ "name": "元旦", "from": "2025-12-31", "to": "2026-01-01" }""", "");

        Should.Throw<FormatException>(() => HolidayCalendarJson.Parse(json)).Message.ShouldContain("元旦");
    }

    [Fact]
    public void Parse_MalformedDate_Throws()
    {
        var json = YearJson("""{ "name": "国庆节", "from": "2026-10-1", "to": "2026-10-07" }""", "");

        Should.Throw<FormatException>(() => HolidayCalendarJson.Parse(json)).Message.ShouldContain("国庆节");
    }

    [Fact]
    public void Parse_NotJson_ThrowsFormatException()
    {
        Should.Throw<FormatException>(() => HolidayCalendarJson.Parse("{ \"years\": [ "));
    }

    [Fact]
    public void Parse_SameYearTwice_Throws()
    {
        var year = """{ "year": 2026, "source": "s", "holidays": [], "workdays": [] }""";

        Should.Throw<FormatException>(() => HolidayCalendarJson.Parse($$"""{ "years": [ {{year}}, {{year}} ] }"""));
    }

    [Fact]
    public void Serialize_ParsedTestData_ParsesBackToTheSameYears()
    {
        var years = HolidayCalendarJson.Parse(HolidaysJson);

        var again = HolidayCalendarJson.Parse(HolidayCalendarJson.Serialize(years));

        again.Count.ShouldBe(years.Count);
        for (var i = 0; i < years.Count; i++)
        {
            again[i].Year.ShouldBe(years[i].Year);
            again[i].Source.ShouldBe(years[i].Source);
            again[i].Holidays.ShouldBe(years[i].Holidays);
            again[i].Workdays.ShouldBe(years[i].Workdays);
        }
    }

    [Fact]
    public void Serialize_ChineseNames_AreWrittenUnescaped()
    {
        HolidayCalendarJson.Serialize(HolidayCalendarJson.Parse(HolidaysJson)).ShouldContain("\"name\": \"国庆节\"");
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string YearJson(string holidays, string workdays) =>
        $$"""{ "years": [ { "year": 2026, "source": "test", "holidays": [ {{holidays}} ], "workdays": [ {{workdays}} ] } ] }""";
}
