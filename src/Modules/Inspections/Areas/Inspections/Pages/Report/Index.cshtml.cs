using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Areas.Inspections.Pages.Report;

/// <summary>An organization's report as submitted, its result, and the rectification form when one is due.</summary>
[Permission(InspectionsPermissions.File)]
public sealed class IndexModel(ReportService reports, ReportAccess access, IStringLocalizer localizer) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;

    public InspectionCampaign Campaign { get; private set; } = null!;

    [BindProperty]
    [StringLength(ReportValidator.MaxTextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Insp.Field.RectificationReport")]
    public string? RectificationReport { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostRectifyAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await reports.SubmitRectificationAsync(Report, RectificationReport, Version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer["Insp.RectificationSubmittedFlash"].Value;
        return RedirectToPage("/Report/Index", new { area = "Inspections", id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await reports.FindAsync(id, cancellationToken);
        if (report is null || !await access.CanFileAsync(User, report, cancellationToken))
        {
            return NotFound();
        }

        Report = report;
        Campaign = await reports.CampaignOfAsync(report, cancellationToken);
        return null;
    }
}
