using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Evaluation;

/// <summary>
/// The officer's view of a report: the report, the evaluators' seats and totals, seating evaluators (never one linked
/// to the organization; the officer may seat themselves and then score here), returning the report for correction with a
/// reason, and recording the outcome (conditions or reason required; a refund on a failed final report).
/// </summary>
[Permission(GrantsPermissions.Manage)]
public sealed class ReportModel(ProgressService progress, EvaluationService evaluations, IMoneyLimits moneyLimits, IStringLocalizer localizer) : SheetPage(progress, evaluations, localizer)
{
    public IReadOnlyList<EvaluationSeat> Seats { get; private set; } = [];

    public IReadOnlyList<Evaluator> Pool { get; private set; } = [];

    public IReadOnlySet<string> Linked { get; private set; } = new HashSet<string>();

    [BindProperty]
    public List<string> Evaluators { get; set; } = [];

    [BindProperty]
    public string? ReturnReason { get; set; }

    [BindProperty]
    public OutcomeForm Decision { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int reportId, CancellationToken cancellationToken) =>
        await LoadAsync(reportId, cancellationToken) ?? await PageAsync(cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(int reportId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reportId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await DoneAsync(await Evaluations.AssignAsync(Report, Evaluators, cancellationToken), "Grant.Progress.AssignedFlash", "", cancellationToken);
    }

    public async Task<IActionResult> OnPostReturnAsync(int reportId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reportId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await DoneAsync(await Progress.ReturnAsync(Report, ReturnReason, Version, cancellationToken), "Grant.Progress.ReturnedFlash", "", cancellationToken);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(int reportId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reportId, cancellationToken) is { } refused)
        {
            return refused;
        }

        long? refund = null;
        if (!string.IsNullOrWhiteSpace(Decision.Refund))
        {
            if (moneyLimits.TryParse(Decision.Refund, MoneyField.GrantPayment, out var money, out var error))
            {
                refund = money.Fen;
            }
            else
            {
                ModelState.AddModelError("Decision.Refund", Localizer[error == Money.ErrorTooLarge ? error : "Grant.Error.Money"]);
                return await PageAsync(cancellationToken);
            }
        }

        var input = new OutcomeInput(Decision.Outcome, Decision.Conditions, Decision.Reason, refund);
        return await DoneAsync(await Evaluations.RecordOutcomeAsync(Report, input, Version, cancellationToken), "Grant.Progress.EvaluatedFlash", "Decision.", cancellationToken);
    }

    protected override string PageUrl(int reportId) => $"/Grants/Evaluation/{reportId}";

    protected override Task<IActionResult?> AuthorizeAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult?>(null);

    protected override async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        Seats = await Evaluations.SeatsOfReportAsync(Report.Id, cancellationToken);
        Pool = await Evaluations.PoolAsync(cancellationToken);
        Linked = await Evaluations.LinkedAsync(Report, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> DoneAsync(OperationResult result, string flashKey, string prefix, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, Localizer, prefix);
            return await PageAsync(cancellationToken);
        }

        TempData["Flash"] = Localizer[flashKey].Value;
        return Redirect(PageUrl(Report.Id));
    }

    public sealed class OutcomeForm
    {
        public EvaluationOutcome? Outcome { get; set; }

        public string? Conditions { get; set; }

        public string? Reason { get; set; }

        public string? Refund { get; set; }
    }
}
