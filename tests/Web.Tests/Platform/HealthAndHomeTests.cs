using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>Issue 25 items 12 (the home page's back-office link) and 13 (/health detail for admins only).</summary>
public abstract class HealthAndHomeTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public void ConfigurationFiles_AreNotWatched()
    {
        // A watch on appsettings.json is a recursive watch of the content root, where the database and indexes are written.
        var configuration = (IConfigurationRoot)app.Factory.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();
        files.ShouldNotBeEmpty();
        files.ShouldAllBe(f => !f.Source.ReloadOnChange);
    }

    [Fact]
    public async Task Health_Anonymous_GetsOnlyTheStatus()
    {
        using var response = await app.Client().GetAsync(new Uri("/health", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().ShouldNotBeNullOrEmpty();
        json.RootElement.TryGetProperty("checks", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Health_Admin_GetsTheChecks()
    {
        var client = await app.SignedInClientAsync(TestAccounts.Admin);
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("checks").TryGetProperty("database", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Health_Officer_GetsOnlyTheStatus()
    {
        var client = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.TryGetProperty("checks", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Home_Applicant_IsNotShownTheBackOfficeLink()
    {
        var client = await app.SignedInClientAsync(TestAccounts.Applicant);
        var page = await client.GetDocumentAsync("/");
        page.QuerySelector("[data-testid=home-backoffice-link]").ShouldBeNull();
    }

    [Fact]
    public async Task Home_Officer_IsShownTheBackOfficeLink()
    {
        var client = await app.SignedInClientAsync(TestAccounts.Officer);
        var page = await client.GetDocumentAsync("/");
        page.QuerySelector("[data-testid=home-backoffice-link]").ShouldNotBeNull();
    }
}

public sealed class HealthAndHomeTestsOnSqlite(SqliteApp app) : HealthAndHomeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class HealthAndHomeTestsOnPostgreSql(PostgreSqlApp app) : HealthAndHomeTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;

/// <summary>Issue 26 item 8: security headers on every response, and no inline script left to need an exception.</summary>
public sealed class SecurityHeaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] ViewFolders = ["src", "themes"];

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Response_Always_CarriesTheSecurityHeaders(string url)
    {
        using var response = await app.Client().GetAsync(new Uri(url, UriKind.Relative));
        var directives = response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).ToList();
        directives.ShouldContain("script-src 'self'");
        directives.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.Contains("Referrer-Policy").ShouldBeTrue();
        response.Headers.Contains("Permissions-Policy").ShouldBeTrue();
    }

    [Fact]
    public void Views_HaveNoInlineScriptOrEventHandler()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Registry.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found.");
        }

        // A <script type="application/json"> data block is not executed, so the CSP (script-src 'self') is not weakened by it.
        var offenders = ViewFolders
            .SelectMany(d => System.IO.Directory.EnumerateFiles(Path.Combine(root, d), "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"<script(?![^>]*\b(?:src=|type=""application/json""))[^>]*>|\son[a-z]+\s*=\s*""|javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .ToList();
        offenders.ShouldBeEmpty();
    }
}
