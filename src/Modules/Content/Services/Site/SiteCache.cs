using Microsoft.Extensions.Caching.Memory;
using Registry.Content.Contracts;
using Registry.Core.Outbox;
using Registry.Notices.Contracts;

namespace Registry.Content.Services.Site;

/// <summary>
/// This node's cache of what every visitor sees alike (custom menus, footer, the anonymous home page). Entries are keyed
/// by a generation that the change feed moves on (menus, zones or footer saved, content or notices published or
/// withdrawn), so every node drops them within one poll; live figures also expire after <see cref="MaxAge"/>.
/// </summary>
public sealed class SiteCache(IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var fullKey = $"content-site:{Generation}:{key}";
        // Boxed, so that "nothing" (a menu not customized) is remembered too instead of asked for on every page.
        if (cache.TryGetValue(fullKey, out Entry<T>? entry) && entry is not null)
        {
            return entry.Value;
        }

        var value = await create();
        cache.Set(fullKey, new Entry<T>(value), MaxAge);
        return value;
    }

    private sealed record Entry<T>(T Value);

    public void Invalidate() => Interlocked.Increment(ref _generation);
}

/// <summary>Change-feed topics of the site's own settings (only this module reads them).</summary>
internal static class SiteTopics
{
    /// <summary>A menu, the home page zones or the footer settings were saved.</summary>
    public const string Changed = "content.site-changed";
}

/// <summary>Moves the site cache on when anything it holds may have changed; runs on every node.</summary>
internal sealed class SiteCacheInvalidator(SiteCache cache) : IOutboxConsumer
{
    public string Name => "content-site-cache";

    public bool PerNode => true;

    public bool Accepts(string topic) => topic is SiteTopics.Changed or ContentTopics.Published or ContentTopics.Withdrawn;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }
}
