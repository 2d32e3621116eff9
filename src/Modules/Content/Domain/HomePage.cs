using System.Text.Json;
using Registry.Core.Data;
using Registry.Core.Forms;

namespace Registry.Content.Domain;

/// <summary>The kinds of zone the home page is composed of.</summary>
public enum HomeZoneKind
{
    /// <summary>横幅: a title, a line of text, an image from the media library and a link.</summary>
    Banner,

    /// <summary>办事入口: registration, annual report, rating and venture-fund pages.</summary>
    QuickServices,

    /// <summary>公示公告: the latest published notices.</summary>
    Notices,

    /// <summary>新闻动态: the latest published articles.</summary>
    News,

    /// <summary>政策法规: the latest published policies.</summary>
    Policies,

    /// <summary>社会组织查询: a search box posting to the directory.</summary>
    DirectorySearch,

    /// <summary>数据概览: registered organizations by type, 3A+ organizations, projects funded this year.</summary>
    KeyFigures,
}

/// <summary>
/// One zone as configured. Empty titles fall back to the zone kind's default title; <see cref="Count"/> is how many
/// entries list zones show. Banner fields are used by the banner only.
/// </summary>
public sealed record HomeZone(
    HomeZoneKind Kind,
    bool Enabled,
    int Order,
    string? TitleZh = null,
    string? TitleEn = null,
    int Count = HomeRules.DefaultCount,
    string? TextZh = null,
    string? TextEn = null,
    string? ImageUrl = null,
    string? LinkUrl = null);

/// <summary>The composed home page (one row). Without a row the home page shows every zone in the default order.</summary>
public sealed class HomePage : IVersioned
{
    public const string SingletonKey = "home";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Key { get; set; } = SingletonKey;

    public string ZonesJson { get; set; } = "[]";

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<HomeZone> Zones
    {
        get => JsonSerializer.Deserialize<List<HomeZone>>(ZonesJson, Json) ?? [];
        set => ZonesJson = JsonSerializer.Serialize(value, Json);
    }
}

/// <summary>Rules of home page zones, shared by the back office, the recipe step and the page that renders them.</summary>
public static class HomeRules
{
    public const int DefaultCount = 6;
    public const int MinCount = 1;
    public const int MaxCount = 20;
    public const int MaxTitle = 30;
    public const int MaxText = 200;

    /// <summary>Every zone, enabled, in the order a government portal usually shows them.</summary>
    public static IReadOnlyList<HomeZone> Defaults { get; } =
    [
        new(HomeZoneKind.Banner, true, 10),
        new(HomeZoneKind.QuickServices, true, 20),
        new(HomeZoneKind.Notices, true, 30),
        new(HomeZoneKind.News, true, 40),
        new(HomeZoneKind.Policies, true, 50),
        new(HomeZoneKind.DirectorySearch, true, 60),
        new(HomeZoneKind.KeyFigures, true, 70),
    ];

    /// <summary>
    /// The zones to render: one per kind (kinds missing from a saved layout are off; a duplicated kind keeps its first
    /// entry), enabled only, by order, counts held within <see cref="MinCount"/>–<see cref="MaxCount"/>.
    /// </summary>
    public static IReadOnlyList<HomeZone> Compose(IReadOnlyList<HomeZone>? saved)
    {
        var zones = saved ?? Defaults;
        return [.. zones.Where(z => Enum.IsDefined(z.Kind)).DistinctBy(z => z.Kind).Where(z => z.Enabled)
            .OrderBy(z => z.Order).ThenBy(z => z.Kind)
            .Select(z => z with { Count = Math.Clamp(z.Count, MinCount, MaxCount) })];
    }

    /// <summary>The zones as the editor sees them: every kind once, saved settings where there are some.</summary>
    public static IReadOnlyList<HomeZone> ForEditing(IReadOnlyList<HomeZone>? saved)
    {
        var byKind = (saved ?? Defaults).Where(z => Enum.IsDefined(z.Kind)).DistinctBy(z => z.Kind).ToDictionary(z => z.Kind);
        return [.. Enum.GetValues<HomeZoneKind>()
            .Select(k => byKind.GetValueOrDefault(k) ?? Defaults.Single(d => d.Kind == k) with { Enabled = saved is null, Order = 100 + (int)k * 10 })
            .OrderBy(z => z.Order).ThenBy(z => z.Kind)];
    }

    /// <summary>Checks one zone (field names prefixed by <paramref name="prefix"/>): titles and texts within length, count within range, links on this site or http(s).</summary>
    public static IReadOnlyList<FormError> Check(HomeZone zone, string prefix)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var errors = new List<FormError>();
        if (!Enum.IsDefined(zone.Kind))
        {
            errors.Add(new FormError(prefix + nameof(HomeZone.Kind), "Validation.Required", "Content.Home.Field.Kind"));
        }

        MaxLength(errors, prefix + nameof(HomeZone.TitleZh), zone.TitleZh, MaxTitle, "Content.Home.Field.TitleZh");
        MaxLength(errors, prefix + nameof(HomeZone.TitleEn), zone.TitleEn, MaxTitle, "Content.Home.Field.TitleEn");
        MaxLength(errors, prefix + nameof(HomeZone.TextZh), zone.TextZh, MaxText, "Content.Home.Field.TextZh");
        MaxLength(errors, prefix + nameof(HomeZone.TextEn), zone.TextEn, MaxText, "Content.Home.Field.TextEn");
        if (zone.Count is < MinCount or > MaxCount)
        {
            errors.Add(new FormError(prefix + nameof(HomeZone.Count), "Validation.Range", "Content.Home.Field.Count", MinCount, MaxCount));
        }

        if (!string.IsNullOrWhiteSpace(zone.ImageUrl) && !MenuRules.IsAllowedLink(zone.ImageUrl.Trim()))
        {
            errors.Add(new FormError(prefix + nameof(HomeZone.ImageUrl), "Content.Site.Error.Link", "Content.Home.Field.ImageUrl"));
        }

        if (!string.IsNullOrWhiteSpace(zone.LinkUrl) && !MenuRules.IsAllowedLink(zone.LinkUrl.Trim()))
        {
            errors.Add(new FormError(prefix + nameof(HomeZone.LinkUrl), "Content.Site.Error.Link", "Content.Home.Field.LinkUrl"));
        }

        return errors;
    }

    /// <summary>The zone as saved: texts trimmed, empty ones null.</summary>
    public static HomeZone Normalize(HomeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone with
        {
            TitleZh = Clean(zone.TitleZh),
            TitleEn = Clean(zone.TitleEn),
            TextZh = Clean(zone.TextZh),
            TextEn = Clean(zone.TextEn),
            ImageUrl = Clean(zone.ImageUrl),
            LinkUrl = Clean(zone.LinkUrl),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void MaxLength(List<FormError> errors, string field, string? value, int max, string nameKey)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FormError(field, "Validation.MaxLength", nameKey, max));
        }
    }
}
