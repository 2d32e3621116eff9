using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Notices.Contracts;

namespace Registry.Inspections.Areas.Inspections.Pages.Admin;

/// <summary>One campaign: its figures in one line, its reports (filtered, paged), the deadline and the results notice.</summary>
[Permission(InspectionsPermissions.Review)]
public sealed class CampaignModel(DbContext db, CampaignService campaigns, IInspectionFigures figures, ResultsNotice notice, UnitReviewDesk desk, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    /// <summary>The 初审 due dates of the listed reports still with their supervising unit.</summary>
    public IReadOnlyDictionary<int, Registry.Core.Calendar.DueDate?> UnitDueDates { get; private set; } = new Dictionary<int, Registry.Core.Calendar.DueDate?>();

    public bool IsUnitOverdue(AnnualReport report) => desk.IsOverdue(report, UnitDueDates);

    private const int PageSize = 50;

    public InspectionCampaign Campaign { get; private set; } = null!;

    public InspectionFigures Figures { get; private set; } = null!;

    public string FiguresLine { get; private set; } = "";

    public NoticeSummary? Notice { get; private set; }

    public IReadOnlyList<AnnualReport> Reports { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public ReportState? State { get; private set; }

    public InspectionResult? Result { get; private set; }

    /// <summary>A group the figures count (filed, late, exempt…), e.g. from a report's figure.</summary>
    public ReportGroup? Group { get; private set; }

    public string? Query { get; private set; }

    /// <summary>False when a filter value was not understood: the page says so and lists nothing.</summary>
    public bool FilterValid { get; private set; } = true;

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    /// <summary>The type whose deadline changes; empty: the campaign's deadline (every type without its own).</summary>
    [BindProperty]
    public string? DeadlineType { get; set; }

    [BindProperty]
    public DateOnly? PeriodEnd { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, string? state, string? result, string? group, string? q, int p = 1, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        var reader = new FilterReader();
        State = reader.Choice<ReportState>(state, "state", "Insp.StateColumn");
        Result = reader.Choice<InspectionResult>(result, "result", "Insp.Field.Result");
        Group = reader.Choice<ReportGroup>(group, "group", "Insp.Group");
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Deadline = Campaign.Deadline;
        PeriodEnd = ChinaTime.Today(clock).AddDays(7);
        Version = Campaign.Version;
        if (reader.Errors.Count > 0)
        {
            // A filter that is not understood lists nothing rather than everything under a misleading total.
            ModelState.AddResult(new OperationResult(reader.Errors), localizer, "");
            FilterValid = false;
            return Page();
        }

        var reports = db.Set<AnnualReport>().AsNoTracking().Where(x => x.CampaignId == Campaign.Id);
        if (State is { } stateFilter)
        {
            reports = reports.Where(x => x.State == stateFilter);
        }

        if (Result is { } resultFilter)
        {
            reports = reports.Where(x => x.Result == resultFilter);
        }

        if (Group is { } groupFilter)
        {
            reports = reports.Where(ReportGroups.Predicate(groupFilter));
        }

        if (Query is not null)
        {
            reports = reports.Where(x => x.OrganizationName.Contains(Query));
        }

        var total = await reports.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Reports = await reports.OrderBy(x => x.State).ThenBy(x => x.OrganizationName).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        UnitDueDates = await desk.DueDatesAsync(Reports, cancellationToken);
        var query = FilterReader.Query(("state", State), ("result", Result), ("group", Group), ("q", Query));
        Paging = new PageInfo(page, PageSize, total, n => query.Length == 0 ? $"?p={n}" : $"?{query}&p={n}");
        return Page();
    }

    public async Task<IActionResult> OnPostDeadlineAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        if (Deadline is not { } deadline)
        {
            ModelState.AddModelError(nameof(Deadline), localizer["Validation.Required", localizer["Insp.Field.Deadline"]]);
            return Page();
        }

        var result = await campaigns.ChangeDeadlineAsync(Campaign, deadline, Version, cancellationToken, string.IsNullOrEmpty(DeadlineType) ? null : DeadlineType);
        return Done(result, "Insp.DeadlineChangedFlash");
    }

    public async Task<IActionResult> OnPostPublishAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            return NotFound();
        }

        if (PeriodEnd is not { } end)
        {
            ModelState.AddModelError(nameof(PeriodEnd), localizer["Validation.Required", localizer["Insp.Field.PeriodEnd"]]);
            return Page();
        }

        var (result, _) = await notice.PublishAsync(year, end, cancellationToken);
        return Done(result, "Insp.NoticePublishedFlash");
    }

    private IActionResult Done(OperationResult result, string flashKey)
    {
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer[flashKey].Value;
        return RedirectToPage("/Admin/Campaign", new { area = "Inspections", year = Campaign.Year });
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(year, cancellationToken) is not { } campaign)
        {
            return false;
        }

        Campaign = campaign;
        Figures = (await figures.ForYearAsync(year, cancellationToken))!;
        FiguresLine = ResultsNotice.FiguresLine(Figures, (key, args) => localizer[key, args].Value);
        Notice = await notice.FindAsync(year, cancellationToken);
        return true;
    }
}
