using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Security;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Accounts;

/// <summary>Sign-up, confirmation through the real SMTP sink, sign-in, lockout, disabled accounts.</summary>
public abstract partial class AccountTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task Register_ThenConfirmFromMail_ThenSignInWorks()
    {
        var email = $"ngo-{Guid.NewGuid():N}@example.org";
        var client = app.Client();
        using var registered = await client.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "陈秘书长",
            ["Input.Email"] = email,
            ["Input.Password"] = "Sunny-day-2026",
            ["Input.ConfirmPassword"] = "Sunny-day-2026",
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        registered.Headers.Location!.OriginalString.ShouldBe("/Account/RegisterConfirmation");

        using var beforeConfirming = await client.SubmitFormAsync("/Account/Login", Credentials(email, "Sunny-day-2026"));
        beforeConfirming.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await beforeConfirming.Content.ReadAsStringAsync()).ShouldContain("尚未确认邮箱");

        var mail = await MailSink.WaitForAsync(email);
        mail.Subject.ShouldBe("请确认您的邮箱地址");
        var link = ConfirmLink().Match(mail.TextBody ?? "").Value;
        link.ShouldNotBeEmpty();
        using var confirmed = await client.GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative));
        (await confirmed.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"email-confirmed\"");

        using var signedIn = await client.SubmitFormAsync("/Account/Login", Credentials(email, "Sunny-day-2026"));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var account = await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        account.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await account.Content.ReadAsStringAsync()).ShouldContain(email);
    }

    [Fact]
    public async Task Register_WithBadInput_ShowsLocalizedErrorsAndCreatesNothing()
    {
        var email = $"bad-{Guid.NewGuid():N}@example.org";
        using var response = await app.Client().SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = email,
            ["Input.Password"] = "short1",
            ["Input.ConfirmPassword"] = "different1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("请填写姓名");
        html.ShouldContain("两次输入的密码不一致");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedOutEvenWithTheRightOne()
    {
        var (email, password) = await CreateConfirmedUserAsync();
        var client = app.Client();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitFormAsync("/Account/Login", Credentials(email, "Wrong-password-" + attempt));
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var right = await client.SubmitFormAsync("/Account/Login", Credentials(email, password));
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).ShouldContain("账户已被暂时锁定");
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefused()
    {
        var (email, password) = await CreateConfirmedUserAsync(disabled: true);
        using var response = await app.Client().SubmitFormAsync("/Account/Login", Credentials(email, password));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("已被停用");
    }

    [Fact]
    public async Task ForgotPassword_MailedLinkResetsThePassword()
    {
        var (email, _) = await CreateConfirmedUserAsync();
        var client = app.Client();
        using var asked = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = await MailSink.WaitForAsync(email);
        var link = new Uri(ResetLink().Match(mail.TextBody ?? "").Value);
        using var reset = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "Brand-new-2026",
            ["Input.ConfirmPassword"] = "Brand-new-2026",
        });
        (await reset.Content.ReadAsStringAsync()).ShouldContain("密码已重置");
        await client.SignInAsync(email, "Brand-new-2026");
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var content = new FormUrlEncodedContent(Credentials(TestAccounts.Officer.Email, TestAccounts.Officer.Password));
        using var response = await app.Client().PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<(string Email, string Password)> CreateConfirmedUserAsync(bool disabled = false)
    {
        var email = $"user-{Guid.NewGuid():N}@example.org";
        const string password = "Steady-rain-2026";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var result = await users.CreateAsync(new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test", IsDisabled = disabled }, password);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        return (email, password);
    }

    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\S+")]
    private static partial Regex ResetLink();
}

public sealed class AccountTestsOnSqlite(SqliteApp app) : AccountTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AccountTestsOnPostgreSql(PostgreSqlApp app) : AccountTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
