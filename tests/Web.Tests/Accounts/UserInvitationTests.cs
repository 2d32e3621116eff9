using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Identification;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Accounts;

/// <summary>
/// Issue 25 item 14: the administrator creates an account and invites its owner, who sets a password from the mailed
/// link (a password-reset token: it works once, under the password policy); everything audited.
/// </summary>
public abstract partial class UserInvitationTests<TApp>(TApp app)
    where TApp : AppFixture
{
    private const string Password = "Fresh-start-2026";

    [Fact]
    public async Task Create_ApplicantWithOrganization_LinksItMailsASetPasswordLinkAndAudits()
    {
        var (organizationId, code) = await OrganizationAsync();
        var email = NewEmail();

        using var response = await CreateAsync(email, ["Applicant"], code);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        (await users.HasPasswordAsync(user)).ShouldBeFalse();
        (await users.GetRolesAsync(user)).ShouldBe(["Applicant"]);
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        (await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == organizationId && m.UserId == user.Id)).ShouldBeTrue();
        var actions = await db.Set<AuditEntry>().Where(a => a.EntityId == user.Id).Select(a => a.Action).ToListAsync();
        actions.ShouldContain("user.created");
        actions.ShouldContain("user.invited");
        var mail = await MailSink.WaitForAsync(email);
        SetPasswordLink().IsMatch(mail.TextBody ?? "").ShouldBeTrue(mail.TextBody);
    }

    [Fact]
    public async Task Invitation_LinkFollowed_RefusesAWeakPasswordThenSetsOneAndWorksOnlyOnce()
    {
        var email = NewEmail();
        using (var created = await CreateAsync(email, ["Reviewer"]))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(created));
        }

        var link = new Uri(SetPasswordLink().Match((await MailSink.WaitForAsync(email)).TextBody ?? "").Value);
        var visitor = app.Client();
        (await visitor.GetDocumentAsync(link.PathAndQuery)).QuerySelector("h1")!.TextContent.ShouldBe("设置密码");

        using (var weak = await visitor.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = "abcdefghij", ["Input.ConfirmPassword"] = "abcdefghij" }))
        {
            (await ErrorsAsync(weak)).ShouldContain("数字");
        }

        using (var set = await visitor.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password }))
        {
            (await set.ParseAsync()).QuerySelector("[data-testid=password-set]").ShouldNotBeNull(await ErrorsAsync(set));
        }

        await app.Client().SignInAsync(email, Password);
        using var again = await app.Client().SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = "Second-try-2026", ["Input.ConfirmPassword"] = "Second-try-2026" });
        (await again.ParseAsync()).QuerySelector("[data-testid=password-set]").ShouldBeNull();
    }

    [Fact]
    public async Task Create_OrganizationForAnOfficer_IsRefusedAndCreatesNothing()
    {
        var (_, code) = await OrganizationAsync();
        var email = NewEmail();

        using var response = await CreateAsync(email, ["Officer"], code);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain("只有申请人账户可以关联社会组织");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_EmailAlreadyUsed_IsRefused()
    {
        using var response = await CreateAsync(TestAccounts.Officer.Email, ["Officer"]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain("已有账户");
    }

    [Fact]
    public async Task Create_Officer_IsForbidden()
    {
        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(new Uri("/Admin/Users/Create", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void DemoRecipe_Reviewers_FillARatingPanel()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Registry.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        using var demo = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "Recipes", "demo.recipe.json")));
        var reviewers = demo.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "users")
            .SelectMany(s => s.GetProperty("users").EnumerateArray())
            .Count(u => u.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "Reviewer"));

        reviewers.ShouldBeGreaterThanOrEqualTo(Registry.Ratings.Services.PanelService.MinimumPanel);
    }

    private async Task<HttpResponseMessage> CreateAsync(string email, string[] roles, string? organizationCode = null)
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var form = await admin.ReadFormAsync("/Admin/Users/Create");

        // Several roles are several values of one field: posted as a browser does, with the form's antiforgery token.
        var fields = form.Values.Where(v => v.Key.StartsWith("__", StringComparison.Ordinal)).ToList();
        fields.Add(new("Input.DisplayName", "受邀用户"));
        fields.Add(new("Input.Email", email));
        fields.Add(new("Input.OrganizationCode", organizationCode ?? ""));
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        using var content = new FormUrlEncodedContent(fields);
        return await admin.PostAsync(new Uri(form.Action, UriKind.RelativeOrAbsolute), content);
    }

    private async Task<(int Id, string Code)> OrganizationAsync()
    {
        var number = Random.Shared.Next(0, 999_999).ToString("000000", CultureInfo.InvariantCulture);
        var code = UnifiedSocialCreditCode.Generate('5', '2', "330203", "KW" + number).Value;
        var name = $"宁波市海曙区邀请测试{number}服务中心";
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var organization = new Organization
        {
            Name = name,
            NormalizedName = name,
            Type = OrganizationType.PrivateNonEnterprise,
            CreditCode = code,
            RegisteringAuthority = "宁波市海曙区民政局",
            LegalRepresentative = "邀请",
            District = "海曙区",
            Address = "宁波市海曙区孝闻街2号",
            FoundedOn = new DateOnly(2018, 4, 1),
            Status = OrganizationStatus.Active,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Add(organization);
        await db.SaveChangesAsync();
        return (organization.Id, code);
    }

    private static string NewEmail() => $"invited-{Guid.NewGuid():N}@example.org";

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? "" : string.Join(" | ", (await response.ParseAsync()).QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()));

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\S+")]
    private static partial Regex SetPasswordLink();
}

public sealed class UserInvitationTestsOnSqlite(SqliteApp app) : UserInvitationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class UserInvitationTestsOnPostgreSql(PostgreSqlApp app) : UserInvitationTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
