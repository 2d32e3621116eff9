using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Review;

/// <summary>
/// An expert's seat on one application: first the conflict-of-interest declaration (nothing of the file before it),
/// then the file and the scoring form (draft or submit); read-only once submitted.
/// </summary>
[Permission(RatingsPermissions.Score)]
public sealed class SheetModel(
    RatingAccess access,
    RatingApplicationService applications,
    PanelService panels,
    ScoringService scoring,
    IStringLocalizer localizer) : PageModel
{
    public RatingApplication Application { get; private set; } = null!;

    public RatingCampaign Campaign { get; private set; } = null!;

    public PanelMember Seat { get; private set; } = null!;

    public RubricDefinition Rubric { get; private set; } = new();

    public IReadOnlyDictionary<string, SelfScore> SelfAssessment { get; private set; } = new Dictionary<string, SelfScore>();

    /// <summary>The expert may edit: declared without conflict, not yet submitted, and the panel still scoring.</summary>
    public bool CanScore => Seat.MaySeeFile && Seat.ScoresSubmittedAt is null && Application.State == RatingState.Assessment;

    [BindProperty]
    public DeclarationInput Declaration { get; set; } = new();

    /// <summary>Points (as typed) and comment per indicator code, and for <see cref="RubricDefinition.BonusCode"/>.</summary>
    [BindProperty]
    public Dictionary<string, ScoreInput> Scores { get; set; } = [];

    public static string PointsField(string code) => $"Scores[{code}].Points";

    public static string CommentField(string code) => $"Scores[{code}].Comment";

    public async Task<IActionResult> OnGetAsync(int applicationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(applicationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Seat.MaySeeFile)
        {
            var mine = (await scoring.ScoresAsync(applicationId, cancellationToken)).Where(s => s.ReviewerUserId == Seat.ReviewerUserId);
            Scores = mine.ToDictionary(s => s.IndicatorCode, s => new ScoreInput { Points = s.Points.ToString("0.#", CultureInfo.InvariantCulture), Comment = s.Comment });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(int applicationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(applicationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid)
        {
            var result = Declaration.Conflict is { } conflict
                ? await panels.DeclareAsync(Seat, conflict, Declaration.Statement, cancellationToken)
                : OperationResult.Fail("Conflict", "Rate.Review.Error.ChooseDeclaration");
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer[Declaration.Conflict == true ? "Rate.Review.RecusedFlash" : "Rate.Review.DeclaredFlash"].Value;
                return RedirectToPage("/Review/Sheet", new { area = "Ratings", applicationId });
            }

            ModelState.AddResult(result, localizer, "Declaration.");
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int applicationId, CancellationToken cancellationToken) => ScoreAsync(applicationId, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int applicationId, CancellationToken cancellationToken) => ScoreAsync(applicationId, submit: true, cancellationToken);

    private Task<IActionResult> ScoreAsync(int applicationId, bool submit, CancellationToken cancellationToken) =>
        this.SaveDraftAsync(
            async () => await LoadAsync(applicationId, cancellationToken) ?? (Seat.MaySeeFile ? null : RedirectToPage("/Review/Sheet", new { area = "Ratings", applicationId })),
            () => SaveScoresAsync(submit, cancellationToken), localizer,
            new StepOutcome(submit ? "Rate.Review.SubmittedFlash" : "Rate.Review.SavedFlash", () => RedirectToPage("/Review/Sheet", new { area = "Ratings", applicationId })));

    /// <summary>The sheet as entered (submitted when <paramref name="submit"/>); false with each refusal on its indicator.</summary>
    private async Task<bool> SaveScoresAsync(bool submit, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, ScoreEntry>();
        foreach (var code in Rubric.Indicators.Select(i => i.Code).Append(RubricDefinition.BonusCode))
        {
            if (Scores.GetValueOrDefault(code) is not { } input)
            {
                continue;
            }

            var comment = input.Comment?.Trim() ?? "";
            if (string.IsNullOrWhiteSpace(input.Points))
            {
                if (comment.Length > 0)
                {
                    ModelState.AddModelError(PointsField(code), localizer["Rate.Review.Error.CommentWithoutPoints", code]);
                }

                continue;
            }

            if (!decimal.TryParse(input.Points.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            {
                ModelState.AddModelError(PointsField(code), localizer["Rate.Review.Error.NotANumber", code]);
                continue;
            }

            entries[code] = new ScoreEntry(points, comment);
        }

        if (!ModelState.IsValid)
        {
            // Show the range errors of the numbers that did parse along with the ones that did not.
            foreach (var error in RatingApplicationService.ScoreErrors(Rubric, entries.ToDictionary(e => e.Key, e => e.Value.Points)))
            {
                ModelState.AddModelError(PointsField(error.Field), localizer.Describe(error));
            }

            return false;
        }

        var result = await scoring.SaveAsync(Application, Seat, entries, submit, cancellationToken);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : PointsField(error.Field), localizer.Describe(error));
        }

        return result.Succeeded;
    }

    private async Task<IActionResult?> LoadAsync(int applicationId, CancellationToken cancellationToken)
    {
        // No seat, no page: experts see only the applications they are assigned to.
        if (await access.SeatAsync(User, applicationId, cancellationToken) is not { } seat
            || await applications.FindAsync(applicationId, cancellationToken) is not { } application)
        {
            return Forbid();
        }

        Seat = seat;
        Application = application;
        Campaign = await applications.CampaignOfAsync(application, cancellationToken);
        if (seat.MaySeeFile)
        {
            Rubric = await applications.RubricOfAsync(application, cancellationToken);
            SelfAssessment = RatingApplicationService.ReadSelfAssessment(application);
        }

        return null;
    }

    public sealed class DeclarationInput
    {
        public bool? Conflict { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.ConflictStatement")]
        public string? Statement { get; set; }
    }

    public sealed class ScoreInput
    {
        public string? Points { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.Comment")]
        public string? Comment { get; set; }
    }
}
