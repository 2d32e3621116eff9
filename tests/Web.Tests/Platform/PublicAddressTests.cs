using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Registry.Core.Security;
using Registry.Testing;
using Registry.Web.Hosting;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 26 high 1: a forged Host header must not reach the links the site sends out. In Production the public address
/// is required; every absolute link is built from it.
/// </summary>
public abstract partial class PublicAddressTests<TApp>(TApp app)
    where TApp : ProductionApp
{
    [Fact]
    public async Task ForgotPassword_WithForgedHostInProduction_MailLinksToTheConfiguredAddress()
    {
        var email = $"host-{Guid.NewGuid():N}@example.org";
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
            (await users.CreateAsync(new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Host" }, "Steady-rain-2026")).Succeeded.ShouldBeTrue();
        }

        var forged = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });
        using var asked = await forged.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);

        var body = (await MailSink.WaitForAsync(email)).TextBody ?? "";
        body.ShouldNotContain("evil.example");
        ResetLink().Match(body).Value.ShouldStartWith(ProductionApp.PublicBaseUrl + "/Account/ResetPassword?");
    }

    [Fact]
    public async Task NoticeFeed_WithForgedHostInProduction_LinksToTheConfiguredAddress()
    {
        var forged = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });
        using var feed = await forged.GetAsync(new Uri("/Notices/feed.atom", UriKind.Relative));
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var xml = await feed.Content.ReadAsStringAsync();
        xml.ShouldNotContain("evil.example");
        xml.ShouldContain(ProductionApp.PublicBaseUrl);
    }

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\S+")]
    private static partial Regex ResetLink();
}

/// <summary>The app in the Production environment with its public address configured.</summary>
public abstract class ProductionApp(DatabaseKind kind) : AppFixture(kind)
{
    public const string PublicBaseUrl = "https://shzz.example.gov.cn";

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["environment"] = Environments.Production, [Core.Modularity.PublicUrls.Key] = PublicBaseUrl, [Core.Auditing.AuditKey.ConfigKey] = TestEnvironment.ProductionAuditChainKey });
}

public sealed class SqliteProductionApp() : ProductionApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlProductionApp() : ProductionApp(DatabaseKind.PostgreSql);

public sealed class PublicAddressTestsOnSqlite(SqliteProductionApp app) : PublicAddressTests<SqliteProductionApp>(app), IClassFixture<SqliteProductionApp>;

public sealed class PublicAddressTestsOnPostgreSql(PostgreSqlProductionApp app) : PublicAddressTests<PostgreSqlProductionApp>(app), IClassFixture<PostgreSqlProductionApp>;

/// <summary>Starting without a public address: refused in Production, allowed in Development.</summary>
public sealed class PublicAddressStartupTests
{
    [Fact]
    public async Task Start_InProductionWithoutPublicBaseUrl_Refuses()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var factory = new RegistryFactory(database, settings: new Dictionary<string, string?> { ["environment"] = Environments.Production, [Core.Auditing.AuditKey.ConfigKey] = TestEnvironment.ProductionAuditChainKey });
        Should.Throw<Exception>(() => factory.Server);
    }

    // Issue 26 item 6: the audit chain's key is required outside Development and the tests, and must be usable.
    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "not base64!", false)]
    [InlineData("Production", "c2hvcnQ=", false)]
    [InlineData("Production", TestEnvironment.ProductionAuditChainKey, true)]
    [InlineData("Development", null, true)]
    [InlineData("Testing", null, true)]
    public void StartupProblem_AuditChainKey_RequiredOutsideDevelopmentAndValid(string environment, string? key, bool starts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Core.Modularity.PublicUrls.Key] = "https://shzz.example.gov.cn",
            [Core.Auditing.AuditKey.ConfigKey] = key,
        }).Build();
        var problem = HostSecurity.StartupProblem(configuration, new HostingEnvironment { EnvironmentName = environment });
        if (starts)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull();
            problem.ShouldContain(Core.Auditing.AuditKey.ConfigKey);
            problem.ShouldNotContain('\n');
        }
    }

    [Theory]
    [InlineData("Production", null, "*", false)]
    [InlineData("Production", null, "", false)]
    [InlineData("Staging", null, "*", false)]
    [InlineData("Production", "https://shzz.example.gov.cn", "*", true)]
    [InlineData("Production", null, "shzz.example.gov.cn", true)]
    [InlineData("Production", null, "shzz.example.gov.cn;*", false)]
    [InlineData("Development", null, "*", true)]
    [InlineData("Testing", null, "*", true)]
    [InlineData("Development", "not a url", "*", false)]
    [InlineData("Production", "https://shzz.example.gov.cn/?next=x", "*", false)]
    public void StartupProblem_ForEnvironmentAndSettings_RefusesOnlyWithoutASafeAddress(string environment, string? publicBaseUrl, string allowedHosts, bool starts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Core.Modularity.PublicUrls.Key] = publicBaseUrl,
            ["AllowedHosts"] = allowedHosts,
            [Core.Auditing.AuditKey.ConfigKey] = TestEnvironment.ProductionAuditChainKey,
        }).Build();
        var problem = HostSecurity.StartupProblem(configuration, new HostingEnvironment { EnvironmentName = environment });
        if (starts)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull();
            problem.ShouldContain(Core.Modularity.PublicUrls.Key);
            problem.ShouldNotContain('\n');
        }
    }
}
