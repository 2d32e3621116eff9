using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Areas.Inspections.Pages.Admin;

/// <summary>The officer's review of one report: return it, record the result, verify the rectification.</summary>
[Permission(InspectionsPermissions.Review)]
public sealed class ReportModel(ReportService reports, UnitReviewDesk desk, IStringLocalizer localizer) : PageModel
{
    /// <summary>While the report waits for its supervising unit: the unit's 初审 due date (null: unknown) and whether it has passed.</summary>
    public Registry.Core.Calendar.DueDate? UnitDue { get; private set; }

    public bool UnitOverdue { get; private set; }

    public AnnualReport Report { get; private set; } = null!;

    public InspectionCampaign Campaign { get; private set; } = null!;

    public IReadOnlyList<FormError> Warnings { get; private set; } = [];

    /// <summary>The internal sign-off before the result (承办 → 审核 → 批准, as configured).</summary>
    public SignOffChain Chain { get; private set; } = SignOffChain.OfLength(1);

    public IReadOnlyList<SignOffEntry> SignOffEntries { get; private set; } = [];

    /// <summary>The step waiting while the report is filed; the result form shows when it is the last.</summary>
    public SignOffStep? Waiting { get; private set; }

    [BindProperty]
    [StringLength(SignOffRules.MaxOpinionLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Insp.SignOff.Opinion")]
    public string? Opinion { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public InspectionResult Result { get; set; }

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Insp.Field.Reasons")]
    public string? Reasons { get; set; }

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Insp.Field.RectificationRequirements")]
    public string? RectificationRequirements { get; set; }

    [BindProperty]
    public DateOnly? RectificationDueOn { get; set; }

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Insp.Field.ReturnNote")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Report.Version;
        return Page();
    }

    public Task<IActionResult> OnPostResultAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Insp.ResultRecordedFlash", report => reports.RecordResultAsync(report, new ResultDecision(Result, Reasons, RectificationRequirements, RectificationDueOn), Version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSignOffAsync(int id, SignOffStep step, CancellationToken cancellationToken) =>
        ActAsync(id, "Insp.SignOff.SignedFlash", report => reports.SignOffAsync(report, step, Opinion, Version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Insp.ReturnedFlash", report => reports.ReturnAsync(report, Note, Version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Insp.VerifiedFlash", report => reports.VerifyRectificationAsync(report, accepted: true, Note, Version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectRectificationAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Insp.RectificationReturnedFlash", report => reports.VerifyRectificationAsync(report, accepted: false, Note, Version, cancellationToken), cancellationToken);

    private Task<IActionResult> ActAsync(int id, string flashKey, Func<AnnualReport, Task<OperationResult>> action, CancellationToken cancellationToken) =>
        this.StepAsync(async () => await LoadAsync(id, cancellationToken) ? Report : null, action, localizer,
            new StepOutcome(flashKey, () => RedirectToPage("/Admin/Report", new { area = "Inspections", id })));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(id, cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        Campaign = await reports.CampaignOfAsync(report, cancellationToken);
        Warnings = report.State == ReportState.NotStarted ? [] : ReportValidator.Warnings(report.Content, Campaign.AdminCostWarningPercent);
        var dueDates = await desk.DueDatesAsync([report], cancellationToken);
        UnitDue = dueDates.GetValueOrDefault(report.Id);
        UnitOverdue = desk.IsOverdue(report, dueDates);
        Chain = await reports.SignOffChainAsync(cancellationToken);
        SignOffEntries = await reports.SignOffEntriesAsync(report, cancellationToken);
        Waiting = report.State == ReportState.Submitted ? Chain.Waiting(SignOffEntries) : null;
        return true;
    }
}
