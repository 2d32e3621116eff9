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
/// </summary>
internal sealed class DirectoryResponseCache(DirectoryIndex index) : IDisposable
{
    private const long SizeLimitBytes = 64L << 20;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });
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
