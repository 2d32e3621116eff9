using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Registry.Directory.Search;

namespace Registry.Directory.Caching;

/// <summary>
/// Rendered directory responses (search page, JSON API) by address, culture and index generation. A page costs tens of
/// times a static file to render, and the same searches are asked over and over between two register changes; any
/// applied change moves the generation, so the next request renders afresh (and the stale entries are dropped).
/// A response is kept in parts: what lies between them (the visitor's antiforgery token) is filled in per request.
/// A response is kept only when its address is asked for the second time (<see cref="ShouldKeep"/>): most addresses
/// are asked once (a visitor's own words and filters), and keeping those would cost a copy of every page, push the
/// pages people do ask again out of the cache and give the collector long-lived garbage.
/// </summary>
internal sealed class DirectoryResponseCache(DirectoryIndex index) : IDisposable
{
    private const long SizeLimitBytes = 64L << 20;

    /// <summary>Slots of the addresses asked once; a slot holds an address's hash until another address takes it.</summary>
    private const int SeenSlots = 1 << 16;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });
    private readonly int[] _seen = new int[SeenSlots];
    private long _generation = -1;

    /// <summary>The cache key of this request, or null when its response must not be cached (index still building).</summary>
    public string? Key(HttpContext context, bool byCulture)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!index.IsReady)
        {
            return null;
        }

        var culture = byCulture ? CultureInfo.CurrentUICulture.Name : "";
        return string.Create(CultureInfo.InvariantCulture, $"{index.Generation}|{culture}|{context.Request.Path}{context.Request.QueryString}");
    }

    public bool TryGet(string key, [NotNullWhen(true)] out byte[][]? parts) => _entries.TryGetValue(key, out parts);

    /// <summary>
    /// Whether a response to <paramref name="key"/>, not found in the cache, is worth keeping: true when the same address
    /// was asked for before (since another address took its slot, it is counted anew). Unsynchronized on purpose: a
    /// lost race only keeps a response one ask earlier or later.
    /// </summary>
    public bool ShouldKeep(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = StringComparer.Ordinal.GetHashCode(key) | 1;
        ref var slot = ref _seen[hash & (SeenSlots - 1)];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }

        Volatile.Write(ref slot, hash);
        return false;
    }

    public void Set(string key, byte[][] parts)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(parts);
        var generation = index.Generation;
        if (Interlocked.Exchange(ref _generation, generation) != generation)
        {
            // Entries of older generations are never asked for again.
            _entries.Compact(1.0);
        }

        _entries.Set(key, parts, new MemoryCacheEntryOptions { Size = parts.Sum(p => (long)p.Length) + key.Length });
    }

    public void Dispose() => _entries.Dispose();
}
