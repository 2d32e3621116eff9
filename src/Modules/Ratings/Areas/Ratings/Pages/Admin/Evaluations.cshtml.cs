using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Admin;

/// <summary>
/// Evaluations during a grade's validity (2026 revision): the follow-up draw of 4A+ organizations (跟踪评估: seed,
/// pool and result recorded, each draw recomputed on display), check evaluations (核查评估, opened from a grade), and
/// the conclusion of each, which keeps the grade or lowers it through the grade's downgrade path.
/// </summary>
[Permission(RatingsPermissions.Manage)]
public sealed class EvaluationsModel(GradeOversightService oversight, GradeService grades, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FollowUpDraw> Draws { get; private set; } = [];

    public IReadOnlyList<GradeEvaluation> Evaluations { get; private set; } = [];

    /// <summary>The grade a check evaluation is being opened for (<c>?gradeId=</c>), when valid today.</summary>
    public OrganizationGrade? CheckGrade { get; private set; }

    [BindProperty]
    public DrawInput Draw { get; set; } = new();

    [BindProperty]
    public CheckInput Check { get; set; } = new();

    [BindProperty]
    public ConcludeInput Conclude { get; set; } = new();

    public async Task OnGetAsync(int? gradeId, CancellationToken cancellationToken)
    {
        Draw.Year ??= ChinaTime.Today(clock).Year;
        Check.GradeId = gradeId ?? Check.GradeId;
        if (Check.GradeId is { } id && await grades.FindAsync(id, cancellationToken) is { } grade && grade.IsValidOn(ChinaTime.Today(clock)))
        {
            CheckGrade = grade;
        }

        Draws = await oversight.DrawsAsync(cancellationToken);
        Evaluations = await oversight.EvaluationsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDrawAsync(CancellationToken cancellationToken)
    {
        ClearOthers(nameof(Draw));
        if (ModelState.IsValid)
        {
            if (Draw.SharePercent is not { } percent || decimal.Round(percent * 100) != percent * 100)
            {
                ModelState.AddModelError("Draw.SharePercent", localizer["Rate.Error.Share"]);
            }
            else
            {
                var (result, draw) = await oversight.DrawAsync(Draw.Year ?? ChinaTime.Today(clock).Year, (int)(percent * 100), Draw.Seed, cancellationToken);
                if (result.Succeeded)
                {
                    TempData["Flash"] = localizer["Rate.Admin.Evaluations.DrawnFlash", draw!.SelectedIds.Count, draw.PoolIds.Count].Value;
                    return RedirectToPage("/Admin/Evaluations", new { area = "Ratings" });
                }

                ModelState.AddResult(result, localizer, "Draw.");
            }
        }

        await OnGetAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        ClearOthers(nameof(Check));
        if (ModelState.IsValid)
        {
            var result = await oversight.OpenCheckAsync(Check.GradeId ?? 0, Check.Reason, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Rate.Admin.Evaluations.CheckOpenedFlash"].Value;
                return RedirectToPage("/Admin/Evaluations", new { area = "Ratings" });
            }

            ModelState.AddResult(result, localizer, "Check.");
        }

        await OnGetAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConcludeAsync(CancellationToken cancellationToken)
    {
        ClearOthers(nameof(Conclude));
        if (ModelState.IsValid)
        {
            var result = Conclude.ResultGrade is { } grade
                ? await oversight.ConcludeAsync(Conclude.Id, grade, Conclude.Conclusion, cancellationToken)
                : OperationResult.Fail("ResultGrade", "Validation.Required", "Rate.Admin.Evaluations.ResultGrade");
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Rate.Admin.Evaluations.ConcludedFlash"].Value;
                return RedirectToPage("/Admin/Evaluations", new { area = "Ratings" });
            }

            ModelState.AddResult(result, localizer, "Conclude.");
        }

        await OnGetAsync(null, cancellationToken);
        return Page();
    }

    /// <summary>Only the posted form is validated: the others are empty on this post.</summary>
    private void ClearOthers(string posted)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(posted + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    public sealed class DrawInput
    {
        [Range(2000, 2100, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Admin.Field.Year")]
        public int? Year { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Range(typeof(decimal), "0.01", "100", ErrorMessage = "Rate.Error.Share")]
        [Display(Name = "Rate.Field.SharePercent")]
        public decimal? SharePercent { get; set; }

        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.Seed")]
        public string? Seed { get; set; }
    }

    public sealed class CheckInput
    {
        public int? GradeId { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.CheckReason")]
        public string? Reason { get; set; }
    }

    public sealed class ConcludeInput
    {
        public int Id { get; set; }

        [Range(0, 5, ErrorMessage = "Rate.Error.Grade")]
        [Display(Name = "Rate.Admin.Evaluations.ResultGrade")]
        public int? ResultGrade { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.Conclusion")]
        public string? Conclusion { get; set; }
    }
}
