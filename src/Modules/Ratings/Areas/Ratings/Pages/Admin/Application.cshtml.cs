using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Admin;

/// <summary>
/// One application as the officer works it: the file, the eligibility decision, the panel, the score matrix, the
/// committee's grade and the answers to review requests (复核).
/// </summary>
[Permission(RatingsPermissions.Manage)]
public sealed class ApplicationModel(
    DbContext db,
    RatingApplicationService applications,
    PanelService panels,
    ScoringService scoring,
    DecisionService decisions,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    /// <summary>Today in Asia/Shanghai: a review answer is overdue once its due date has passed.</summary>
    public DateOnly Today { get; private set; }

    public RatingApplication Application { get; private set; } = null!;

    public RatingCampaign Campaign { get; private set; } = null!;

    public RubricDefinition Rubric { get; private set; } = new();

    public IReadOnlyDictionary<string, SelfScore> SelfAssessment { get; private set; } = new Dictionary<string, SelfScore>();

    /// <summary>The 基本情况 as the organization submitted it, with sources (empty while a draft has never been saved).</summary>
    public IReadOnlyDictionary<string, StatedFact> Facts { get; private set; } = new Dictionary<string, StatedFact>();

    public IReadOnlyList<FactField> FactFields => RatingFacts.Fields(Application.OrganizationType);

    public IReadOnlyList<EligibilityCheck> Checks { get; private set; } = [];

    public IReadOnlyList<PanelMember> Panel { get; private set; } = [];

    public IReadOnlyList<PanelCandidate> Candidates { get; private set; } = [];

    public ScoreSheet? Sheet { get; private set; }

    /// <summary>The grade the mean total earns under the campaign's thresholds.</summary>
    public int SheetGrade { get; private set; }

    /// <summary>Experts whose submitted scores count, in panel order (the matrix columns).</summary>
    public IReadOnlyList<PanelMember> Scorers { get; private set; } = [];

    public IReadOnlyList<ReviewRequest> Reviews { get; private set; } = [];

    /// <summary>Each review request's answer date, derived through the calendar (may be provisional).</summary>
    public IReadOnlyDictionary<int, Registry.Core.Calendar.DueDate> ReviewDue { get; private set; } = new Dictionary<int, Registry.Core.Calendar.DueDate>();

    public bool ChecksPass => Checks.All(c => c.Passed);

    /// <summary>Whether the committee may decide now: enough experts submitted and none still scoring.</summary>
    public bool ScoringComplete => DecisionService.ScoringComplete([.. Panel]);

    /// <summary>The internal sign-off before the grade decision (承办 → 审核 → 批准, as configured).</summary>
    public SignOffChain Chain { get; private set; } = SignOffChain.OfLength(1);

    public IReadOnlyList<SignOffEntry> SignOffEntries { get; private set; } = [];

    /// <summary>The step waiting, while the application is in assessment; the decision form shows when it is the last.</summary>
    public SignOffStep? Waiting { get; private set; }

    [BindProperty]
    public string? Opinion { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public EligibilityInput Eligibility { get; set; } = new();

    [BindProperty]
    public List<string> Reviewers { get; set; } = [];

    [BindProperty]
    [Display(Name = "Rate.Field.FieldAssessmentOn")]
    public DateOnly? FieldAssessmentOn { get; set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Application.Version;
        Eligibility = new EligibilityInput { Eligible = ChecksPass, Note = Application.EligibilityNote };
        FieldAssessmentOn = Application.FieldAssessmentOn;
        Decision = new DecisionInput { Grade = SheetGrade };
        return Page();
    }

    public Task<IActionResult> OnPostEligibilityAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Eligibility.", application => Eligibility.Eligible is { } eligible
            ? applications.DecideEligibilityAsync(application, eligible, Eligibility.Note, Version, cancellationToken)
            : Task.FromResult(OperationResult.Fail("Eligible", "Validation.Required", "Rate.Admin.Field.Eligible")),
            Eligibility.Eligible == true ? "Rate.Admin.EligibleFlash" : "Rate.Admin.IneligibleFlash", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "", application => panels.AssignAsync(application, Reviewers, cancellationToken), "Rate.Admin.AssignedFlash", cancellationToken);

    public Task<IActionResult> OnPostFieldAssessmentAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "", application => panels.SetFieldAssessmentAsync(application, FieldAssessmentOn, cancellationToken), "Rate.Admin.FieldAssessmentFlash", cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Decision.", application => decisions.DecideAsync(application, Decision.Grade, Decision.Reason, Version, cancellationToken), "Rate.Admin.DecidedFlash", cancellationToken);

    public Task<IActionResult> OnPostSignOffAsync(int id, SignOffStep step, CancellationToken cancellationToken) =>
        ActAsync(id, "", application => decisions.SignOffAsync(application, step, Opinion, Version, cancellationToken), "Rate.Admin.SignedFlash", cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Review.", async application =>
        {
            var request = await db.Set<ReviewRequest>().SingleOrDefaultAsync(r => r.Id == Review.Id && r.ApplicationId == application.Id, cancellationToken);
            if (request is null)
            {
                return OperationResult.Fail("", "Rate.Admin.Review.NotFound");
            }

            if (Review.Grade is not { } grade)
            {
                return OperationResult.Fail("Grade", "Validation.Required", "Rate.Admin.Field.GradeAfterReview");
            }

            return await decisions.DecideReviewAsync(request, Review.Decision, grade, cancellationToken);
        }, "Rate.Admin.ReviewAnsweredFlash", cancellationToken);

    private Task<IActionResult> ActAsync(int id, string prefix, Func<RatingApplication, Task<OperationResult>> action, string flashKey, CancellationToken cancellationToken) =>
        this.StepAsync(async () => await LoadAsync(id, cancellationToken) ? Application : null, action, localizer,
            new StepOutcome(flashKey, () => RedirectToPage("/Admin/Application", new { area = "Ratings", id }), prefix));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await applications.FindAsync(id, cancellationToken) is not { } application || application.State == RatingState.Draft)
        {
            return false;
        }

        Application = application;
        Chain = await decisions.ChainAsync(cancellationToken);
        SignOffEntries = await decisions.SignOffEntriesAsync(application, cancellationToken);
        Waiting = application.State == RatingState.Assessment ? Chain.Waiting(SignOffEntries) : null;
        Campaign = await applications.CampaignOfAsync(application, cancellationToken);
        Rubric = await applications.RubricOfAsync(application, cancellationToken);
        SelfAssessment = RatingApplicationService.ReadSelfAssessment(application);
        Facts = RatingFacts.Read(application.FactsJson);
        Checks = RatingApplicationService.ReadChecks(application);
        var (sheet, panel) = await scoring.SheetAsync(application, cancellationToken);
        Panel = panel;
        if (application.State is not (RatingState.Submitted or RatingState.Ineligible))
        {
            Sheet = sheet;
            SheetGrade = Campaign.Scale.GradeFor(sheet.Total);
            Scorers = [.. panel.Where(p => p.ScoresSubmittedAt is not null && !p.Recused)];
        }

        if (application.State == RatingState.Assessment)
        {
            Candidates = await panels.CandidatesAsync(application, cancellationToken);
        }

        Reviews = await decisions.ReviewsAsync(application.Id, cancellationToken);
        ReviewDue = await decisions.DueDatesAsync(Reviews, cancellationToken);
        Today = ChinaTime.Today(clock);
        return true;
    }

    public sealed class EligibilityInput
    {
        [Display(Name = "Rate.Admin.Field.Eligible")]
        public bool? Eligible { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.EligibilityNote")]
        public string? Note { get; set; }
    }

    public sealed class DecisionInput
    {
        [Range(0, 5, ErrorMessage = "Rate.Error.Grade")]
        [Display(Name = "Rate.Admin.Field.Grade")]
        public int? Grade { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.Reason")]
        public string? Reason { get; set; }
    }

    public sealed class ReviewInput
    {
        public int Id { get; set; }

        [StringLength(TextLimits.Review, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.ReviewDecision")]
        public string? Decision { get; set; }

        [Range(0, 5, ErrorMessage = "Rate.Error.Grade")]
        [Display(Name = "Rate.Admin.Field.GradeAfterReview")]
        public int? Grade { get; set; }
    }
}
