using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Outbox;
using Registry.Core.Settings;

namespace Registry.Content.Services.Site;

/// <summary>The footer settings and the composed home page's zones: read (cached) and saved (audited, concurrency-checked).</summary>
public sealed class SiteSettings(DbContext db, IAuditTrail audit, IOutbox outbox, TimeProvider clock, SiteCache cache)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The footer as saved and the version of its setting (0 while never saved).</summary>
    public async Task<(FooterSettings Footer, long Version)> FooterAsync(CancellationToken cancellationToken)
    {
        var setting = await db.Set<Setting>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == FooterSettings.SettingKey, cancellationToken);
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
        var setting = await db.Set<Setting>().SingleOrDefaultAsync(s => s.Key == FooterSettings.SettingKey, cancellationToken);
        if (setting is null)
        {
            if (seenVersion != 0)
            {
                return OperationResult.Stale;
            }

            db.Add(new Setting { Key = FooterSettings.SettingKey, Value = value });
        }
        else
        {
            db.ExpectVersion(setting, seenVersion);
            setting.Value = value;
        }

        return await CommitAsync("Content.Site.FooterChanged", nameof(FooterSettings), FooterSettings.SettingKey, value, cancellationToken);
    }

    /// <summary>The saved home page, or null while it has never been composed (every zone shows, in the default order).</summary>
    public Task<HomePage?> HomePageAsync(CancellationToken cancellationToken) =>
        db.Set<HomePage>().SingleOrDefaultAsync(h => h.Key == HomePage.SingletonKey, cancellationToken);

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
            db.Add(page);
        }
        else
        {
            db.ExpectVersion(page, seenVersion);
        }

        page.Zones = [.. zones.Select(HomeRules.Normalize)];
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var summary = string.Join(", ", HomeRules.Compose(page.Zones).Select(z => $"{z.Kind}({z.Count})"));
        return await CommitAsync("Content.Home.Changed", nameof(HomePage), HomePage.SingletonKey, summary, cancellationToken);
    }

    private async Task<OperationResult> CommitAsync(string action, string entityType, string entityId, string summary, CancellationToken cancellationToken)
    {
        audit.Record(action, entityType, entityId, summary);
        outbox.Publish(SiteTopics.Changed, new { entity = entityType, at = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture) });
        var result = await db.SaveOrConflictAsync(cancellationToken);
        if (result.Succeeded)
        {
            cache.Invalidate();
        }
        else
        {
            // Someone saved first: forget this request's edits so the page shows what is stored now.
            db.ChangeTracker.Clear();
        }

        return result;
    }
}
