using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services.Site;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Site;

/// <summary>Composes the home page: which zones show, in which order, with which titles and how many entries.</summary>
[Permission(ContentPermissions.ManageSite)]
public sealed class HomeModel(SiteSettings settings, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public List<ZoneInput> Zones { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await settings.HomePageAsync(cancellationToken);
        Version = page?.Version ?? 0;
        Zones = [.. HomeRules.ForEditing(page?.Zones).Select(ZoneInput.From)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Zones.Count == 0 || Zones.Any(z => z.Kind is null || !Enum.IsDefined(z.Kind.Value)))
        {
            ModelState.AddModelError(string.Empty, localizer["Content.Home.Error.ZonesMissing"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await settings.SaveHomeAsync([.. Zones.Select(z => z.ToZone())], Version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer["Content.Home.Saved"].Value;
        return RedirectToPage("/Admin/Site/Home", new { area = "Content" });
    }

    public sealed class ZoneInput
    {
        public HomeZoneKind? Kind { get; set; }

        public bool Enabled { get; set; }

        public int Order { get; set; }

        [NoBidiControls]
        public string? TitleZh { get; set; }

        [NoBidiControls]
        public string? TitleEn { get; set; }

        public int Count { get; set; } = HomeRules.DefaultCount;

        public string? TextZh { get; set; }

        public string? TextEn { get; set; }

        public string? ImageUrl { get; set; }

        public string? LinkUrl { get; set; }

        public static ZoneInput From(HomeZone zone) => new()
        {
            Kind = zone.Kind,
            Enabled = zone.Enabled,
            Order = zone.Order,
            TitleZh = zone.TitleZh,
            TitleEn = zone.TitleEn,
            Count = zone.Count,
            TextZh = zone.TextZh,
            TextEn = zone.TextEn,
            ImageUrl = zone.ImageUrl,
            LinkUrl = zone.LinkUrl,
        };

        public HomeZone ToZone() => new(Kind ?? HomeZoneKind.Banner, Enabled, Order, TitleZh, TitleEn, Count, TextZh, TextEn, ImageUrl, LinkUrl);
    }
}
