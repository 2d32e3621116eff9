using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Registry.Content.Services;

/// <summary>
/// Rendered public content pages by address and culture. Any content change on this node drops every entry (a new
/// generation); an entry never outlives the next scheduled publish instant (the page rendered before it would be stale
/// after it) nor <see cref="MaxAge"/>, which bounds what another web node may serve after a change made elsewhere.
/// Same approach as the Directory's page cache (which is internal to that module).
/// </summary>
public sealed class ContentPageCache(TimeProvider clock) : IDisposable
{
    /// <summary>HttpContext item a page sets to the next instant its rendering may change (a scheduled item turning public).</summary>
    public const string ValidUntilItem = "content-cache-valid-until";

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private const long SizeLimitBytes = 32L << 20;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });
    private long _generation;

    public string Key(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref _generation)}|{CultureInfo.CurrentUICulture.Name}|{context.Request.Path}{context.Request.QueryString}");
    }

    public bool TryGet(string key, [NotNullWhen(true)] out byte[][]? parts)
    {
        // Expiry is checked against the app's clock (the memory cache's own clock is the machine's).
        if (_entries.TryGetValue(key, out Entry? entry) && entry!.Expires > clock.GetUtcNow())
        {
            parts = entry.Parts;
            return true;
        }

        parts = null;
        return false;
    }

    public void Set(string key, byte[][] parts, DateTime? validUntil)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(parts);
        var now = clock.GetUtcNow();
        var expires = now + MaxAge;
        if (validUntil is { } until && new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) < expires)
        {
            expires = new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc));
        }

        if (expires <= now || !key.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref _generation)}|"), StringComparison.Ordinal))
        {
            return;
        }

        _entries.Set(key, new Entry(parts, expires), new MemoryCacheEntryOptions { Size = parts.Sum(p => (long)p.Length) + key.Length, AbsoluteExpirationRelativeToNow = expires - now });
    }

    /// <summary>Publishing, unpublishing or any edit: the next request renders afresh.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Compact(1.0);
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(byte[][] Parts, DateTimeOffset Expires);
}

/// <summary>
/// Serves a public content page to anonymous visitors from <see cref="ContentPageCache"/>, rendering it only on a miss;
/// never for signed-in users nor with a pending flash message. The antiforgery token of the layout's forms is cut out of
/// the cached page and each response gets its visitor's own.
/// </summary>
public sealed class ContentPageCacheFilter(ContentPageCache cache, IAntiforgery antiforgery, IOptions<CookieTempDataProviderOptions> tempData) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || http.User.Identity?.IsAuthenticated == true || http.Request.Cookies.ContainsKey(tempData.Value.Cookie.Name!))
        {
            await next();
            return;
        }

        var key = cache.Key(http);
        if (cache.TryGet(key, out var cached))
        {
            context.Result = new CachedPageResult(cached, antiforgery);
            return;
        }

        var body = http.Response.Body;
        using var rendered = new MemoryStream();
        http.Response.Body = rendered;
        try
        {
            await next();
        }
        finally
        {
            http.Response.Body = body;
        }

        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            var token = Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(http).RequestToken!);
            cache.Set(key, Split(rendered.ToArray(), token), http.Items[ContentPageCache.ValidUntilItem] as DateTime?);
        }

        http.Response.ContentLength = rendered.Length;

        rendered.Position = 0;
        await rendered.CopyToAsync(body, http.RequestAborted);
    }

    private static byte[][] Split(byte[] page, byte[] token)
    {
        var parts = new List<byte[]>();
        var rest = page.AsSpan();
        int at;
        while ((at = rest.IndexOf(token)) >= 0)
        {
            parts.Add(rest[..at].ToArray());
            rest = rest[(at + token.Length)..];
        }

        parts.Add(rest.ToArray());
        return [.. parts];
    }

    private sealed class CachedPageResult(byte[][] parts, IAntiforgery antiforgery) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var token = parts.Length > 1 ? Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(context.HttpContext).RequestToken!) : [];
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = parts.Sum(p => (long)p.Length) + ((parts.Length - 1L) * token.Length);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    await response.Body.WriteAsync(token, context.HttpContext.RequestAborted);
                }

                await response.Body.WriteAsync(parts[i], context.HttpContext.RequestAborted);
            }
        }
    }
}
