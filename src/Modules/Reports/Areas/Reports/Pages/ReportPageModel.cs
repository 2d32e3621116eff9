using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Localization;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Areas.Reports.Pages;

/// <summary>What the dashboard and the summary share: the chosen year and range (GET), checked, and the report built for it.</summary>
public abstract class ReportPageModel(IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Rep.Field.Year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Rep.Field.From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Rep.Field.To")]
    public DateOnly? To { get; set; }

    public Report? Report { get; private set; }

    public TextFormatter Text { get; } = new(key => localizer[key] is { ResourceNotFound: false } found ? found.Value : null, CultureInfo.CurrentUICulture);

    /// <summary>The route values that choose this period (for links to the summary and the exports: asp-all-route-data).</summary>
    public Dictionary<string, string> PeriodRoute
    {
        get
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Year is { } year)
            {
                values["year"] = year.ToString(CultureInfo.InvariantCulture);
            }

            if (From is { } from)
            {
                values["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            if (To is { } to)
            {
                values["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return values;
        }
    }

    /// <summary>Checks the request and builds the report; false (with the errors in ModelState) when the period is invalid.</summary>
    protected async Task<bool> LoadAsync(Func<ReportPeriod, CancellationToken, Task<Report>> build, CancellationToken cancellationToken)
    {
        Year ??= ChinaTime.Today(clock).Year;
        if (!ModelState.IsValid)
        {
            return false;
        }

        var (period, error) = ReportPeriod.Create(Year.Value, From, To);
        if (period is null)
        {
            ModelState.AddModelError(string.Empty, localizer[error!, ReportPeriod.MinYear, ReportPeriod.MaxYear].Value);
            return false;
        }

        ArgumentNullException.ThrowIfNull(build);
        Report = await build(period, cancellationToken);
        return true;
    }
}
