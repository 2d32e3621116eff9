using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages;

/// <summary>
/// The organization's rating application. In draft: the self-assessment against every indicator of the rubric (and
/// the bonus) with evidence files, in one multipart form so saving never drops an upload or a score; "Submit" saves
/// first. Afterwards: where it stands, the eligibility result, the grade once publicized, and during 公示 the review
/// request (复核) with the answers to earlier ones.
/// </summary>
[Permission(RatingsPermissions.Apply)]
[RequestSizeLimit(100 * 1024 * 1024)]
public sealed class ApplicationModel(
    RatingApplicationService applications,
    DecisionService decisions,
    RatingAccess access,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    /// <summary>Model-state key prefix of an indicator's errors ("Score.A1", "Score.BONUS").</summary>
    public const string ScoreErrorPrefix = "Score.";

    /// <summary>Model-state key prefix of a fact's errors ("Fact.FoundedOn").</summary>
    public const string FactErrorPrefix = "Fact.";

    /// <summary>Longest self-assessment note per indicator.</summary>
    public const int MaxNote = TextLimits.Note;

    public const int MaxGrounds = TextLimits.Review;

    public RatingApplication Application { get; private set; } = null!;

    public RatingCampaign Campaign { get; private set; } = null!;

    public RubricDefinition Rubric { get; private set; } = null!;

    public IReadOnlyList<ReviewRequest> Reviews { get; private set; } = [];

    /// <summary>Each review request's answer date, derived through the calendar (may be provisional).</summary>
    public IReadOnlyDictionary<int, Registry.Core.Calendar.DueDate> ReviewDue { get; private set; } = new Dictionary<int, Registry.Core.Calendar.DueDate>();

    public IReadOnlyList<EligibilityCheck> Checks { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Self-assessment as typed, by indicator code (and <see cref="RubricDefinition.BonusCode"/>).</summary>
    [BindProperty]
    public Dictionary<string, ScoreInput> Scores { get; set; } = [];

    /// <summary>The 基本情况 fields the organization's type is asked for.</summary>
    public IReadOnlyList<FactField> FactFields => RatingFacts.Fields(Application.OrganizationType);

    /// <summary>The 基本情况 as saved (with sources), or pre-filled from the register and the latest annual report.</summary>
    public IReadOnlyDictionary<string, StatedFact> Facts { get; private set; } = new Dictionary<string, StatedFact>();

    /// <summary>The 基本情况 as typed, by field code (money in yuan).</summary>
    [BindProperty]
    public Dictionary<string, string?> FactInputs { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    /// <summary>2010 rules (民政部令第39号 第七条(三)): no penalty last year and none still being carried out.</summary>
    [BindProperty]
    public bool NoPenalty { get; set; }

    /// <summary>2010 rules (第七条(四)): no investigation under way.</summary>
    [BindProperty]
    public bool NotUnderInvestigation { get; set; }

    [BindProperty]
    [StringLength(MaxGrounds, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Rate.Field.Grounds")]
    public string? Grounds { get; set; }

    public bool IsDraft => Application.State == RatingState.Draft;

    /// <summary>公示 is running: a review may be requested.</summary>
    public bool InPublicity => Application.State == RatingState.Publicized && Application.PublicityEndsOn is { } end && Today <= end;

    /// <summary>The grade the organization may see: once publicized (after review, the current one).</summary>
    public int? VisibleGrade => Application.State is RatingState.Publicized or RatingState.Announced ? Application.DecidedGrade : null;

    public static string FileInputName(string indicatorCode) => "evidence-" + (indicatorCode.Length == 0 ? "general" : indicatorCode);

    /// <summary>The codes evidence may be attached to: general (""), every indicator, the bonus.</summary>
    public IEnumerable<string> EvidenceCodes => [string.Empty, .. Rubric.Indicators.Select(i => i.Code), RubricDefinition.BonusCode];

    public IEnumerable<string> ErrorsFor(string code, string prefix = ScoreErrorPrefix) =>
        ModelState.TryGetValue(prefix + code, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Scores = RatingApplicationService.ReadSelfAssessment(Application)
            .ToDictionary(s => s.Key, s => new ScoreInput { Points = s.Value.Points.ToString("0.#", CultureInfo.InvariantCulture), Note = s.Value.Note });
        FactInputs = FactFields.ToDictionary(f => f.Code, f => (string?)RatingFacts.InputValue(f.Kind, Facts.GetValueOrDefault(f.Code)?.Value ?? ""));
        Version = Application.Version;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) =>
        this.SaveDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken), localizer,
            new StepOutcome("Rate.App.DraftSaved", () => RedirectToPage("/Application", new { area = "Ratings", id })));

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        this.SubmitDraftAsync(() => LoadAsync(id, cancellationToken), () => SaveAllAsync(cancellationToken),
            () => applications.SubmitAsync(Application, new ApplicantDeclaration(NoPenalty, NotUnderInvestigation), Application.Version, cancellationToken),
            ShowSubmitRefusal, localizer, new StepOutcome("Rate.App.SubmittedFlash", () => RedirectToPage("/Application", new { area = "Ratings", id })));

    /// <summary>Each indicator still without points is marked where it is entered, not only in the summary.</summary>
    private void ShowSubmitRefusal(OperationResult result)
    {
        ModelState.AddResult(result, localizer, ScoreErrorPrefix);
        if (result.Errors.Any(e => e.Key == "Rate.Error.SelfAssessmentIncomplete"))
        {
            var self = RatingApplicationService.ReadSelfAssessment(Application);
            foreach (var missing in Rubric.Indicators.Where(i => !self.ContainsKey(i.Code)))
            {
                ModelState.AddModelError(ScoreErrorPrefix + missing.Code, localizer["Rate.App.Missing", missing.Name]);
            }
        }

        Version = Application.Version;
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The service decides whether 公示 is still running, so a form left open past the end date gets its message.
        var result = await decisions.RequestReviewAsync(Application, Grounds, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer["Rate.App.ReviewFiled"].Value;
        return RedirectToPage("/Application", new { area = "Ratings", id });
    }

    /// <summary>
    /// Uploads first, each on its own (a refused file is reported, the rest are kept), then the self-assessment.
    /// Points that are not numbers are reported per indicator and stop only the self-assessment, not the uploads.
    /// </summary>
    private async Task<bool> SaveAllAsync(CancellationToken cancellationToken)
    {
        var scores = ParseScores();
        var version = Version;
        foreach (var code in EvidenceCodes)
        {
            foreach (var file in Request.Form.Files.GetFiles(FileInputName(code)).Where(f => f.Length > 0))
            {
                await using var stream = file.OpenReadStream();
                var attached = await applications.AttachEvidenceAsync(Application, code, stream, file.FileName, version, cancellationToken);
                if (attached.Conflict)
                {
                    ModelState.AddModelError(string.Empty, localizer["Common.Conflict"]);
                    return false;
                }

                if (!attached.Succeeded)
                {
                    ModelState.AddModelError(code.Length == 0 ? string.Empty : ScoreErrorPrefix + code,
                        localizer["Rate.App.UploadRefused", file.FileName, localizer.Describe(attached.Errors[0])]);
                }

                version = Application.Version;
            }
        }

        // A post without the 基本情况 section (an older form) leaves the facts as they are.
        if (FactInputs.Count > 0)
        {
            var factsSaved = await applications.SaveFactsAsync(Application, FactInputs, version, cancellationToken);
            if (factsSaved.Conflict)
            {
                ModelState.AddModelError(string.Empty, localizer["Common.Conflict"]);
                return false;
            }

            ModelState.AddResult(factsSaved, localizer, FactErrorPrefix);
            Facts = await applications.FactsAsync(Application, cancellationToken);
            version = Application.Version;
        }

        if (scores is not null)
        {
            var saved = await applications.SaveSelfAssessmentAsync(Application, scores, version, cancellationToken);
            ModelState.AddResult(saved, localizer, ScoreErrorPrefix);
        }

        Version = Application.Version;
        return ModelState.IsValid;
    }

    /// <summary>The typed self-assessment (blank points: not yet assessed), or null with the errors added.</summary>
    private Dictionary<string, SelfScore>? ParseScores()
    {
        var scores = new Dictionary<string, SelfScore>(StringComparer.Ordinal);
        var ok = true;
        foreach (var code in Rubric.Indicators.Select(i => i.Code).Append(RubricDefinition.BonusCode))
        {
            var input = Scores.GetValueOrDefault(code);
            var points = input?.Points?.Trim() ?? "";
            var note = input?.Note?.Trim() ?? "";
            var name = code == RubricDefinition.BonusCode ? localizer["Rate.App.Bonus"].Value : Rubric.Find(code)!.Name;
            if (note.Length > MaxNote)
            {
                ModelState.AddModelError(ScoreErrorPrefix + code, localizer["Rate.App.NoteTooLong", name, MaxNote]);
                ok = false;
            }

            if (points.Length == 0)
            {
                if (note.Length > 0 && code != RubricDefinition.BonusCode)
                {
                    ModelState.AddModelError(ScoreErrorPrefix + code, localizer["Rate.App.PointsForNote", name]);
                    ok = false;
                }

                // A bonus note without points is kept as a zero claim: the bonus is optional.
                if (note.Length > 0)
                {
                    scores[code] = new SelfScore(0, note);
                }

                continue;
            }

            if (!decimal.TryParse(points, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value))
            {
                ModelState.AddModelError(ScoreErrorPrefix + code, localizer["Rate.App.NotANumber", name, points]);
                ok = false;
                continue;
            }

            scores[code] = new SelfScore(value, note);
        }

        // Ranges checked here too, so a typo elsewhere does not hide them until the next save.
        var rangeErrors = RatingApplicationService.ScoreErrors(Rubric, scores.ToDictionary(s => s.Key, s => s.Value.Points));
        ModelState.AddResult(new OperationResult(rangeErrors), localizer, ScoreErrorPrefix);
        return ok && rangeErrors.Count == 0 ? scores : null;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(id, cancellationToken);
        if (application is null || !await access.ActsForAsync(User, application.OrganizationId, cancellationToken))
        {
            return NotFound();
        }

        Application = application;
        Campaign = await applications.CampaignOfAsync(application, cancellationToken);
        Rubric = await applications.RubricOfAsync(application, cancellationToken);
        Reviews = await decisions.ReviewsAsync(id, cancellationToken);
        ReviewDue = await decisions.DueDatesAsync(Reviews, cancellationToken);
        Checks = RatingApplicationService.ReadChecks(application);
        Facts = await applications.FactsAsync(application, cancellationToken);
        Today = ChinaTime.Today(clock);
        return null;
    }

    public sealed class ScoreInput
    {
        public string? Points { get; set; }

        public string? Note { get; set; }
    }
}
