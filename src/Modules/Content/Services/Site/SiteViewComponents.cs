using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Content.Services.Site;

/// <summary>A menu ready to render.</summary>
public sealed record SiteMenuView(string Name, IReadOnlyList<SiteLink> Links);

/// <summary>The footer ready to render: its settings and the footer menu (empty while not customized).</summary>
public sealed record SiteFooterView(FooterSettings Settings, IReadOnlyList<SiteLink> Links);

/// <summary>
/// The theme's menus (<c>Component.InvokeAsync("SiteMenu", new { name = "main" })</c>). A customized menu rules; the main
/// menu that was never customized shows the modules' public entries the visitor may use, in their sections, as the code declares them.
/// </summary>
public sealed class SiteMenuViewComponent(SiteMenus menus, SiteCache cache, IStringLocalizer localizer, NavigationCatalog navigation) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string name)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var links = await menus.LinksAsync(name, culture, HttpContext.RequestAborted);
        if (links is null && name == MenuNames.Main)
        {
            // What a visitor who is not signed in sees depends on the language only: arranged once per language.
            links = User.Identity?.IsAuthenticated == true
                ? DefaultMain()
                : await cache.GetOrCreateAsync($"default-main:{culture}", () => Task.FromResult(DefaultMain()));
        }

        return View("/Areas/Content/Pages/Site/_Menu.cshtml", new SiteMenuView(name, links ?? []));
    }

    /// <summary>The modules' entries this user may use: sections (社会组织, 办事服务, 信息公开, 我的事项) head their entries and lead to the first of them.</summary>
    private IReadOnlyList<SiteLink> DefaultMain()
    {
        var visible = navigation.Items.Where(n => n.Area == NavigationArea.Public && (n.Permission is null || UserClaimsPrincipal.HasPermission(n.Permission)));
        return [.. NavigationGroups.Arrange(visible).Select(section => section.Group is null
            ? new SiteLink(localizer[section.Items[0].TitleKey], section.Items[0].Url, false, [])
            : new SiteLink(localizer[section.Group], section.Items[0].Url, false, [.. section.Items.Select(n => new SiteLink(localizer[n.TitleKey], n.Url, false, []))]))];
    }
}

/// <summary>The theme's footer (<c>Component.InvokeAsync("SiteFooter")</c>): 主办/承办单位, contact, ICP and 公安 filings, site code, footer links.</summary>
public sealed class SiteFooterViewComponent(SiteSettings site, SiteMenus menus) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var settings = await site.CachedFooterAsync(HttpContext.RequestAborted);
        var links = await menus.LinksAsync(MenuNames.Footer, CultureInfo.CurrentUICulture.Name, HttpContext.RequestAborted);
        return View("/Areas/Content/Pages/Site/_Footer.cshtml", new SiteFooterView(settings, links ?? []));
    }
}

/// <summary>The composed home page's zones (<c>Component.InvokeAsync("HomePage")</c>), as the back office configured them.</summary>
public sealed class HomePageViewComponent(HomeComposer composer) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var zones = await composer.ComposeAsync(CultureInfo.CurrentUICulture.Name, HttpContext.RequestAborted);
        return View("/Areas/Content/Pages/Site/_Home.cshtml", zones);
    }
}

/// <summary>The header's site-search box (to <c>/search</c>); on the results page it shows what was searched.</summary>
public sealed class SiteSearchBoxViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() =>
        View("/Areas/Content/Pages/Site/_SearchBox.cshtml", HttpContext.Request.Path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase) ? HttpContext.Request.Query["q"].ToString() : "");
}
