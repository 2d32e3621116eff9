using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Admin;

/// <summary>The rating campaigns, the form that opens one, and the rubrics a new campaign would use.</summary>
[Permission(RatingsPermissions.Manage)]
public sealed class IndexModel(DbContext db, RatingCampaignService campaigns, RubricStore rubrics, GradeOversightService oversight, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    /// <summary>Proposals raised by inspection results that await the officers.</summary>
    public int OpenProposals { get; private set; }

    public IReadOnlyList<RatingCampaign> Campaigns { get; private set; } = [];

    /// <summary>Applications filed (not drafts) per campaign.</summary>
    public IReadOnlyDictionary<int, int> Filed { get; private set; } = new Dictionary<int, int>();

    public IReadOnlyList<Rubric> Rubrics { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        Input = new InputModel { Year = today.Year, WindowOpens = today, WindowCloses = today.AddMonths(1) };
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            if (Input.WindowOpens is not { } opens || Input.WindowCloses is not { } closes)
            {
                ModelState.AddModelError(Input.WindowOpens is null ? "Input.WindowOpens" : "Input.WindowCloses",
                    localizer["Validation.Required", localizer[Input.WindowOpens is null ? "Rate.Admin.Field.WindowOpens" : "Rate.Admin.Field.WindowCloses"]]);
            }
            else
            {
                var request = new RatingCampaignRequest(Input.Year, Input.Title ?? "", opens, closes, Enum.IsDefined(Input.RuleSet) ? Input.RuleSet : RuleSet.Revision2026,
                    new GradeScale(Input.FiveA, Input.FourA, Input.ThreeA, Input.TwoA, Input.OneA), Input.PublicityDays,
                    new EligibilityPolicy(Input.YearsRegistered, Input.ReratingAfterYears));
                var (result, campaign) = await campaigns.OpenAsync(request, cancellationToken);
                if (result.Succeeded)
                {
                    TempData["Flash"] = localizer["Rate.Admin.CampaignOpenedFlash", campaign!.Title].Value;
                    return RedirectToPage("/Admin/Campaign", new { area = "Ratings", id = campaign.Id });
                }

                ModelState.AddResult(result, localizer, "Input.");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Campaigns = await campaigns.ListAsync(cancellationToken);
        Filed = await db.Set<RatingApplication>().AsNoTracking().Where(a => a.State != RatingState.Draft)
            .GroupBy(a => a.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rubrics = await rubrics.LatestAsync(cancellationToken);
        OpenProposals = await oversight.OpenProposalsAsync(cancellationToken);
    }

    /// <remarks>The grade thresholds' ranges are decimal ones: an int range converts the value to int and throws on 2147483648.</remarks>
    public sealed class InputModel
    {
        [Range(2000, 2100, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Admin.Field.Year")]
        public int Year { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.Title")]
        [NoBidiControls]
        public string? Title { get; set; }

        [Display(Name = "Rate.Admin.Field.WindowOpens")]
        public DateOnly? WindowOpens { get; set; }

        [Display(Name = "Rate.Admin.Field.WindowCloses")]
        public DateOnly? WindowCloses { get; set; }

        [Display(Name = "Rate.Admin.Field.RuleSet")]
        public RuleSet RuleSet { get; set; } = RuleSet.Revision2026;

        [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Admin.Field.FiveA")]
        public decimal FiveA { get; set; } = 900;

        [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Admin.Field.FourA")]
        public decimal FourA { get; set; } = 800;

        [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Admin.Field.ThreeA")]
        public decimal ThreeA { get; set; } = 700;

        [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Admin.Field.TwoA")]
        public decimal TwoA { get; set; } = 600;

        [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Admin.Field.OneA")]
        public decimal OneA { get; set; }

        [Display(Name = "Rate.Field.PublicityDays")]
        public int PublicityDays { get; set; } = RatingCampaignService.DefaultPublicityDays;

        [Range(0, 10, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Field.YearsRegistered")]
        public int YearsRegistered { get; set; } = EligibilityPolicy.DefaultYearsRegistered;

        [Range(1, 5, ErrorMessage = "Validation.Range")]
        [Display(Name = "Rate.Field.ReratingAfterYears")]
        public int ReratingAfterYears { get; set; } = EligibilityPolicy.DefaultReratingAfterYears;
    }
}
