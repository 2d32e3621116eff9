using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Registry.Directory.Caching;

/// <summary>
/// Serves a page to anonymous visitors from <see cref="DirectoryResponseCache"/>, rendering it only on a miss.
/// Never for signed-in users (the layout shows their account) nor for a visitor with a pending flash message (TempData
/// cookie). The layout's forms carry an antiforgery token bound to the visitor's cookie: the cached page keeps the places
/// of the token and each response gets the token of its own visitor. An address asked for the first time is rendered
/// straight to the visitor and not kept (see <see cref="DirectoryResponseCache.ShouldKeep"/>).
/// </summary>
internal sealed class AnonymousPageCacheFilter(DirectoryResponseCache cache, IAntiforgery antiforgery, IOptions<CookieTempDataProviderOptions> tempData) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = HttpMethods.IsGet(http.Request.Method)
            && http.User.Identity?.IsAuthenticated != true
            && !http.Request.Cookies.ContainsKey(tempData.Value.Cookie.Name!)
                ? cache.Key(http, byCulture: true)
                : null;
        if (key is null)
        {
            await next();
            return;
        }

        if (cache.TryGet(key, out var cached))
        {
            context.Result = new CachedPageResult(cached, antiforgery);
            return;
        }

        if (!cache.ShouldKeep(key))
        {
            await next();
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
            cache.Set(key, Split(rendered.ToArray(), token));
        }

        http.Response.ContentLength = rendered.Length;
        rendered.Position = 0;
        await rendered.CopyToAsync(body, http.RequestAborted);
    }

    /// <summary>The page cut at every occurrence of the token.</summary>
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

    /// <summary>A cached page with this visitor's antiforgery token in the token's places.</summary>
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
