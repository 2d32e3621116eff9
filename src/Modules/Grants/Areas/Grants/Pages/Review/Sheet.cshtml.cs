using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Review;

/// <summary>
/// A reviewer's seat: first the conflict-of-interest declaration (nothing of the application before it; 403 without a
/// seat), then the application (without the organization under blind review) and the score sheet: save, submit (locks).
/// </summary>
[Permission(GrantsPermissions.Review)]
public sealed class SheetModel(GrantAccess access, GrantApplicationService applications, ReviewService reviews, StreetRecommendationService streets, GrantAttachmentService attachments, IStringLocalizer localizer) : PageModel
{
    public GrantApplication Application { get; private set; } = null!;

    public GrantRound Round { get; private set; } = null!;

    public ReviewAssignment Seat { get; private set; } = null!;

    /// <summary>The street office's recommendation opinion (推荐意见), shown once the reviewer may open the application.</summary>
    public StreetRecommendation? StreetOpinion { get; private set; }

    /// <summary>The application's supporting documents, listed once the reviewer may open the application.</summary>
    public IReadOnlyList<ApplicationAttachment> Attachments { get; private set; } = [];

    public bool CanScore => Seat.MayOpen && Seat.SubmittedAt is null && RoundWorkflow.BeforeShortlist(Round.Stage);

    [BindProperty]
    public bool? Conflict { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Dictionary<string, ScoreInput> Scores { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int applicationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(applicationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Scores = Seat.Scores.ToDictionary(s => s.CriterionCode, s => new ScoreInput { Points = s.Points.ToString("0.#", CultureInfo.InvariantCulture), Comment = s.Comment });
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(int applicationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(applicationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = Conflict is { } conflict ? await reviews.DeclareAsync(Seat, conflict, Reason, cancellationToken) : OperationResult.Fail("Conflict", "Grant.Error.ChooseDeclaration");
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        return RedirectToPage("/Review/Sheet", new { area = "Grants", applicationId });
    }

    public Task<IActionResult> OnPostSaveAsync(int applicationId, CancellationToken cancellationToken) => ScoreAsync(applicationId, false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int applicationId, CancellationToken cancellationToken) => ScoreAsync(applicationId, true, cancellationToken);

    private Task<IActionResult> ScoreAsync(int applicationId, bool submit, CancellationToken cancellationToken) =>
        this.SaveDraftAsync(
            async () => await LoadAsync(applicationId, cancellationToken) ?? (Seat.MayOpen ? null : Forbid()),
            () => SaveScoresAsync(submit, cancellationToken), localizer,
            new StepOutcome(submit ? "Grant.Review.SubmittedFlash" : "Grant.Review.SavedFlash", () => RedirectToPage("/Review/Sheet", new { area = "Grants", applicationId })));

    /// <summary>The sheet as entered (submitted when <paramref name="submit"/>); false with each refusal on its indicator.</summary>
    private async Task<bool> SaveScoresAsync(bool submit, CancellationToken cancellationToken)
    {
        var entries = ScoreSheetInput.Parse(Round.Rubric, Scores, ModelState, localizer["Grant.Error.NotANumber"]);
        if (!ModelState.IsValid)
        {
            return false;
        }

        var result = await reviews.SaveScoresAsync(Seat, Round, entries, submit, cancellationToken);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"Scores[{error.Field}].Points", localizer.Describe(error));
        }

        return result.Succeeded;
    }

    private async Task<IActionResult?> LoadAsync(int applicationId, CancellationToken cancellationToken)
    {
        // No seat, no page: reviewers see only what they are assigned to.
        if (await access.SeatAsync(User, applicationId, cancellationToken) is not { } seat || await applications.FindAsync(applicationId, cancellationToken) is not { } application)
        {
            return Forbid();
        }

        Seat = seat;
        Application = application;
        Round = await applications.RoundOfAsync(application, cancellationToken);
        StreetOpinion = seat.MayOpen ? await streets.OfApplicationAsync(applicationId, cancellationToken) : null;
        Attachments = seat.MayOpen ? await attachments.OfApplicationAsync(applicationId, cancellationToken) : [];
        return null;
    }
}
