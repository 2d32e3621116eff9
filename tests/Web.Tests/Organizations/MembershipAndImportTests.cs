using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>Claims of existing records, invitations of colleagues, and the all-or-nothing register import.</summary>
public sealed partial class MembershipAndImportTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Import_WithOneBadRow_AppliesNothingAndReportsTheRow()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var before = await CountOrganizationsAsync();
        var csv = Csv(
            Row("宁波市海曙区导入测试甲协会", "社会团体", "51330203MJ0000511A"),
            Row("宁波市海曙区导入测试乙协会", "社会团体", Code('1', 905)));
        using var response = await UploadAsync(officer, csv);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("校验位");
        (await CountOrganizationsAsync()).ShouldBe(before);
    }

    // GB 32100-2015: only civil-affairs codes (position 1 = 5) whose position 2 fits the type enter the register.
    [Fact]
    public async Task Import_CompanyCodeAndTypeMismatchedCode_RefusedWithTheRowsNamed()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var before = await CountOrganizationsAsync();
        var company = Core.Identification.UnifiedSocialCreditCode.Generate('9', '1', "330203", "QT000911").Value;
        var csv = Csv(
            Row("宁波市海曙区导入测试戊协会", "社会团体", Code('1', 911)),
            Row("宁波市海曙区导入测试己协会", "社会团体", company),
            Row("宁波市海曙区导入测试庚服务中心", "民办非企业单位", Code('1', 912)));

        using var response = await UploadAsync(officer, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var rows = Regex.Matches(html, "<tr>\\s*<td>(第 \\d+ 条[^<]*)</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>").Select(m => (Row: m.Groups[1].Value, Column: m.Groups[2].Value, Problem: m.Groups[3].Value)).ToList();
        rows.Count.ShouldBe(2, html);
        rows[0].Row.ShouldStartWith("第 2 条");
        rows[0].Column.ShouldBe("统一社会信用代码");
        rows[0].Problem.ShouldContain("“51”");
        rows[0].Problem.ShouldContain("“91”");
        rows[1].Row.ShouldStartWith("第 3 条");
        rows[1].Problem.ShouldContain("“52”");
        rows[1].Problem.ShouldContain("民办非企业单位");
        (await CountOrganizationsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_CodeWithHyphenAndFullWidth_StoredNormalized()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var code = Code('1', 913);
        var typed = string.Concat(code[..16].Select(c => (char)(c + 0xFEE0))) + "-" + code[16..].ToLowerInvariant();

        using var response = await UploadAsync(officer, Csv(Row("宁波市海曙区导入测试辛协会", "社会团体", typed)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Describe(await response.Content.ReadAsStringAsync()));
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().SingleAsync(o => o.Name == "宁波市海曙区导入测试辛协会")).CreditCode.ShouldBe(code);
    }

    [Fact]
    public async Task Import_AllRowsValid_AddsThemWithRevisionsAndAudit()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var before = await CountOrganizationsAsync();
        var csv = Csv(
            Row("宁波市海曙区导入测试丙协会", "社会团体", Code('1', 901)),
            Row("宁波市海曙区导入测试丁服务中心", "民办非企业单位", Code('2', 902)));
        using var response = await UploadAsync(officer, csv);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Describe(await response.Content.ReadAsStringAsync()));
        (await CountOrganizationsAsync()).ShouldBe(before + 2);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var imported = await db.Set<Organization>().SingleAsync(o => o.Name == "宁波市海曙区导入测试丙协会");
        (await db.Set<OrganizationRevision>().CountAsync(r => r.OrganizationId == imported.Id && r.Cause == "Org.Cause.Import")).ShouldBe(1);
    }

    [Fact]
    public async Task Claim_ApprovedByOfficer_MakesTheClaimantOrgAdmin()
    {
        var code = Code('1', 903);
        await ImportOneAsync("宁波市海曙区认领测试协会", code);
        var (email, password) = await NewApplicantAsync();
        var claimant = await app.SignedInClientAsync((email, password));
        using (var claimed = await claimant.SubmitFormAsync("/Organizations/Claim", new Dictionary<string, string> { ["Code"] = code, ["Statement"] = "本人为该协会秘书长，负责日常事务。" }))
        {
            claimed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var claimsPage = await officer.GetStringAsync(new Uri("/Organizations/Admin/Claims", UriKind.Relative));
        claimsPage.ShouldContain("宁波市海曙区认领测试协会");
        using (var approved = await officer.SubmitFormAsync("/Organizations/Admin/Claims", new Dictionary<string, string> { ["approve"] = "true" }, "section.card form"))
        {
            approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var desk = await claimant.GetStringAsync(new Uri("/Organizations/My", UriKind.Relative));
        desk.ShouldContain("宁波市海曙区认领测试协会");
        (await claimant.GetStringAsync(new Uri("/Account/Notifications", UriKind.Relative))).ShouldContain("认领已通过");
    }

    [Fact]
    public async Task Claim_UnknownCode_GetsAClearError()
    {
        var claimant = await app.SignedInClientAsync(TestAccounts.Applicant);
        using var response = await claimant.SubmitFormAsync("/Organizations/Claim", new Dictionary<string, string> { ["Code"] = "51330203MJ9999999X", ["Statement"] = "我是这个组织的负责人。" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("没有找到该代码对应的组织");
    }

    [Fact]
    public async Task Invitation_AcceptedByTheInvitedAccount_JoinsAsMember_OthersCannot()
    {
        var code = Code('2', 904);
        var organizationId = await ImportOneAsync("宁波市海曙区邀请测试服务中心", code, TestAccounts.Applicant.Email);
        var admin = await app.SignedInClientAsync(TestAccounts.Applicant);
        var (email, password) = await NewApplicantAsync();
        using (var invited = await admin.SubmitFormAsync($"/Organizations/Members/{organizationId}", new Dictionary<string, string> { ["Email"] = email }))
        {
            invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var mail = await MailSink.WaitForAsync(email);
        var link = new Uri(InvitationLink().Match(mail.TextBody ?? "").Value);

        var stranger = await app.SignedInClientAsync(await NewApplicantAsync());
        using (var refused = await stranger.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>()))
        {
            (await refused.Content.ReadAsStringAsync()).ShouldContain("请使用被邀请的邮箱账户登录");
        }

        var colleague = await app.SignedInClientAsync((email, password));
        using (var accepted = await colleague.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>()))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await colleague.GetStringAsync(new Uri("/Organizations/My", UriKind.Relative))).ShouldContain("宁波市海曙区邀请测试服务中心");
        using var notAdmin = await stranger.GetAsync(new Uri($"/Organizations/Members/{organizationId}", UriKind.Relative));
        notAdmin.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Notifications_MarkAllRead_ClearsTheUnreadCount()
    {
        var (email, password) = await NewApplicantAsync();
        await using (var scope = app.Scope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email);
            await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyUserAsync(user!.Id, "Org.ClaimApproved", new Dictionary<string, string> { ["title"] = "测试", ["note"] = "" }, "/Organizations/My", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
        }

        var client = await app.SignedInClientAsync((email, password));
        (await client.GetStringAsync(new Uri("/Account/Notifications", UriKind.Relative))).ShouldContain("class=\"badge count\"");
        using (var marked = await client.SubmitFormAsync("/Account/Notifications", new Dictionary<string, string>()))
        {
            marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await client.GetStringAsync(new Uri("/Account/Notifications", UriKind.Relative))).ShouldNotContain("class=\"badge count\"");
    }

    private async Task<int> ImportOneAsync(string name, string code, string? member = null)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await UploadAsync(officer, Csv(Row(name, code[1] == '1' ? "社会团体" : "民办非企业单位", code)));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Describe(await response.Content.ReadAsStringAsync()));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var id = await db.Set<Organization>().Where(o => o.CreditCode == code).Select(o => o.Id).SingleAsync();
        if (member is not null)
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(member);
            db.Add(new OrganizationMember { OrganizationId = id, UserId = user!.Id, IsOrgAdmin = true, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        return id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient officer, string csv) =>
        officer.SubmitFormAsync(
            "/Organizations/Admin/Register/Import",
            new Dictionary<string, string>(),
            "main form[enctype='multipart/form-data']",
            files: new Dictionary<string, (string, byte[])> { ["file"] = ("register.csv", Encoding.UTF8.GetBytes(csv)) });

    private static string Csv(params string[] rows) =>
        "名称,类型,统一社会信用代码,法定代表人,街道,住所,服务领域,业务范围,活动资金,个人会员数,单位会员数,成立日期,状态\n" + string.Join('\n', rows) + "\n";

    private static string Row(string name, string type, string code) =>
        $"{name},{type},{code},王五,鼓楼街道,宁波市海曙区中山西路1号,养老,开展为老服务,30000,60,0,2015-03-01,正常";

    /// <summary>A valid credit code of the given type, outside the sequence the bureau issues from.</summary>
    private static string Code(char type, int number) =>
        Core.Identification.UnifiedSocialCreditCode.Generate('5', type, "330203", $"QT{number:000000}").Value;

    private async Task<int> CountOrganizationsAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().CountAsync();
    }

    private async Task<(string Email, string Password)> NewApplicantAsync()
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "同事" };
        (await users.CreateAsync(user, "Member-pass-2026")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, RegistryRoles.Applicant)).Succeeded.ShouldBeTrue();
        return (email, "Member-pass-2026");
    }

    private static string Describe(string html) => RegistrationClient.ErrorsOf(html);

    [GeneratedRegex(@"https?://\S+/Organizations/Invitation/[0-9a-f]+")]
    private static partial Regex InvitationLink();
}
