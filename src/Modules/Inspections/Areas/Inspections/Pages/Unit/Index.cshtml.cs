using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Areas.Inspections.Pages.Unit;

/// <summary>
/// A supervising unit's 初审 desk: the annual reports its organizations filed to it (waiting by default; answered or all),
/// filtered by year, name and overdue, paged; never another unit's.
/// </summary>
[Permission(InspectionsPermissions.UnitReview)]
public sealed class IndexModel(UnitReviewDesk desk, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 20;

    public SupervisingUnitSummary? Unit { get; private set; }

    public UnitReportFilter Show { get; private set; }

    public int? Year { get; private set; }

    public string? Query { get; private set; }

    public bool OverdueOnly { get; private set; }

    public bool FilterValid { get; private set; } = true;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<AnnualReport> Reports { get; private set; } = [];

    public IReadOnlyDictionary<int, DueDate?> DueDates { get; private set; } = new Dictionary<int, DueDate?>();

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public DateOnly Today => desk.Today;

    public UnitReviewTerms Terms => desk.Terms;

    public bool IsOverdue(AnnualReport report) => desk.IsOverdue(report, DueDates);

    public async Task<IActionResult> OnGetAsync(string? show, string? year, string? q, string? overdue, int p = 1, CancellationToken cancellationToken = default)
    {
        Unit = await desk.UnitOfAsync(User, cancellationToken);
        if (Unit is null)
        {
            return Page();
        }

        var reader = new FilterReader();
        Show = reader.Choice<UnitReportFilter>(show, "show", "Insp.Unit.Show") ?? UnitReportFilter.Waiting;
        OverdueOnly = reader.Flag(overdue, "overdue", "Insp.Unit.OverdueOnly");
        var errors = reader.Errors.ToList();
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100)
            {
                Year = y;
            }
            else
            {
                errors.Add(new FormError("year", "Filter.BadChoice", "Insp.Year", year.Trim()));
            }
        }

        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Years = await desk.Reports(Unit.Id, UnitReportFilter.All).Select(r => r.Year).Distinct().OrderByDescending(r => r).ToListAsync(cancellationToken);
        if (errors.Count > 0)
        {
            // A filter that is not understood lists nothing rather than everything under a misleading total.
            ModelState.AddResult(new OperationResult(errors), localizer, "");
            FilterValid = false;
            return Page();
        }

        var reports = desk.Reports(Unit.Id, Show);
        if (Year is { } yearFilter)
        {
            reports = reports.Where(r => r.Year == yearFilter);
        }

        if (Query is not null)
        {
            reports = reports.Where(r => r.OrganizationName.Contains(Query));
        }

        var ordered = reports.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id);
        var query = FilterReader.Query(("show", Show == UnitReportFilter.Waiting ? null : Show), ("year", Year), ("q", Query), ("overdue", OverdueOnly ? true : null));
        int total;
        if (OverdueOnly)
        {
            // Overdue is derived through the calendar, not stored: only waiting reports can be, and a unit has few.
            var waiting = await ordered.Where(r => r.State == ReportState.UnitReview).ToListAsync(cancellationToken);
            DueDates = await desk.DueDatesAsync(waiting, cancellationToken);
            var overdueReports = waiting.Where(IsOverdue).ToList();
            total = overdueReports.Count;
            var page = PageInfo.Clamp(p, PageSize, total);
            Reports = [.. overdueReports.Skip((page - 1) * PageSize).Take(PageSize)];
            Paging = new PageInfo(page, PageSize, total, n => query.Length == 0 ? $"?p={n}" : $"?{query}&p={n}");
        }
        else
        {
            total = await ordered.CountAsync(cancellationToken);
            var page = PageInfo.Clamp(p, PageSize, total);
            Reports = await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
            DueDates = await desk.DueDatesAsync(Reports, cancellationToken);
            Paging = new PageInfo(page, PageSize, total, n => query.Length == 0 ? $"?p={n}" : $"?{query}&p={n}");
        }

        return Page();
    }
}
