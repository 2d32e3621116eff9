using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Reports.Services;

namespace Registry.Reports.Areas.Reports.Pages;

/// <summary>The bureau's statistics for a year or a range inside it: every section's tables with charts, each figure linking to its records; XLSX and CSV exports.</summary>
[Permission(ReportsPermissions.View)]
public sealed class IndexModel(ReportBuilder builder, IStringLocalizer localizer, TimeProvider clock) : ReportPageModel(localizer, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(builder.BuildAsync, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        ExportAsync(r => File(ReportExport.Xlsx(r, Text.Format), ReportExport.XlsxContentType, ReportExport.FileName(r.Period, "xlsx")), cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        ExportAsync(r => File(ReportExport.Csv(r, Text.Format), "text/csv; charset=utf-8", ReportExport.FileName(r.Period, "csv")), cancellationToken);

    private async Task<IActionResult> ExportAsync(Func<Domain.Report, IActionResult> file, CancellationToken cancellationToken) =>
        await LoadAsync(builder.BuildAsync, cancellationToken) ? file(Report!) : Page();
}
