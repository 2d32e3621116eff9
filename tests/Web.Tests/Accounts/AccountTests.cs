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
        (await beforeConfirming.Content.ReadAsStringAsync()).ShouldContain("邮箱尚未确认");

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
        (await right.Content.ReadAsStringAsync()).ShouldContain("被暂时锁定");
    }

    // Issue 26 item 10: a common password is refused, and the rule is stated on the form.
    [Fact]
    public async Task Register_WithCommonPassword_RefusedAndTheRuleIsStated()
    {
        var email = $"common-{Guid.NewGuid():N}@example.org";
        using var response = await app.Client().SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "陈秘书长",
            ["Input.Email"] = email,
            ["Input.Password"] = "woaini1314",
            ["Input.ConfirmPassword"] = "woaini1314",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("该密码过于常见");
        html.ShouldContain("不能使用常见密码");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task ResetPassword_WithCommonPassword_RefusedAndTheRuleIsStated()
    {
        var (email, password) = await CreateConfirmedUserAsync();
        using (var asked = await app.Client().SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var url = new Uri(ResetLink().Match((await MailSink.WaitForAsync(email)).TextBody ?? "").Value).PathAndQuery;
        (await app.Client().GetStringAsync(new Uri(url, UriKind.Relative))).ShouldContain("不能使用常见密码");
        using var reset = await app.Client().SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Password"] = "password123",
            ["Input.ConfirmPassword"] = "password123",
        });

        (await reset.Content.ReadAsStringAsync()).ShouldContain("该密码过于常见");
        await app.Client().SignInAsync(email, password);
    }

    // Issue 26 item 4: unknown address, wrong password, locked, unconfirmed and disabled accounts all get the same answer.
    [Fact]
    public async Task SignIn_UnknownWrongLockedOrDisabled_AnswerTheSame()
    {
        var (locked, lockedPassword) = await CreateConfirmedUserAsync();
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
            (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddHours(1))).Succeeded.ShouldBeTrue();
        }

        var (known, _) = await CreateConfirmedUserAsync();
        var (disabled, disabledPassword) = await CreateConfirmedUserAsync(disabled: true);
        var answers = new List<string>();
        foreach (var (email, password) in new[] { ($"nobody-{Guid.NewGuid():N}@example.org", "Wrong-password-1"), (known, "Wrong-password-1"), (locked, lockedPassword), (disabled, disabledPassword) })
        {
            using var response = await app.Client().SubmitFormAsync("/Account/Login", Credentials(email, password));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            answers.Add(LoginErrors().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        }

        answers[0].ShouldContain("登录未成功");
        answers.Distinct().Count().ShouldBe(1, string.Join(" | ", answers));
    }

    // Issue 26 item 4: a stranger's wrong passwords do not lock out an officer who signs in with a second factor.
    [Fact]
    public async Task SignIn_StaffWithSecondFactorAfterStrangersWrongPasswords_StillReachesTheSecondFactor()
    {
        var (email, password) = await CreateConfirmedUserAsync(role: RegistryRoles.Officer, twoFactor: true);
        var stranger = app.Client();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            using var wrong = await stranger.SubmitFormAsync("/Account/Login", Credentials(email, "Wrong-password-" + attempt));
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var owner = await app.Client().SubmitFormAsync("/Account/Login", Credentials(email, password));
        owner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        owner.Headers.Location!.OriginalString.ShouldStartWith("/Account/LoginWith2fa");
        await using var scope = app.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email);
        user!.LockoutEnd.ShouldBeNull();
    }

    // Issue 26 item 4: failures are throttled per account and client, so the same client can still sign in elsewhere.
    [Fact]
    public async Task SignIn_ElevenFailuresOnOneAccountFromOneClient_ThrottledForThatAccountOnly()
    {
        var target = $"target-{Guid.NewGuid():N}@example.org";
        var client = app.Client();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var wrong = await client.SubmitFormAsync("/Account/Login", Credentials(target, "Wrong-password-" + attempt));
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var throttled = await client.SubmitFormAsync("/Account/Login", Credentials(target, "Wrong-password-11")))
        {
            throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await throttled.Content.ReadAsStringAsync()).ShouldContain("尝试次数过多");
        }

        var (other, password) = await CreateConfirmedUserAsync();
        using var signedIn = await client.SubmitFormAsync("/Account/Login", Credentials(other, password));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    // Issue 26 item 4: registering an address that has an account answers like a new one and mails the owner.
    [Fact]
    public async Task Register_WithAnExistingAddress_AnswersLikeSuccessAndMailsTheOwner()
    {
        var (email, password) = await CreateConfirmedUserAsync();
        using var response = await app.Client().SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "冒名者",
            ["Input.Email"] = email,
            ["Input.Password"] = "Other-pass-2026",
            ["Input.ConfirmPassword"] = "Other-pass-2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Account/RegisterConfirmation");
        var mail = await MailSink.WaitForAsync(email);
        mail.Subject.ShouldBe("有人尝试用您的邮箱注册账户");
        ResetLink().IsMatch(mail.TextBody ?? "").ShouldBeTrue();
        await app.Client().SignInAsync(email, password);
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefused()
    {
        var (email, password) = await CreateConfirmedUserAsync(disabled: true);
        using var response = await app.Client().SubmitFormAsync("/Account/Login", Credentials(email, password));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("登录未成功");
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

    private async Task<(string Email, string Password)> CreateConfirmedUserAsync(bool disabled = false, string? role = null, bool twoFactor = false)
    {
        var email = $"user-{Guid.NewGuid():N}@example.org";
        const string password = "Steady-rain-2026";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test", IsDisabled = disabled };
        var result = await users.CreateAsync(user, password);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        if (twoFactor)
        {
            (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
            (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
        }

        return (email, password);
    }

    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex("data-testid=\"login-errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex LoginErrors();
}

public sealed class AccountTestsOnSqlite(SqliteApp app) : AccountTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AccountTestsOnPostgreSql(PostgreSqlApp app) : AccountTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
