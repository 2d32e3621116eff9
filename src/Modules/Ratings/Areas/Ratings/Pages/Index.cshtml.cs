using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages;

/// <summary>
/// 等级评估 in public: how many organizations hold each grade today and every campaign with its results line; for a
/// signed-in applicant also the open campaigns to apply to (per organization they act for) and their applications.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(
    IOrganizationGrades grades,
    RatingCampaignService campaigns,
    RatingFigures figures,
    RatingApplicationService applications,
    RatingAccess access,
    IOrganizationRegister register,
    DbContext db,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public DateOnly Today { get; private set; }

    /// <summary>Grade (5 … 1) → organizations holding it today; every grade present, zero when none.</summary>
    public IReadOnlyList<(int Grade, int Count)> Distribution { get; private set; } = [];

    public IReadOnlyList<(RatingCampaign Campaign, string Line)> Campaigns { get; private set; } = [];

    /// <summary>Whether the applicant section is shown (signed in with the apply permission).</summary>
    public bool IsApplicant { get; private set; }

    public IReadOnlyList<OrganizationSummary> Organizations { get; private set; } = [];

    public IReadOnlyList<RatingCampaign> OpenCampaigns { get; private set; } = [];

    public IReadOnlyList<RatingApplication> MyApplications { get; private set; } = [];

    public IReadOnlyDictionary<int, string> CampaignTitles { get; private set; } = new Dictionary<int, string>();

    public RatingApplication? ApplicationOf(int campaignId, int organizationId) =>
        MyApplications.FirstOrDefault(a => a.CampaignId == campaignId && a.OrganizationId == organizationId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Starts (or reopens) the organization's application in an open campaign and goes to it.</summary>
    public async Task<IActionResult> OnPostStartAsync(int campaignId, int organizationId, CancellationToken cancellationToken)
    {
        // The page is public; starting an application is not.
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!User.HasPermission(RatingsPermissions.Apply))
        {
            return Forbid();
        }

        if (!await access.ActsForAsync(User, organizationId, cancellationToken))
        {
            return NotFound();
        }

        var (result, application) = await applications.StartAsync(campaignId, organizationId, cancellationToken);
        if (!result.Succeeded || application is null)
        {
            ModelState.AddResult(result, localizer, "");
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("/Application", new { area = "Ratings", id = application.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = ChinaTime.Today(clock);
        var distribution = await grades.DistributionAsync(Today, cancellationToken);
        Distribution = [.. Enumerable.Range(1, 5).Reverse().Select(g => (g, distribution.GetValueOrDefault(g)))];

        var all = await campaigns.ListAsync(cancellationToken);
        var lines = new List<(RatingCampaign, string)>();
        foreach (var campaign in all)
        {
            lines.Add((campaign, RatingFigures.Line(await figures.ForCampaignAsync(campaign.Id, cancellationToken), (k, a) => localizer[k, a].Value)));
        }

        Campaigns = lines;
        CampaignTitles = all.ToDictionary(c => c.Id, c => c.Title);

        IsApplicant = User.Identity?.IsAuthenticated == true && User.HasPermission(RatingsPermissions.Apply);
        if (!IsApplicant)
        {
            return;
        }

        var organizationIds = await access.OrganizationsOfAsync(User, cancellationToken);
        Organizations = organizationIds.Count == 0 ? [] : [.. (await register.FindManyAsync(organizationIds, cancellationToken)).OrderBy(o => o.Name, StringComparer.Ordinal)];
        OpenCampaigns = [.. all.Where(c => c.IsOpenOn(Today))];
        MyApplications = await db.Set<RatingApplication>().AsNoTracking()
            .Where(a => organizationIds.Contains(a.OrganizationId))
            .OrderByDescending(a => a.CreatedAt).ThenBy(a => a.OrganizationName)
            .ToListAsync(cancellationToken);
    }
}
