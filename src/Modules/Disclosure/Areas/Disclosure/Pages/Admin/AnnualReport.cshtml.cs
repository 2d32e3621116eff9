using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Core.Tabular;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages.Admin;

/// <summary>
/// 政府信息公开工作年度报告 in the back office: without a year, the years with their state and due day (31 January, 第四十九条);
/// with one, the national-format tables counted from the records (each request figure links to its requests), the officers'
/// part, the XLSX export, and publication.
/// </summary>
[Permission(DisclosurePermissions.ViewRequests)]
public sealed class AnnualReportModel(AnnualReportService reports, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    /// <summary>How many past years the list offers.</summary>
    public const int YearsListed = 5;

    public int? Year { get; private set; }

    public IReadOnlyList<(int Year, AnnualDisclosureReport? Report, DateOnly DueOn, bool Overdue)> Years { get; private set; } = [];

    public AnnualDisclosureReport? Report { get; private set; }

    public AnnualReportFigures Figures { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public bool CanPublish { get; private set; }

    [BindProperty]
    public AnnualReportInput Input { get; set; } = new();

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (year is null)
        {
            await ListAsync(cancellationToken);
            return Page();
        }

        if (!await LoadAsync(year.Value, cancellationToken))
        {
            return NotFound();
        }

        Input = AnnualReportInput.From(Report);
        Saved = TempData["AnnualReportDone"] as string;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        return File(AnnualReportService.Xlsx(Figures, localizer), TabularExport.XlsxContentType,
            string.Create(CultureInfo.InvariantCulture, $"disclosure-annual-report-{year}.xlsx"));
    }

    public async Task<IActionResult> OnPostSaveAsync(int year, CancellationToken cancellationToken)
    {
        if (!reports.IsReportableYear(year))
        {
            return NotFound();
        }

        if (!User.HasPermission(DisclosurePermissions.ManageAnnualReport))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(year, cancellationToken);
            return Page();
        }

        var result = await reports.SaveAsync(year, Input, cancellationToken);
        return await DoneAsync(year, result, "Disclosure.Annual.Done.Saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(int year, CancellationToken cancellationToken)
    {
        if (!reports.IsReportableYear(year))
        {
            return NotFound();
        }

        if (!User.HasPermission(DisclosurePermissions.ManageAnnualReport))
        {
            return Forbid();
        }

        var result = await reports.PublishAsync(year, Input.Version, cancellationToken);
        return await DoneAsync(year, result, "Disclosure.Annual.Done.Published", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(int year, OperationResult result, string doneKey, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["AnnualReportDone"] = localizer[doneKey].Value;
            return RedirectToPage(new { year });
        }

        ModelState.AddResult(result, localizer, "Input.");
        var entered = Input;
        await LoadAsync(year, cancellationToken);
        // A refused save keeps what was typed; a conflict shows the saved version to start again from.
        Input = result.Conflict ? AnnualReportInput.From(Report) : entered;
        return Page();
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        if (!reports.IsReportableYear(year))
        {
            return false;
        }

        Year = year;
        Report = await reports.FindAsync(year, cancellationToken);
        Figures = await reports.FiguresAsync(year, Report, cancellationToken);
        CanManage = User.HasPermission(DisclosurePermissions.ManageAnnualReport);
        CanPublish = CanManage && Report is not null && year < ChinaTime.Today(clock).Year;
        ViewData["Title"] = localizer["Disclosure.Annual.TitleOf", year].Value;
        return true;
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var saved = (await reports.ListAsync(cancellationToken)).ToDictionary(r => r.Year);
        var years = Enumerable.Range(0, YearsListed).Select(i => today.Year - i).Where(reports.IsReportableYear).Union(saved.Keys).OrderDescending();
        Years = [.. years.Select(y =>
        {
            var report = saved.GetValueOrDefault(y);
            var due = AnnualReportRules.DueOn(y);
            return (y, report, due, report?.State != AnnualReportState.Published && today > due);
        })];
        ViewData["Title"] = localizer["Disclosure.Annual.Title"].Value;
    }
}
