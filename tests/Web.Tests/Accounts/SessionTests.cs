using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Security;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Accounts;

/// <summary>Sessions: what ends them and what must not (issue 25 item 2, issue 26 item 9). The clock moves past the stamp check interval.</summary>
public abstract class SessionTests<TApp>(TApp app)
    where TApp : SessionApp
{
    [Fact]
    public async Task TwoFactorPage_Get_DoesNotResetTheKeyOrSignTheUserOut()
    {
        var (email, password) = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync((email, password));
        var stamp = await app.StampAsync(email);

        for (var i = 0; i < 2; i++)
        {
            using var page = await client.GetAsync(new Uri("/Account/Manage/TwoFactor", UriKind.Relative));
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"create-authenticator-key\"");
        }

        (await app.StampAsync(email)).ShouldBe(stamp);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var account = await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        account.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoFactorSetup_Post_CreatesTheKeyAndKeepsThisSessionSignedIn()
    {
        var (email, password) = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync((email, password));

        using var created = await client.SubmitFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string>(), handler: "Setup");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync("/Account/Manage/TwoFactor");
        var key = page.QuerySelector("[data-testid=authenticator-key]")?.TextContent ?? "";
        key.ShouldNotBeEmpty();

        // Reloading shows the same key: only the explicit action makes a new one.
        (await client.GetDocumentAsync("/Account/Manage/TwoFactor")).QuerySelector("[data-testid=authenticator-key]")!.TextContent.ShouldBe(key);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var account = await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        account.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOut_CopiedCookieStopsWorking()
    {
        var (email, password) = await app.CreateUserAsync();
        var client = app.Client();
        var form = await client.ReadFormAsync("/Account/Login");
        using var signedIn = await client.PostFormAsync(form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("registry.auth=", StringComparison.Ordinal)).Split(';')[0];

        var copy = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        using (var before = await copy.GetAsync(new Uri("/Account/Manage", UriKind.Relative)))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var signedOut = await client.SubmitFormAsync("/Account/Manage", new Dictionary<string, string>(), formSelector: "form[action='/Account/Logout']");
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        using var after = await copy.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }
}

/// <summary>The app on a clock the tests move, with helpers to create accounts and read their security stamp.</summary>
public abstract class SessionApp(DatabaseKind kind) : ClockedApp(kind, "test.recipe.json", new Dictionary<string, string?>())
{
    public async Task<(string Email, string Password)> CreateUserAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@example.org";
        const string password = "Steady-rain-2026";
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var result = await users.CreateAsync(new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Session" }, password);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        return (email, password);
    }

    public async Task<string?> StampAsync(string email)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        return (await users.FindByEmailAsync(email))!.SecurityStamp;
    }
}

public sealed class SqliteSessionApp() : SessionApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlSessionApp() : SessionApp(DatabaseKind.PostgreSql);

public sealed class SessionTestsOnSqlite(SqliteSessionApp app) : SessionTests<SqliteSessionApp>(app), IClassFixture<SqliteSessionApp>;

public sealed class SessionTestsOnPostgreSql(PostgreSqlSessionApp app) : SessionTests<PostgreSqlSessionApp>(app), IClassFixture<PostgreSqlSessionApp>;
