using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Admin;

/// <summary>One campaign: its results line, its applications (by state, paged), 公示 of the decided grades and the announcement.</summary>
[Permission(RatingsPermissions.Manage)]
public sealed class CampaignModel(DbContext db, RatingCampaignService campaigns, RatingFigures figures, DecisionService decisions, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    public RatingCampaign Campaign { get; private set; } = null!;

    public string FiguresLine { get; private set; } = "";

    /// <summary>Applications per state (drafts included: the officer sees who started).</summary>
    public IReadOnlyDictionary<RatingState, int> ByState { get; private set; } = new Dictionary<RatingState, int>();

    public IReadOnlyList<RatingApplication> Applications { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public RatingState? State { get; private set; }

    /// <summary>Publicized applications whose 公示 is over, and how many of them still wait for a review answer.</summary>
    public int PublicityOver { get; private set; }

    public int ReviewsPending { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? state, int p = 1, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        State = Enum.TryParse<RatingState>(state, out var s) && Enum.IsDefined(s) ? s : null;
        var applications = db.Set<RatingApplication>().AsNoTracking().Where(a => a.CampaignId == id);
        if (State is { } filter)
        {
            applications = applications.Where(a => a.State == filter);
        }

        var total = await applications.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Applications = await applications.OrderBy(a => a.State).ThenBy(a => a.OrganizationName).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => $"?state={State}&p={n}");
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var decided = ByState.GetValueOrDefault(RatingState.Decided);
        var result = await decisions.PublishAsync(Campaign, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return await OnGetAsync(id, null, 1, cancellationToken);
        }

        TempData["Flash"] = localizer["Rate.Admin.PublishedFlash", decided, Campaign.PublicityDays].Value;
        return RedirectToPage("/Admin/Campaign", new { area = "Ratings", id });
    }

    public async Task<IActionResult> OnPostAnnounceAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (result, announced) = await decisions.AnnounceAsync(Campaign, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return await OnGetAsync(id, null, 1, cancellationToken);
        }

        TempData["Flash"] = localizer["Rate.Admin.AnnouncedFlash", announced].Value;
        return RedirectToPage("/Admin/Campaign", new { area = "Ratings", id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken) is not { } campaign)
        {
            return false;
        }

        Campaign = campaign;
        FiguresLine = RatingFigures.Line(await figures.ForCampaignAsync(id, cancellationToken), (k, a) => localizer[k, a].Value);
        ByState = await db.Set<RatingApplication>().AsNoTracking().Where(a => a.CampaignId == id)
            .GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var today = ChinaTime.Today(clock);
        var over = db.Set<RatingApplication>().Where(a => a.CampaignId == id && a.State == RatingState.Publicized && a.PublicityEndsOn < today);
        PublicityOver = await over.CountAsync(cancellationToken);
        ReviewsPending = await over.CountAsync(a => db.Set<ReviewRequest>().Any(r => r.ApplicationId == a.Id && r.DecidedOn == null), cancellationToken);
        return true;
    }
}
