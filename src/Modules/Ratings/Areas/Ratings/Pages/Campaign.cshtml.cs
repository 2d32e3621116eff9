using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages;

/// <summary>A campaign's announced results: every announced organization with its grade, and the results line.</summary>
[AllowAnonymous]
public sealed class CampaignModel(DbContext db, RatingFigures figures, IStringLocalizer localizer) : PageModel
{
    public RatingCampaign Campaign { get; private set; } = null!;

    public string Line { get; private set; } = "";

    /// <summary>Announced applications, best grade first; grade 0 means "not rated".</summary>
    public IReadOnlyList<RatingApplication> Announced { get; private set; } = [];

    /// <summary>Application id → the grade row a certificate can be printed for (3A and above).</summary>
    public IReadOnlyDictionary<int, int> Certificates { get; private set; } = new Dictionary<int, int>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<RatingCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        Campaign = campaign;
        Line = RatingFigures.Line(await figures.ForCampaignAsync(id, cancellationToken), (k, a) => localizer[k, a].Value);
        Announced = await db.Set<RatingApplication>().AsNoTracking()
            .Where(a => a.CampaignId == id && a.State == RatingState.Announced)
            .OrderByDescending(a => a.DecidedGrade).ThenBy(a => a.OrganizationName)
            .ToListAsync(cancellationToken);
        var certificates = await db.Set<OrganizationGrade>().AsNoTracking()
            .Where(g => g.CampaignId == id && g.ApplicationId != null && g.Grade >= CertificateModel.MinimumGrade)
            .Select(g => new { ApplicationId = g.ApplicationId!.Value, g.Id })
            .ToListAsync(cancellationToken);
        Certificates = certificates.GroupBy(c => c.ApplicationId).ToDictionary(g => g.Key, g => g.Max(c => c.Id));
        return Page();
    }
}
