using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Admin.Calendar;

/// <summary>Adds (or replaces) a year of the State Council's holiday notice; deadlines into that year then work.</summary>
[Permission(CorePermissions.ManageCalendar)]
public sealed class AddModel(ICalendarProvider calendars, DbContext db, IAuditTrail audit, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() => Input.Year = DateTime.UtcNow.Year + 1;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        CalendarYearData year;
        try
        {
            year = new CalendarYearData(Input.Year, Input.Source.Trim(), ParseHolidays(Input.Holidays), ParseDates(Input.Workdays));
            // Round-trip through the validating parser: the same rules as the recipe's data.
            year = HolidayCalendarJson.Parse(HolidayCalendarJson.Serialize([year])).Single();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            ModelState.AddModelError(string.Empty, localizer["Admin.Calendar.Invalid", ex.Message]);
            return Page();
        }

        await calendars.SaveYearsAsync([year], cancellationToken);
        audit.Record("calendar.year-saved", "CalendarYear", year.Year.ToString(CultureInfo.InvariantCulture), $"{year.Holidays.Count} holidays, {year.Workdays.Count} adjusted workdays; {year.Source}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = localizer["Admin.Calendar.Saved", year.Year].Value;
        return RedirectToPage("/Admin/Calendar/Index");
    }

    private static List<HolidayRange> ParseHolidays(string text) =>
        [.. Lines(text).Select(line =>
        {
            var parts = line.Split([',', '，'], StringSplitOptions.TrimEntries);
            return parts.Length == 3
                ? new HolidayRange(parts[0], ParseDate(parts[1]), ParseDate(parts[2]))
                : throw new FormatException(line);
        })];

    private static List<DateOnly> ParseDates(string? text) =>
        [.. (text ?? "").Split([',', '，', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseDate)];

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw new FormatException(text);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public sealed class InputModel
    {
        [Range(2000, 2100, ErrorMessage = "Validation.Range")]
        [Display(Name = "Admin.Calendar.Year")]
        public int Year { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Admin.Calendar.Source")]
        public string Source { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Admin.Calendar.Holidays")]
        public string Holidays { get; set; } = "";

        [Display(Name = "Admin.Calendar.Workdays")]
        public string? Workdays { get; set; }
    }
}
