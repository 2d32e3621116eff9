using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Registry.Core.Modularity;

/// <summary>
/// Absolute addresses for mails, QR codes and printed certificates. With <c>Registry:PublicBaseUrl</c> set (production),
/// links never depend on the request's Host header, which a client controls (a forged host would otherwise put an
/// attacker's server into password-reset mails); without it (development), the request's own address is used.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    public const string Key = "Registry:PublicBaseUrl";

    public string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(path);
        var configured = configuration[Key];
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
        return root + (path.StartsWith('/') ? path : "/" + path);
    }
}
