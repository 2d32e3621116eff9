using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Outbox;
using Registry.Core.Settings;

namespace Registry.Content.Services.Site;

/// <summary>The footer settings and the composed home page's zones: read (cached) and saved (audited, concurrency-checked).</summary>
public sealed class SiteSettings(IServiceProvider services, TimeProvider clock, SiteCache cache)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Resolved on first use: the theme reads menus and footer on every page, nearly always from the cache, and a page
    // that needs no database context must not build one for them (about 20 µs, 2% of an uncached directory page).
    private DbContext Db => services.GetRequiredService<DbContext>();

    private IAuditTrail Audit => services.GetRequiredService<IAuditTrail>();

    private IOutbox Outbox => services.GetRequiredService<IOutbox>();

    /// <summary>The footer as saved and the version of its setting (0 while never saved).</summary>
    public async Task<(FooterSettings Footer, long Version)> FooterAsync(CancellationToken cancellationToken)
    {
        var setting = await Db.Set<Setting>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == FooterSettings.SettingKey, cancellationToken);
        return (setting is null ? new FooterSettings() : JsonSerializer.Deserialize<FooterSettings>(setting.Value, Json) ?? new FooterSettings(), setting?.Version ?? 0);
    }

    public Task<FooterSettings> CachedFooterAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("footer", async () => (await FooterAsync(cancellationToken)).Footer);

    public async Task<OperationResult> SaveFooterAsync(FooterSettings footer, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(footer);
        var errors = footer.Check();
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var value = JsonSerializer.Serialize(footer.Normalize(), Json);
        var setting = await Db.Set<Setting>().SingleOrDefaultAsync(s => s.Key == FooterSettings.SettingKey, cancellationToken);
        if (setting is null)
        {
            if (seenVersion != 0)
            {
                return OperationResult.Stale;
            }

            Db.Add(new Setting { Key = FooterSettings.SettingKey, Value = value });
        }
        else
        {
            Db.ExpectVersion(setting, seenVersion);
            setting.Value = value;
        }

        return await CommitAsync("Content.Site.FooterChanged", nameof(FooterSettings), FooterSettings.SettingKey, value, cancellationToken);
    }

    /// <summary>The saved home page, or null while it has never been composed (every zone shows, in the default order).</summary>
    public Task<HomePage?> HomePageAsync(CancellationToken cancellationToken) =>
        Db.Set<HomePage>().SingleOrDefaultAsync(h => h.Key == HomePage.SingletonKey, cancellationToken);

    /// <summary>Replaces the zones, as the user saw them at <paramref name="seenVersion"/> (0: never composed).</summary>
    public async Task<OperationResult> SaveHomeAsync(IReadOnlyList<HomeZone> zones, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var errors = zones.SelectMany((z, i) => HomeRules.Check(z, $"Zones[{i}].")).ToList();
        if (zones.Select(z => z.Kind).Distinct().Count() != zones.Count)
        {
            errors.Add(new FormError("", "Content.Home.Error.DuplicateZone"));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var page = await HomePageAsync(cancellationToken);
        if (page is null)
        {
            if (seenVersion != 0)
            {
                return OperationResult.Stale;
            }

            page = new HomePage();
            Db.Add(page);
        }
        else
        {
            Db.ExpectVersion(page, seenVersion);
        }

        page.Zones = [.. zones.Select(HomeRules.Normalize)];
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var summary = string.Join(", ", HomeRules.Compose(page.Zones).Select(z => $"{z.Kind}({z.Count})"));
        return await CommitAsync("Content.Home.Changed", nameof(HomePage), HomePage.SingletonKey, summary, cancellationToken);
    }

    private async Task<OperationResult> CommitAsync(string action, string entityType, string entityId, string summary, CancellationToken cancellationToken)
    {
        Audit.Record(action, entityType, entityId, summary);
        Outbox.Publish(SiteTopics.Changed, new { entity = entityType, at = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture) });
        var result = await Db.SaveOrConflictAsync(cancellationToken);
        if (result.Succeeded)
        {
            cache.Invalidate();
        }
        else
        {
            // Someone saved first: forget this request's edits so the page shows what is stored now.
            Db.ChangeTracker.Clear();
        }

        return result;
    }
}
