using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Areas.Inspections.Pages.Unit;

/// <summary>
/// A report filed to the signed-in account's supervising unit, with the 初审 form (agree, or return for correction, with
/// an opinion); any other report, another unit's included, is not found.
/// </summary>
[Permission(InspectionsPermissions.UnitReview)]
public sealed class ReportModel(UnitReviewDesk desk, ReportService reports, IStringLocalizer localizer) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;

    public SupervisingUnitSummary Unit { get; private set; } = null!;

    public DueDate? Due { get; private set; }

    public bool Overdue { get; private set; }

    [BindProperty]
    [StringLength(ReportValidator.MaxTextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Insp.Field.UnitOpinion")]
    public string? Opinion { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Report.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAgreeAsync(int id, CancellationToken cancellationToken) =>
        AnswerAsync(id, UnitReviewOutcome.Agreed, "Insp.Unit.AgreedFlash", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        AnswerAsync(id, UnitReviewOutcome.Returned, "Insp.Unit.ReturnedFlash", cancellationToken);

    private Task<IActionResult> AnswerAsync(int id, UnitReviewOutcome outcome, string flashKey, CancellationToken cancellationToken) =>
        this.StepAsync(async () => await LoadAsync(id, cancellationToken) ? Report : null,
            report => reports.UnitReviewAsync(report, Unit.Id, outcome, Opinion, Version, cancellationToken), localizer,
            new StepOutcome(flashKey, () => RedirectToPage("/Unit/Report", new { area = "Inspections", id })));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await desk.UnitOfAsync(User, cancellationToken) is not { } unit || await desk.FindAsync(unit.Id, id, cancellationToken) is not { } report)
        {
            return false;
        }

        Unit = unit;
        Report = report;
        var dueDates = await desk.DueDatesAsync([report], cancellationToken);
        Due = dueDates.GetValueOrDefault(report.Id);
        Overdue = desk.IsOverdue(report, dueDates);
        return true;
    }
}
