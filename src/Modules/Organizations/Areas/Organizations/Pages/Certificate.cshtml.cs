using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Areas.Organizations.Pages;

/// <summary>
/// A printable registration certificate (登记证书) or, for community organizations, filing certificate (备案证明),
/// with a QR code to the public page so a reader can check it against the live register.
/// </summary>
[AllowAnonymous]
public sealed class CertificateModel(DbContext db, Registry.Core.Modularity.PublicUrls urls) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    /// <summary>The organization's public page, which the QR code points to.</summary>
    public string PublicUrl { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        PublicUrl = urls.Absolute(Request, $"/Organizations/Org/{id}");
        QrSvg = QrCodes.Svg(PublicUrl);
        return Page();
    }
}
