using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Areas.Disclosure.Pages;

/// <summary>A published 政府信息公开工作年度报告 as the public reads it: the snapshot taken when it was published, never live figures.</summary>
[AllowAnonymous]
public sealed class AnnualReportModel(AnnualReportService reports, DbContext db) : PageModel
{
    public int Year { get; private set; }

    public AnnualReportFigures Figures { get; private set; } = null!;

    /// <summary>The report's catalogue entry, whose header the page shows.</summary>
    public CatalogueItem? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!reports.IsReportableYear(year) || await reports.PublishedAsync(year, cancellationToken) is not { } figures)
        {
            return NotFound();
        }

        Year = year;
        Figures = figures;
        var key = AnnualReportPaths.SourceKey(year);
        Entry = await db.Set<CatalogueItem>().AsNoTracking().SingleOrDefaultAsync(i => i.SourceModule == "Disclosure" && i.SourceKey == key && !i.Withdrawn, cancellationToken);
        return Page();
    }
}
