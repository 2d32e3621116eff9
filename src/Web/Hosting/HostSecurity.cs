using System.Security.Cryptography.X509Certificates;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Registry.Core.Modularity;
using Registry.Web.Data;

namespace Registry.Web.Hosting;

/// <summary>What the host checks and sets up so that it can face the internet and sit behind a proxy.</summary>
public static class HostSecurity
{
    /// <summary>The environment the integration tests run in; like Development it may serve any host name.</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>
    /// Why the site must not start, in one line, or null. Outside Development (and the tests), links in mails, feeds and
    /// QR codes must not follow the client's Host header (a forged one would put an attacker's server into password-reset
    /// mails), so the public address is required, or at least an explicit list of accepted host names.
    /// </summary>
    public static string? StartupProblem(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration[PublicUrls.Key];
        if (!string.IsNullOrWhiteSpace(configured) && !IsSiteAddress(configured))
        {
            return $"{PublicUrls.Key} '{configured}' is not an absolute http(s) address without query (e.g. https://shzz.example.gov.cn).";
        }

        if (Values(configuration, KnownProxiesKey).FirstOrDefault(v => !IPAddress.TryParse(v, out _)) is { } proxy)
        {
            return $"{KnownProxiesKey}: '{proxy}' is not an IP address.";
        }

        if (Values(configuration, KnownNetworksKey).FirstOrDefault(v => !System.Net.IPNetwork.TryParse(v, out _)) is { } network)
        {
            return $"{KnownNetworksKey}: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).";
        }

        if (Core.Auditing.AuditKey.Problem(configuration, environment) is { } auditKey)
        {
            return auditKey;
        }

        if (environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment) || !string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Length > 0 && !hosts.Contains("*")
            ? null
            : $"{PublicUrls.Key} is required in {environment.EnvironmentName} (or AllowedHosts without '*'): links in mails would otherwise follow the client's Host header; set e.g. Registry__PublicBaseUrl=https://shzz.example.gov.cn";
    }

    private static bool IsSiteAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);

    public const string DataProtectionCertificateKey = "Registry:DataProtection:Certificate";
    public const string DataProtectionCertificatePasswordKey = "Registry:DataProtection:CertificatePassword";

    /// <summary>
    /// One key ring for every node: the keys live in the database (any provider), not in each server's home folder, so
    /// a node reads the cookies, form tokens and reset links another one issued. With a certificate configured (a PFX
    /// file) the keys are encrypted with it at rest; without one they are stored in clear and a warning is logged.
    /// </summary>
    public static void AddRegistryDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // A fixed name: the default is the content root path, which differs between nodes installed in different folders.
        var builder = services.AddDataProtection()
            .SetApplicationName("Registry")
            .PersistKeysToDbContext<RegistryDbContext>();
        if (configuration[DataProtectionCertificateKey] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[DataProtectionCertificatePasswordKey], X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{DataProtectionCertificateKey}: the certificate '{path}' has no private key.");
            }

            // Decryption finds the certificate here rather than in the machine's certificate store.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    public const string KnownProxiesKey = "Registry:ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "Registry:ForwardedHeaders:KnownNetworks";

    /// <summary>
    /// Behind a TLS-terminating proxy the client's address and scheme come from <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c>, trusted only when the connection comes from a configured proxy (anyone else could
    /// claim any address and slip past the rate limiter). Nothing configured: the headers are ignored.
    /// </summary>
    public static void AddRegistryForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = Values(configuration, KnownProxiesKey).Select(IPAddress.Parse).ToList();
        var networks = Values(configuration, KnownNetworksKey).Select(System.Net.IPNetwork.Parse).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Replaces the defaults (loopback), so only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }

            // Proxies in a chain must all be listed; the first unknown hop is taken as the client.
            o.ForwardLimit = null;
        });
    }

    /// <summary>Whether a proxy is configured, so the pipeline reads the forwarded headers.</summary>
    public static bool TrustsProxies(IConfiguration configuration) =>
        Values(configuration, KnownProxiesKey).Any() || Values(configuration, KnownNetworksKey).Any();

    /// <summary>A list key given as an array (<c>Key:0</c>, <c>Key:1</c>) or as one value separated by commas or semicolons.</summary>
    internal static IEnumerable<string> ListValues(IConfiguration configuration, string key) => Values(configuration, key);

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// Scripts only from this site's files (no inline script: pages declare behaviour with data attributes handled by the
    /// theme's script), no framing by other sites, no MIME sniffing, no full address sent to other sites (reset links
    /// carry tokens), no device features.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
