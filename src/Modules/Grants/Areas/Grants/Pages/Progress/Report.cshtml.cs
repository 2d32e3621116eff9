using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Progress;

/// <summary>
/// The organization's progress report: while a draft (or returned for correction) the form — narrative, each indicator's
/// actual against its target, beneficiaries reached, spending by approved line with the variance, photos and evidence —
/// saved by the button or the page's autosave, then submitted; afterwards read-only with the outcome. Another
/// organization's report is not there (404).
/// </summary>
[Permission(GrantsPermissions.Apply)]
public sealed class ReportModel(ProgressService progress, GrantAccess access, IMoneyLimits moneyLimits, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public ProgressReport Report { get; private set; } = null!;

    public GrantAgreement Agreement { get; private set; } = null!;

    /// <summary>The due date, derived now (marked provisional where it is).</summary>
    public Registry.Core.Calendar.DueDate Due { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Caption { get; set; }

    [BindProperty]
    public int EvidenceId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = ReportForm.From(Report);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) =>
        this.SaveDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken), localizer,
            new StepOutcome("Grant.Progress.SavedFlash", () => RedirectToPage("/Progress/Report", new { area = "Grants", id })));

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        this.SubmitDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken),
            () => progress.SubmitAsync(Report, Report.Version, cancellationToken), Refused, localizer,
            new StepOutcome("Grant.Progress.SubmittedFlash", () => RedirectToPage("/Progress/Report", new { area = "Grants", id })));

    /// <summary>The page's autosave: saves the draft and answers with the new version (409 on a conflict, 400 on errors).</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Form.ToInput(Report, ModelState, localizer, moneyLimits) is not { } input)
        {
            return BadRequest();
        }

        var result = await progress.SaveDraftAsync(Report, input, Form.Version, cancellationToken);
        if (result.Conflict)
        {
            return new StatusCodeResult(StatusCodes.Status409Conflict);
        }

        return result.Succeeded ? new JsonResult(new { version = Report.Version }) : BadRequest();
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await progress.RemoveEvidenceAsync(Report, EvidenceId, Form.Version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            Form = ReportForm.From(Report);
            return Page();
        }

        return RedirectToPage("/Progress/Report", new { area = "Grants", id });
    }

    /// <summary>The draft with the version the form was read at, then the file it brought; false with the errors on the page.</summary>
    private async Task<bool> SaveAllAsync(CancellationToken cancellationToken)
    {
        if (Form.ToInput(Report, ModelState, localizer, moneyLimits) is not { } input)
        {
            return false;
        }

        var result = await progress.SaveDraftAsync(Report, input, Form.Version, cancellationToken);
        if (result.Succeeded && Upload is { Length: > 0 } upload)
        {
            await using var stream = upload.OpenReadStream();
            result = await progress.AttachAsync(Report, stream, upload.FileName, Caption, Report.Version, cancellationToken);
        }

        if (!result.Succeeded)
        {
            Refused(result);
        }

        return result.Succeeded;
    }

    private void Refused(OperationResult result)
    {
        ModelState.AddResult(result, localizer, "Form.");
        Form.Version = Report.Version;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await progress.FindAsync(id, cancellationToken) is not { } report || !await access.ActsForAsync(User, report.OrganizationId, cancellationToken))
        {
            return NotFound();
        }

        Report = report;
        Agreement = await progress.AgreementOfAsync(report, cancellationToken);
        Due = await progress.DueAsync(report, cancellationToken);
        Today = ChinaTime.Today(clock);
        return null;
    }

    public sealed class ReportForm
    {
        public long Version { get; set; }

        public string? Narrative { get; set; }

        public string? BeneficiariesReached { get; set; }

        public List<string?> Actuals { get; set; } = [];

        /// <summary>Spent per approved line (yuan as typed), keyed by the line's position.</summary>
        public Dictionary<int, string?> Spent { get; set; } = [];

        public static ReportForm From(ProgressReport report) => new()
        {
            Version = report.Version,
            Narrative = report.Narrative,
            BeneficiariesReached = report.BeneficiariesReached?.ToString(CultureInfo.InvariantCulture),
            Actuals = [.. report.Indicators.Select(i => (string?)i.Actual)],
            Spent = report.Budget.ToDictionary(l => l.Position, l => l.ActualFen is { } fen ? new Money(fen).ToYuanString() : null),
        };

        /// <summary>Parses the number and the amounts (errors go on the model state); null when any failed.</summary>
        public ProgressInput? ToInput(ProgressReport report, ModelStateDictionary modelState, IStringLocalizer localizer, IMoneyLimits moneyLimits)
        {
            ArgumentNullException.ThrowIfNull(report);
            ArgumentNullException.ThrowIfNull(modelState);
            int? reached = null;
            if (!string.IsNullOrWhiteSpace(BeneficiariesReached))
            {
                if (int.TryParse(BeneficiariesReached.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                {
                    reached = count;
                }
                else
                {
                    modelState.AddModelError("Form.BeneficiariesReached", localizer["Grant.Error.NotANumber"]);
                }
            }

            var spent = Spent.Count == 0 ? report.Budget.Where(l => l.ActualFen is not null).ToDictionary(l => l.Position, l => l.ActualFen!.Value) : [];
            foreach (var (position, text) in Spent)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (moneyLimits.TryParse(text, MoneyField.GrantSpending, out var money, out var error))
                {
                    spent[position] = money.Fen;
                }
                else
                {
                    modelState.AddModelError($"Form.Spent[{position}]", localizer[error == Money.ErrorTooLarge ? error : "Grant.Error.Money"]);
                }
            }

            // The form shows one box per indicator of the report; a post without them (e.g. a script) keeps what was saved.
            var actuals = Actuals.Count == 0 ? [.. report.Indicators.Select(i => i.Actual)] : Actuals.Select(a => a ?? "").ToList();
            return modelState.IsValid ? new ProgressInput(Narrative ?? "", reached, actuals, spent) : null;
        }
    }
}
