using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Identification;
using Registry.Core.Mail;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>Registration applications end to end over HTTP, on each provider.</summary>
public abstract class RegistrationTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task NameApprovalThenEstablishment_OrganizationIsActiveWithValidCreditCodeAndCertificate()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = UniqueName("养老服务中心");

        var nameId = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(nameId, "NameApproval", RegistrationClient.NameApproval(name));
        await officer.DecideOkAsync(nameId, "Accept", "StartReview", "Approve");

        var establishmentId = await applicant.StartAsync("Establishment");
        var fields = RegistrationClient.Particulars(name);
        fields["Input.NameApplicationId"] = nameId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await applicant.SubmitWithDocumentsAsync(establishmentId, "Establishment", fields);
        await officer.DecideOkAsync(establishmentId, "Accept", "StartReview", "Approve");

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var application = await db.Set<RegistrationApplication>().SingleAsync(a => a.Id == establishmentId);
        application.State.ShouldBe(ApplicationState.Approved);
        application.ReceiptNumber!.ShouldMatch(@"^DJ-\d{4}-\d{6}$");
        var organization = await db.Set<Organization>().SingleAsync(o => o.Id == application.OrganizationId);
        organization.Status.ShouldBe(OrganizationStatus.Active);
        UnifiedSocialCreditCode.IsValid(organization.CreditCode).ShouldBeTrue(organization.CreditCode);
        organization.CreditCode!.ShouldStartWith("52330203");
        (await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == organization.Id && m.IsOrgAdmin)).ShouldBeTrue();
        (await db.Set<MailMessage>().AnyAsync(m => m.To == TestAccounts.Applicant.Email && m.Subject.Contains(application.ReceiptNumber!))).ShouldBeTrue();

        var certificate = await app.Client().GetStringAsync(new Uri($"/Organizations/Certificate/{organization.Id}", UriKind.Relative));
        certificate.ShouldContain(name);
        certificate.ShouldContain(organization.CreditCode);
        var detail = await applicant.GetStringAsync(new Uri($"/Organizations/Applications/{establishmentId}", UriKind.Relative));
        detail.ShouldContain($"/Organizations/Certificate/{organization.Id}");
    }

    [Fact]
    public async Task Progress_ReceiptWithPhoneOrCreditCode_ShowsStepsNotContentsAndAWrongPairLearnsNothing()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var name = UniqueName("助餐服务中心");
        var nameId = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(nameId, "NameApproval", RegistrationClient.NameApproval(name));
        await officer.DecideOkAsync(nameId, "Accept", "StartReview", "Approve");
        var establishmentId = await applicant.StartAsync("Establishment");
        var fields = RegistrationClient.Particulars(name);
        fields["Input.NameApplicationId"] = nameId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await applicant.SubmitWithDocumentsAsync(establishmentId, "Establishment", fields);
        await officer.DecideOkAsync(establishmentId, "Accept");
        string receipt, creditCode;
        await using (var scope = app.Scope())
        {
            receipt = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().Where(a => a.Id == establishmentId).Select(a => a.ReceiptNumber!).SingleAsync();
        }

        using (var found = await app.Client().SubmitFormAsync("/Organizations/Progress", new Dictionary<string, string> { ["Input.ReceiptNumber"] = receipt.ToLowerInvariant(), ["Input.Contact"] = "0574 8700 1234" }))
        {
            var page = await found.ParseAsync();
            page.QuerySelector("[data-testid=progress-state]")!.TextContent.ShouldBe("已受理");
            page.QuerySelectorAll("[data-testid=progress-steps] li").Length.ShouldBeGreaterThanOrEqualTo(2);
            page.QuerySelector("[data-testid=progress-result]")!.TextContent.ShouldNotContain("孝闻街", Case.Sensitive, "the contents stay private");
            page.QuerySelector("[data-testid=progress-result]")!.TextContent.ShouldNotContain(name);
        }

        foreach (var (number, contact) in new[] { (receipt, "0574-87009999"), ("DJ-2099-999999", "0574-87001234"), (receipt, "1234") })
        {
            using var refused = await app.Client().SubmitFormAsync("/Organizations/Progress", new Dictionary<string, string> { ["Input.ReceiptNumber"] = number, ["Input.Contact"] = contact });
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await refused.ParseAsync();
            page.QuerySelector("[data-testid=progress-result]").ShouldBeNull();
            page.QuerySelector("[data-testid=progress-errors]")!.TextContent.ShouldContain("未找到与该受理编号和联系方式相符的申请");
        }

        await officer.DecideOkAsync(establishmentId, "StartReview", "Approve");
        await using (var scope = app.Scope())
        {
            creditCode = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().Where(o => o.Name == name).Select(o => o.CreditCode!).SingleAsync();
        }

        using var byCode = await app.Client().SubmitFormAsync("/Organizations/Progress", new Dictionary<string, string> { ["Input.ReceiptNumber"] = receipt, ["Input.Contact"] = creditCode });
        (await byCode.ParseAsync()).QuerySelector("[data-testid=progress-state]")!.TextContent.ShouldBe("准予");
    }

    [Fact]
    public async Task Submit_WithoutRequiredDocuments_ListsThemAndKeepsTheDraft()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var name = UniqueName("助残服务中心");
        var id = await applicant.StartAsync("NameApproval");
        using var response = await applicant.PostFormAsync(id, "Submit", RegistrationClient.NameApproval(name));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("缺少必需材料：名称核准申请书");

        var edit = await applicant.GetStringAsync(new Uri($"/Organizations/Applications/Edit/{id}", UriKind.Relative));
        edit.ShouldContain(name);
        edit.ShouldContain("草稿");
    }

    [Fact]
    public async Task Upload_ExecutableRenamedToPdf_IsRefusedAndThePreviousDocumentStays()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("NameApproval");
        using (var good = await applicant.PostFormAsync(id, "Save", RegistrationClient.NameApproval(UniqueName("协会")), ["NameApplicationLetter"]))
        {
            good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var before = await DocumentFileAsync(id);
        using var bad = await applicant.SubmitFormAsync(
            $"/Organizations/Applications/Edit/{id}",
            new Dictionary<string, string>(),
            handler: "Save",
            files: new Dictionary<string, (string, byte[])> { ["document-NameApplicationLetter"] = ("letter.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("未被接受");
        html.ShouldContain("仅接受 PDF");
        (await DocumentFileAsync(id)).ShouldBe(before);
    }

    [Theory]
    [InlineData("123.456", "最多保留两位小数")]
    [InlineData("十万元", "请输入有效的金额")]
    public async Task Save_BadMoney_ShowsTheErrorAndKeepsWhatWasTyped(string funds, string message)
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("Establishment");
        var fields = RegistrationClient.Particulars(UniqueName("服务中心"));
        fields["Input.ActivityFunds"] = funds;
        using var response = await applicant.PostFormAsync(id, "Save", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(message);
        html.ShouldContain($"value=\"{funds}\"");
        html.ShouldContain(fields["Input.Name"]);
    }

    [Fact]
    public async Task Submit_NegativeMembers_IsRefusedWithAClearMessage()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("CommunityFiling");
        var fields = RegistrationClient.Particulars(UniqueName("读书会"), "Community");
        fields["Input.IndividualMembers"] = "-3";
        using var response = await applicant.PostFormAsync(id, "Submit", fields, RegistrationClient.RequiredDocuments["CommunityFiling"]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("应在0到10000000之间");
    }

    [Fact]
    public async Task Submit_CommunityFilingTooSmall_IsRefused()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("CommunityFiling");
        var fields = RegistrationClient.Particulars(UniqueName("舞蹈队"), "Community");
        fields["Input.IndividualMembers"] = "5";
        fields["Input.Staff"] = "1";
        using var response = await applicant.PostFormAsync(id, "Submit", fields, RegistrationClient.RequiredDocuments["CommunityFiling"]);
        (await response.Content.ReadAsStringAsync()).ShouldContain("社区社会组织应有不少于 10 名成员或不少于 3 名专职工作人员");
    }

    [Fact]
    public async Task Submit_NameAlreadyReserved_IsRefusedAsAClash()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var core = UniqueName("")["宁波市海曙区".Length..];
        var first = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(first, "NameApproval", RegistrationClient.NameApproval($"宁波市海曙区{core}服务中心"));
        await officer.DecideOkAsync(first, "Accept", "StartReview", "Approve");

        // Same name once the district prefix and the form suffix are set aside.
        var second = await applicant.StartAsync("NameApproval");
        using var response = await applicant.PostFormAsync(second, "Submit", RegistrationClient.NameApproval($"海曙区{core}协会"), ["NameApplicationLetter"]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("与已登记或已保留的名称相同");
    }

    [Fact]
    public async Task ReturnForCorrection_ApplicantSeesDeficiencies_ResubmitsAndTheClockResumes()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(UniqueName("研究会")));
        await officer.DecideOkAsync(id, "Accept");
        using (var returned = await officer.DecideAsync(id, "Return", "请补充业务主管单位同意意见。"))
        {
            returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var edit = await applicant.GetStringAsync(new Uri($"/Organizations/Applications/Edit/{id}", UriKind.Relative));
        edit.ShouldContain("请补充业务主管单位同意意见。");
        var stopped = await applicant.GetStringAsync(new Uri($"/Organizations/Applications/{id}", UriKind.Relative));
        stopped.ShouldContain("计时暂停");

        using (var resubmitted = await applicant.PostFormAsync(id, "Submit", new Dictionary<string, string>()))
        {
            resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await using var scope = app.Scope();
        var application = await scope.ServiceProvider.GetRequiredService<RegistrationService>().FindAsync(id, CancellationToken.None);
        application!.State.ShouldBe(ApplicationState.Submitted);
        application.Corrections.Single().ResubmittedOn.ShouldNotBeNull();
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefused_WithReason_IsShownToTheApplicant()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(UniqueName("联谊会")));
        await officer.DecideOkAsync(id, "Accept", "StartReview");
        using (var noReason = await officer.DecideAsync(id, "Reject", ""))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await noReason.Content.ReadAsStringAsync()).ShouldContain("不予登记时须写明理由");
        }

        using (var rejected = await officer.DecideAsync(id, "Reject", "名称含有误导性字样。"))
        {
            rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await applicant.GetStringAsync(new Uri($"/Organizations/Applications/{id}", UriKind.Relative))).ShouldContain("名称含有误导性字样。");
    }

    [Fact]
    public async Task TwoOfficersDecideAtOnce_OneWins_TheOtherIsToldItChanged()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(UniqueName("商会")));
        var first = await app.SignedInClientAsync(TestAccounts.Officer);
        var second = await app.SignedInClientAsync(TestAccounts.Admin);
        var firstForm = await first.ReadFormAsync($"/Organizations/Admin/Applications/{id}", "form.stacked");
        var secondForm = await second.ReadFormAsync($"/Organizations/Admin/Applications/{id}", "form.stacked");

        using var winner = await first.PostFormAsync(firstForm, new Dictionary<string, string> { ["trigger"] = "Accept" });
        using var loser = await second.PostFormAsync(secondForm, new Dictionary<string, string> { ["trigger"] = "Return", ["note"] = "材料不全" });
        winner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        loser.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await loser.Content.ReadAsStringAsync()).ShouldContain("已被其他工作人员处理");

        await using var scope = app.Scope();
        var application = await scope.ServiceProvider.GetRequiredService<RegistrationService>().FindAsync(id, CancellationToken.None);
        application!.State.ShouldBe(ApplicationState.Accepted);
        application.Corrections.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnotherApplicant_CannotReadOrEditSomeoneElsesApplication()
    {
        var owner = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await owner.StartAsync("NameApproval");
        var stranger = await app.SignedInClientAsync(await NewApplicantAsync());
        foreach (var url in new[] { $"/Organizations/Applications/{id}", $"/Organizations/Applications/Edit/{id}" })
        {
            using var response = await stranger.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var post = await stranger.PostFormAsync(
            new FormSnapshot($"/Organizations/Applications/Edit/{id}?handler=Save", (await stranger.ReadFormAsync("/Organizations/My", "form[action*='handler=Start']")).Values, false),
            new Dictionary<string, string> { ["Input.ProposedName1"] = "篡改" });
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("reviewer", "/Organizations/Admin/Applications", HttpStatusCode.Forbidden)]
    [InlineData("applicant", "/Organizations/Admin/Applications", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/Organizations/My", HttpStatusCode.Forbidden)]
    [InlineData("officer", "/Organizations/Admin/Applications", HttpStatusCode.OK)]
    public async Task Pages_ForRole_AnswerAsExpected(string role, string url, HttpStatusCode expected)
    {
        var client = await app.SignedInClientAsync(role switch
        {
            "reviewer" => TestAccounts.Reviewer,
            "officer" => TestAccounts.Officer,
            _ => TestAccounts.Applicant,
        });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Drafts_AreInvisibleToOfficersAndAnonymousVisitors()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("NameApproval");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var officerView = await officer.GetAsync(new Uri($"/Organizations/Admin/Applications/{id}", UriKind.Relative));
        officerView.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = await app.Client().GetAsync(new Uri($"/Organizations/Applications/{id}", UriKind.Relative));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task CreditCodes_IssuedConcurrently_AreValidAndUnique()
    {
        var codes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<RegisterWriter>();
            var rules = await scope.ServiceProvider.GetRequiredService<IRegistrationRulesProvider>().GetAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var code = await writer.IssueCreditCodeAsync(OrganizationType.SocialGroup, rules, CancellationToken.None);
            await transaction.CommitAsync();
            return code;
        }));
        codes.Distinct().Count().ShouldBe(codes.Length);
        codes.ShouldAllBe(c => UnifiedSocialCreditCode.IsValid(c));
    }

    private async Task<Guid> DocumentFileAsync(int applicationId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<ApplicationDocument>()
            .Where(d => d.ApplicationId == applicationId).Select(d => d.FileId).SingleAsync();
    }

    private async Task<(string Email, string Password)> NewApplicantAsync()
    {
        var email = $"other-{Guid.NewGuid():N}@example.org";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Other" };
        (await users.CreateAsync(user, "Other-applicant-2026")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, RegistryRoles.Applicant)).Succeeded.ShouldBeTrue();
        return (email, "Other-applicant-2026");
    }

    /// <summary>A name no other test uses: Chinese digits from a fresh number, so names never clash by accident.</summary>
    internal static string UniqueName(string suffix)
    {
        const string digits = "零壹贰叁肆伍陆柒捌玖";
        var number = Random.Shared.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "宁波市海曙区" + new string([.. number.Select(c => digits[c - '0'])]) + suffix;
    }
}

public sealed class RegistrationTestsOnSqlite(SqliteApp app) : RegistrationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RegistrationTestsOnPostgreSql(PostgreSqlApp app) : RegistrationTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
