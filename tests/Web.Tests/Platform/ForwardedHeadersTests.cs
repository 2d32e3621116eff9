using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 26 high 3: behind a TLS-terminating proxy, the client's address and scheme come from X-Forwarded-For/-Proto,
/// but only when the connection comes from a configured proxy.
/// </summary>
public sealed class ForwardedHeadersTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task HttpsForwardedByTheKnownProxy_SendsHstsAndASecureAuthCookie()
    {
        var client = app.ClientVia(ProxiedApp.Proxy);
        var form = await client.ReadFormAsync("/Account/Login");
        using var request = Forwarded(HttpMethod.Post, "/Account/Login", "203.0.113.10", "https");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>(form.Values)
        {
            ["Input.Email"] = TestAccounts.Officer.Email,
            ["Input.Password"] = TestAccounts.Officer.Password,
        });
        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("registry.auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task HttpsClaimedByAnUnknownPeer_IsIgnored()
    {
        using var request = Forwarded(HttpMethod.Get, "/", "203.0.113.11", "https");
        using var response = await app.ClientVia("198.51.100.7").SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task RateLimiter_BehindTheProxy_CountsEachRealClientSeparately()
    {
        var client = app.ClientVia(ProxiedApp.Proxy);
        for (var i = 0; i < ProxiedApp.AuthPermits; i++)
        {
            using var allowed = await client.SendAsync(Forwarded(HttpMethod.Post, "/Account/Login", "203.0.113.20", "https"));
            allowed.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        using (var limited = await client.SendAsync(Forwarded(HttpMethod.Post, "/Account/Login", "203.0.113.20", "https")))
        {
            limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }

        // Another visitor behind the same proxy is not limited by the first one's attempts.
        using var other = await client.SendAsync(Forwarded(HttpMethod.Post, "/Account/Login", "203.0.113.21", "https"));
        other.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ForwardedForFromAnUnknownPeer_DoesNotEscapeTheRateLimiter()
    {
        var client = app.ClientVia("198.51.100.8");
        for (var i = 0; i < ProxiedApp.AuthPermits; i++)
        {
            using var allowed = await client.SendAsync(Forwarded(HttpMethod.Post, "/Account/Login", $"192.0.2.{i + 1}", "http"));
            allowed.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        using var limited = await client.SendAsync(Forwarded(HttpMethod.Post, "/Account/Login", "192.0.2.200", "http"));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private static HttpRequestMessage Forwarded(HttpMethod method, string url, string client, string scheme)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", scheme);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
        }

        return request;
    }
}

/// <summary>
/// The app in Production behind a proxy at 10.0.0.1; the test server has no TCP peer, so a startup filter sets the peer
/// address from the <c>X-Test-Peer</c> header, before the app's own pipeline.
/// </summary>
public sealed class ProxiedApp() : AppFixture(DatabaseKind.Sqlite)
{
    public const string Proxy = "10.0.0.1";
    public const int AuthPermits = 3;
    private const string PeerHeader = "X-Test-Peer";

    public HttpClient ClientVia(string peer)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://shzz.example.gov.cn"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(
            database,
            settings: new Dictionary<string, string?>
            {
                ["environment"] = Environments.Production,
                [Core.Modularity.PublicUrls.Key] = "https://shzz.example.gov.cn",
                [Core.Auditing.AuditKey.ConfigKey] = TestEnvironment.ProductionAuditChainKey,
                ["Registry:ForwardedHeaders:KnownProxies"] = Proxy,
                ["Registry:RateLimit:AuthPermitsPerMinute"] = AuthPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            services: s => s.AddSingleton<IStartupFilter, PeerFilter>());

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[PeerHeader] is [{ } peer])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
