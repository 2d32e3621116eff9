using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Localization;
using Registry.Grants.Contracts;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;
using Registry.Inspections.Contracts;

namespace Registry.Content.Services.Site;

/// <summary>An entry of a list zone (a notice, an article, a policy).</summary>
public sealed record HomeEntry(string Title, string Url, DateTime PublishedAt, string? Summary, string? ImageUrl);

/// <summary>A quick-service link; <paramref name="LabelKey"/> and <paramref name="TextKey"/> are localization keys.</summary>
public sealed record QuickService(string LabelKey, string TextKey, string Url);

/// <summary>Live figures of the register, the ratings and the fund, read through their modules' figure contracts.</summary>
/// <param name="AsOf">The day (Beijing) the figures describe.</param>
/// <param name="ByType">Organizations in activity by type code (社区社会组织 are filed, not registered).</param>
/// <param name="Graded3AOrMore">Organizations holding a valid grade of 3A or more.</param>
/// <param name="FundedThisYear">Venture-fund projects funded in rounds of this year.</param>
public sealed record HomeFigures(DateOnly AsOf, IReadOnlyList<(string TypeCode, int Count)> ByType, int Graded3AOrMore, int FundedThisYear)
{
    public int Registered => ByType.Sum(t => t.Count);
}

/// <summary>A zone ready to render: the configured zone and what it lists.</summary>
public sealed record HomeZoneView(HomeZone Zone, IReadOnlyList<HomeEntry> Entries, HomeFigures? Figures, IReadOnlyList<QuickService> Services)
{
    /// <summary>List zones with nothing to list are left out of the page.</summary>
    public bool IsEmpty => Zone.Kind is HomeZoneKind.Notices or HomeZoneKind.News or HomeZoneKind.Policies && Entries.Count == 0;

    /// <summary>The editor's title in the visitor's language, or null for the zone kind's default title.</summary>
    public string? Title(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Zone.TitleEn : Zone.TitleZh;

    public string? Text(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Zone.TextEn : Zone.TextZh;
}

/// <summary>
/// Composes the home page from the configured zones. The same for every visitor of one language, so it is cached; the
/// role-dependent links (back office, registration) are drawn by the page around it.
/// </summary>
public sealed class HomeComposer(
    SiteSettings settings,
    IContentQueries content,
    INoticeListing notices,
    IRegistrationFigures registrations,
    IOrganizationGrades grades,
    IGrantFigures grants,
    SiteCache cache,
    TimeProvider clock)
{
    /// <summary>办事入口: the modules' public entry pages for registration, the annual report, ratings and the venture fund.</summary>
    public static readonly IReadOnlyList<QuickService> QuickServices =
    [
        new("Content.Home.Service.Registration", "Content.Home.Service.Registration.Text", OrganizationLinks.Guides),
        new("Content.Home.Service.AnnualReport", "Content.Home.Service.AnnualReport.Text", InspectionLinks.Mine),
        new("Content.Home.Service.Rating", "Content.Home.Service.Rating.Text", RatingLinks.Public),
        new("Content.Home.Service.Fund", "Content.Home.Service.Fund.Text", GrantLinks.Public),
    ];

    public Task<IReadOnlyList<HomeZoneView>> ComposeAsync(string culture, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"home:{culture}", () => ComposeFreshAsync(culture, cancellationToken));

    public async Task<IReadOnlyList<HomeZoneView>> ComposeFreshAsync(string culture, CancellationToken cancellationToken)
    {
        var saved = await settings.HomePageAsync(cancellationToken);
        var views = new List<HomeZoneView>();
        foreach (var zone in HomeRules.Compose(saved?.Zones))
        {
            var view = zone.Kind switch
            {
                HomeZoneKind.Notices => new HomeZoneView(zone, [.. (await notices.LatestAsync(zone.Count, cancellationToken)).Select(n => new HomeEntry(n.Title, n.Url, n.PublishedAt, null, null))], null, []),
                HomeZoneKind.News => new HomeZoneView(zone, await LatestAsync("Article", zone.Count, culture, cancellationToken), null, []),
                HomeZoneKind.Policies => new HomeZoneView(zone, await LatestAsync("Policy", zone.Count, culture, cancellationToken), null, []),
                HomeZoneKind.KeyFigures => new HomeZoneView(zone, [], await FiguresAsync(cancellationToken), []),
                HomeZoneKind.QuickServices => new HomeZoneView(zone, [], null, QuickServices),
                _ => new HomeZoneView(zone, [], null, []),
            };
            if (!view.IsEmpty)
            {
                views.Add(view);
            }
        }

        return views;
    }

    private async Task<IReadOnlyList<HomeEntry>> LatestAsync(string type, int count, string culture, CancellationToken cancellationToken) =>
        [.. (await content.LatestAsync(type, null, count, culture, cancellationToken)).Select(c => new HomeEntry(c.Title, c.Url, c.PublishedAt, c.Summary, c.CoverImageUrl))];

    private async Task<HomeFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var register = await registrations.RegisterAsync(today, cancellationToken);
        var byType = OrganizationCodes.Types
            .Select(t => (t, register.Where(c => c.TypeCode == t && c.Status == OrganizationCodes.Active).Sum(c => c.Count)))
            .ToList();
        var graded = (await grades.DistributionAsync(today, cancellationToken)).Where(g => g.Key >= 3).Sum(g => g.Value);
        var funded = (await grants.ForYearAsync(today.Year, cancellationToken)).Sum(r => r.Funded);
        return new HomeFigures(today, byType, graded, funded);
    }
}
