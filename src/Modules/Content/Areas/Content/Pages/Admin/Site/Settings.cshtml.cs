using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services.Site;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Site;

/// <summary>The footer's settings as government sites carry them (主办单位, 承办单位, contact, ICP备案号, 公安备案号, 网站标识码).</summary>
[Permission(ContentPermissions.ManageSite)]
public sealed class SettingsModel(SiteSettings settings, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (footer, version) = await settings.FooterAsync(cancellationToken);
        Input = InputModel.From(footer, version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await settings.SaveFooterAsync(Input.ToSettings(), Input.Version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "Input.");
            return Page();
        }

        TempData["Flash"] = localizer["Content.Site.Footer.Saved"].Value;
        return RedirectToPage("/Admin/Site/Settings", new { area = "Content" });
    }

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Display(Name = "Content.Site.Footer.Sponsor")]
        public string? Sponsor { get; set; }

        [Display(Name = "Content.Site.Footer.Organizer")]
        public string? Organizer { get; set; }

        [Display(Name = "Content.Site.Footer.Address")]
        public string? Address { get; set; }

        [Display(Name = "Content.Site.Footer.Telephone")]
        public string? Telephone { get; set; }

        [Display(Name = "Content.Site.Footer.Email")]
        public string? Email { get; set; }

        [Display(Name = "Content.Site.Footer.IcpNumber")]
        public string? IcpNumber { get; set; }

        [Display(Name = "Content.Site.Footer.PublicSecurityNumber")]
        public string? PublicSecurityNumber { get; set; }

        [Display(Name = "Content.Site.Footer.SiteCode")]
        public string? SiteCode { get; set; }

        public static InputModel From(FooterSettings footer, long version) => new()
        {
            Version = version,
            Sponsor = footer.Sponsor,
            Organizer = footer.Organizer,
            Address = footer.Address,
            Telephone = footer.Telephone,
            Email = footer.Email,
            IcpNumber = footer.IcpNumber,
            PublicSecurityNumber = footer.PublicSecurityNumber,
            SiteCode = footer.SiteCode,
        };

        public FooterSettings ToSettings() => new(Sponsor, Organizer, Address, Telephone, Email, IcpNumber, PublicSecurityNumber, SiteCode);
    }
}
