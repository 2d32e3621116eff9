using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Areas.Ratings.Pages;

/// <summary>
/// A printable grade certificate (评估等级证书) for 3A and above. An ended or expired grade still prints, marked void,
/// so a copy in circulation can be checked against the register; its QR code leads to the organization's public page.
/// </summary>
[AllowAnonymous]
public sealed class CertificateModel(DbContext db, IOrganizationRegister register, PublicUrls urls, TimeProvider clock) : PageModel
{
    /// <summary>Certificates are issued from 3A up.</summary>
    public const int MinimumGrade = 3;

    public OrganizationGrade Grade { get; private set; } = null!;

    public OrganizationSummary? Organization { get; private set; }

    public RatingCampaign? Campaign { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The organization's public page, where the grade can be checked.</summary>
    public string PublicUrl { get; private set; } = "";

    /// <summary>A QR code of <see cref="PublicUrl"/> (inline SVG), so a printed copy can be checked against the live register.</summary>
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int gradeId, CancellationToken cancellationToken)
    {
        if (await db.Set<OrganizationGrade>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == gradeId, cancellationToken) is not { Grade: >= MinimumGrade } grade)
        {
            return NotFound();
        }

        Grade = grade;
        Today = ChinaTime.Today(clock);
        Organization = await register.FindAsync(grade.OrganizationId, cancellationToken);
        Campaign = grade.CampaignId is { } campaignId
            ? await db.Set<RatingCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            : null;
        PublicUrl = urls.Absolute(Request, OrganizationLinks.Profile(grade.OrganizationId));
        QrSvg = QrCodes.Svg(PublicUrl);
        return Page();
    }
}
