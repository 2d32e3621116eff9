using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Evaluation;

/// <summary>
/// An evaluator's seat on a report, shared by the evaluator's sheet and the officer's report page (an officer may seat
/// themselves): the conflict-of-interest declaration first, then the rubric's score sheet — save, submit (locks).
/// </summary>
public abstract class SheetPage(ProgressService progress, EvaluationService evaluations, IStringLocalizer localizer) : PageModel
{
    public ProgressReport Report { get; private set; } = null!;

    public GrantAgreement Agreement { get; private set; } = null!;

    /// <summary>The report's due date, derived now (marked provisional where it is).</summary>
    public Registry.Core.Calendar.DueDate Due { get; private set; }

    public IReadOnlyList<RubricCriterion> Rubric { get; private set; } = [];

    /// <summary>The signed-in account's seat on the report, if any.</summary>
    public EvaluationSeat? Seat { get; private set; }

    public bool CanScore => Seat is { MayOpen: true, SubmittedAt: null } && Report.State == ReportState.Submitted;

    [BindProperty]
    public bool? Conflict { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Dictionary<string, ScoreInput> Scores { get; set; } = [];

    protected IStringLocalizer Localizer => localizer;

    protected ProgressService Progress => progress;

    protected EvaluationService Evaluations => evaluations;

    /// <summary>Where the page lives (redirect after a post).</summary>
    protected abstract string PageUrl(int reportId);

    /// <summary>Loads the report and the seat; a refusal (404/403) when this account may not use the page.</summary>
    protected abstract Task<IActionResult?> AuthorizeAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnPostDeclareAsync(int reportId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reportId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Seat is null)
        {
            return Forbid();
        }

        var result = Conflict is { } conflict ? await evaluations.DeclareAsync(Seat, conflict, Reason, cancellationToken) : OperationResult.Fail("Conflict", "Grant.Error.ChooseDeclaration");
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return await PageAsync(cancellationToken);
        }

        return Redirect(PageUrl(reportId));
    }

    public Task<IActionResult> OnPostSaveScoresAsync(int reportId, CancellationToken cancellationToken) => ScoreAsync(reportId, false, cancellationToken);

    public Task<IActionResult> OnPostSubmitScoresAsync(int reportId, CancellationToken cancellationToken) => ScoreAsync(reportId, true, cancellationToken);

    /// <summary>Loads what the page shows besides the sheet (after a refused post).</summary>
    protected virtual Task<IActionResult> PageAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    protected async Task<IActionResult?> LoadAsync(int reportId, CancellationToken cancellationToken)
    {
        if (await progress.FindAsync(reportId, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        Seat = User.UserId() is { } userId ? await evaluations.SeatAsync(reportId, userId, cancellationToken) : null;
        if (await AuthorizeAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Agreement = await progress.AgreementOfAsync(report, cancellationToken);
        Due = await progress.DueAsync(report, cancellationToken);
        Rubric = await evaluations.RubricAsync(Agreement.RoundId, cancellationToken);
        if (Seat is not null && Scores.Count == 0)
        {
            Scores = Seat.Scores.ToDictionary(s => s.Code, s => new ScoreInput { Points = s.Points.ToString("0.#", CultureInfo.InvariantCulture), Comment = s.Comment });
        }

        return null;
    }

    private async Task<IActionResult> ScoreAsync(int reportId, bool submit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reportId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Seat is not { MayOpen: true })
        {
            return Forbid();
        }

        var entries = ScoreSheetInput.Parse(Rubric, Scores, ModelState, localizer["Grant.Error.NotANumber"]);

        var result = ModelState.IsValid ? await evaluations.SaveScoresAsync(Seat, Report, Rubric, entries, submit, cancellationToken) : new OperationResult([]);
        if (!ModelState.IsValid || !result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "Scores.");
            return await PageAsync(cancellationToken);
        }

        TempData["Flash"] = localizer[submit ? "Grant.Review.SubmittedFlash" : "Grant.Review.SavedFlash"].Value;
        return Redirect(PageUrl(reportId));
    }
}
