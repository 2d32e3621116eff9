using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Areas.Inspections.Pages.Admin;

/// <summary>The campaigns, newest first, and the form that opens next year's.</summary>
[Permission(InspectionsPermissions.Review)]
public sealed class IndexModel(CampaignService campaigns, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InspectionCampaign> Campaigns { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Campaigns = await campaigns.ListAsync(cancellationToken);
        var year = ChinaTime.Today(clock).Year - 1;
        Input = new InputModel { Year = year, Deadline = InspectionCampaign.DefaultDeadline(year) };
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var request = new CampaignRequest(Input.Year, Input.Mode, Input.Deadline ?? InspectionCampaign.DefaultDeadline(Input.Year),
                Input.Types, Input.SimplifiedFromGrade, Input.AdminCostWarningPercent,
                Input.TypeDeadlines.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value!.Value));
            var (result, campaign) = await campaigns.OpenAsync(request, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Insp.CampaignOpenedFlash", campaign!.Year].Value;
                return RedirectToPage("/Admin/Campaign", new { area = "Inspections", year = campaign.Year });
            }

            ModelState.AddResult(result, localizer, "Input.");
        }

        Campaigns = await campaigns.ListAsync(cancellationToken);
        return Page();
    }

    public sealed class InputModel
    {
        [Display(Name = "Insp.Year")]
        public int Year { get; set; }

        [Display(Name = "Insp.Field.Mode")]
        public CampaignMode Mode { get; set; }

        [Display(Name = "Insp.Field.Deadline")]
        public DateOnly? Deadline { get; set; }

        /// <summary>Deadlines of particular types; an empty one takes the configured default (a foundation: 31 March).</summary>
        public Dictionary<string, DateOnly?> TypeDeadlines { get; set; } = [];

        public List<string> Types { get; set; } = [OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise, OrganizationCodes.Foundation];

        [Range(1, 5, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.SimplifiedFromGrade")]
        public int? SimplifiedFromGrade { get; set; } = 4;

        [Range(1, 100, ErrorMessage = "Validation.Range")]
        [Display(Name = "Insp.Field.AdminCostWarningPercent")]
        public int AdminCostWarningPercent { get; set; } = CampaignService.DefaultAdminCostWarningPercent;
    }
}
