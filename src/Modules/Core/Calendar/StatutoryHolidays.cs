using System.Globalization;

namespace Registry.Core.Calendar;

/// <summary>
/// The statutory public holidays of 全国年节及纪念日放假办法 (2024 revision, in force from 2025-01-01, 第二条):
/// 元旦 1 day; 春节 4 days (除夕 to 正月初三); 清明节 1 day (the solar term); 劳动节 2 days (1–2 May);
/// 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (1–3 October).
/// A year built from them is <em>provisional</em>: it holds no adjusted working days (调休) and no make-up days,
/// which only the State Council's yearly notice (国务院办公厅关于部分节假日安排的通知) sets.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year the 2024 revision governs; earlier years need their published notices.</summary>
    public const int FirstYear = 2025;

    /// <summary>The last year the solar-term formula and <see cref="ChineseLunisolarCalendar"/> cover here.</summary>
    public const int LastYear = 2099;

    /// <summary>Names the provisional years carry in their <see cref="CalendarYearData.Source"/>.</summary>
    public const string ProvisionalSource = "provisional: 全国年节及纪念日放假办法 (2024) statutory holidays only";

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The statutory holidays of <paramref name="year"/> with no adjusted working days; throws outside <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static CalendarYearData ProvisionalYear(int year)
    {
        if (!Covers(year))
        {
            throw new CalendarYearMissingException(year);
        }

        var springFestival = LunarDate(year, 1, 1);
        var midAutumn = LunarDate(year, 8, 15);
        var nationalDay = new DateOnly(year, 10, 1);
        var holidays = new List<HolidayRange>
        {
            new("元旦", new DateOnly(year, 1, 1), new DateOnly(year, 1, 1)),
            new("春节", springFestival.AddDays(-1), springFestival.AddDays(2)),
            new("清明节", Qingming(year), Qingming(year)),
            new("劳动节", new DateOnly(year, 5, 1), new DateOnly(year, 5, 2)),
            new("端午节", LunarDate(year, 5, 5), LunarDate(year, 5, 5)),
        };

        if (midAutumn >= nationalDay && midAutumn <= nationalDay.AddDays(2))
        {
            // 中秋 inside the National Day days: both holidays are still owed, so the four days run on.
            holidays.Add(new HolidayRange("国庆节、中秋节", nationalDay, nationalDay.AddDays(3)));
        }
        else
        {
            holidays.Add(new HolidayRange("中秋节", midAutumn, midAutumn));
            holidays.Add(new HolidayRange("国庆节", nationalDay, nationalDay.AddDays(2)));
        }

        return new CalendarYearData(year, ProvisionalSource, [.. holidays.OrderBy(h => h.From)], []);
    }

    /// <summary>The Gregorian day of a lunar month and day (leap months skipped) in the lunar year starting in <paramref name="year"/>.</summary>
    internal static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        // With a leap month the calendar numbers the months 1–13; the leap one follows the month it repeats.
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明 (sun at 15° ecliptic longitude): April ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with Y the year within the century
    /// (the common formula for 2001–2099; unit-tested against the published dates of 2001–2030).
    /// </summary>
    internal static DateOnly Qingming(int year)
    {
        var y = year % 100;
        // Decimal arithmetic: the floor must not depend on binary rounding.
        var day = (int)decimal.Floor((y * 0.2422m) + 4.81m) - (y / 4);
        return new DateOnly(year, 4, day);
    }
}
