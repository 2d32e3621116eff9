using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Review;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>
/// Issue 19: everyone in the procedure online. The supervising unit consents to its organizations' applications (社团条例
/// 第九条: the unit's consent comes before registration), the street office first-reviews community filings in its street,
/// the bureau signs off internally 承办 → 审核 → 批准 with separation of duties, leadership only reads; and each party sees
/// only its own organizations. On each provider.
/// </summary>
public abstract class ProcedureTests<TApp>(TApp app)
    where TApp : AppFixture
{
    private const string UnitA = "海曙区测试主管局甲";
    private const string UnitB = "海曙区测试主管局乙";
    private const string Street = "月湖街道";

    [Fact]
    public async Task Establishment_SupervisorConsentThenThreeStepSignOff_IsApprovedAndTheSameOfficerIsRefusedAtStepTwo()
    {
        await SetChainAsync(ApplicationKind.Establishment, 3);
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var officer2 = await app.SignedInClientAsync(TestAccounts.Officer2);
        var officer3 = await app.SignedInClientAsync(TestAccounts.Officer3);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var id = await SubmitEstablishmentAsync(applicant, officer, UnitA);

        (await StateAsync(id)).ShouldBe(ApplicationState.PreReview);
        (await applicant.GetStringAsync(Url($"/Organizations/Applications/{id}"))).ShouldContain("待主管单位或街道审查");
        (await supervisor.GetStringAsync(Url("/Organizations/Parties"))).ShouldContain($"/Organizations/Parties/Application/{id}");

        await PreReviewOkAsync(supervisor, id, "Pass", "同意成立，业务范围符合本部门职能");
        var consented = await ApplicationAsync(id);
        consented.State.ShouldBe(ApplicationState.Submitted);
        consented.PreReviewedBy.ShouldBe("测试主管单位甲");
        consented.ReceivedOn.ShouldNotBeNull();
        (await applicant.GetStringAsync(Url($"/Organizations/Applications/{id}"))).ShouldContain("同意成立，业务范围符合本部门职能");

        await officer.DecideOkAsync(id, "Accept", "StartReview");
        (await ApplicationAsync(id)).OwnerName.ShouldBe("测试科员");
        using (var early = await officer.DecideAsync(id, "Approve", "准予"))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await early.Content.ReadAsStringAsync()).ShouldContain("现在不能签署“批准”：当前待办的是“承办”");
        }

        await SignOkAsync(officer, id, "拟准予成立登记");
        (await QueueAsync(officer, "?step=Check")).ShouldContain($"/Organizations/Admin/Applications/{id}\"");
        (await QueueAsync(officer, "?step=Handle")).ShouldNotContain($"/Organizations/Admin/Applications/{id}\"");
        (await QueueAsync(officer, "?owner=me&step=Check")).ShouldContain($"/Organizations/Admin/Applications/{id}\"");
        (await QueueAsync(officer2, "?owner=me")).ShouldNotContain($"/Organizations/Admin/Applications/{id}\"");

        using (var sameOfficer = await SignAsync(officer, id, "同意"))
        {
            sameOfficer.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await sameOfficer.Content.ReadAsStringAsync()).ShouldContain("同一案件中您已签署“承办”，不能再签署“审核”");
        }

        await SignOkAsync(officer2, id, "材料齐全，同意");
        using (var checkerApproves = await officer2.DecideAsync(id, "Approve", "批准"))
        {
            (await checkerApproves.Content.ReadAsStringAsync()).ShouldContain("同一案件中您已签署“审核”，不能再签署“批准”");
        }

        await officer3.DecideOkAsync(id, "Approve");

        var approved = await ApplicationAsync(id);
        approved.State.ShouldBe(ApplicationState.Approved);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var entries = await db.Set<SignOffEntry>().Where(e => e.SubjectType == "RegistrationApplication" && e.SubjectId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync();
        entries.Select(e => e.Step).ShouldBe([SignOffStep.Handle, SignOffStep.Check, SignOffStep.Approve]);
        entries.Select(e => e.UserName).ShouldBe(["测试科员", "测试审核科长", "测试分管局长"]);
        entries.Select(e => e.UserId).Distinct().Count().ShouldBe(3);
        var actions = await db.Set<AuditEntry>().Where(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync();
        actions.ShouldContain("signoff.handle");
        actions.ShouldContain("signoff.check");
        actions.ShouldContain("signoff.approve");
        actions.ShouldContain("application.passprereview");
        var organization = await db.Set<Organization>().SingleAsync(o => o.Id == approved.OrganizationId);
        organization.SupervisingUnitId.ShouldBe(await db.Set<SupervisingUnit>().Where(u => u.Name == UnitA).Select(u => (int?)u.Id).SingleAsync());

        // The applicant follows the steps, not the bureau's internal opinions or who signed them.
        var page = await applicant.GetDocumentAsync($"/Organizations/Applications/{id}");
        page.QuerySelector("[data-testid=sign-off-Check]")!.GetAttribute("data-done").ShouldBe("true");
        page.Body!.TextContent.ShouldNotContain("拟准予成立登记");
        page.Body.TextContent.ShouldNotContain("测试审核科长");
        var internalPage = await officer.GetStringAsync(Url($"/Organizations/Admin/Applications/{id}"));
        internalPage.ShouldContain("拟准予成立登记");
        internalPage.ShouldContain("测试审核科长");
    }

    [Fact]
    public async Task Establishment_SupervisorRefuses_ApplicationEndsWithTheReasonAndTheBureauCannotAccept()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var id = await SubmitEstablishmentAsync(applicant, officer, UnitA);

        using (var noReason = await PreReviewAsync(supervisor, id, "Fail", ""))
        {
            (await noReason.Content.ReadAsStringAsync()).ShouldContain("不同意时须写明理由");
        }

        await PreReviewOkAsync(supervisor, id, "Fail", "不符合本部门行业发展规划");

        var refused = await ApplicationAsync(id);
        refused.State.ShouldBe(ApplicationState.PreReviewRefused);
        refused.DecisionReason.ShouldBe("不符合本部门行业发展规划");
        (await applicant.GetStringAsync(Url($"/Organizations/Applications/{id}"))).ShouldContain("不符合本部门行业发展规划");
        var detail = await officer.GetDocumentAsync($"/Organizations/Admin/Applications/{id}");
        detail.QuerySelector("[data-testid=decide-Accept]").ShouldBeNull();
        var token = detail.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var accept = await officer.PostAsync(
            Url($"/Organizations/Admin/Applications/{id}"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["trigger"] = "Accept", ["version"] = refused.Version.ToString(CultureInfo.InvariantCulture) }));
        (await accept.Content.ReadAsStringAsync()).ShouldContain("“主管单位或街道不同意”状态的申请不能执行“受理”");
        (await StateAsync(id)).ShouldBe(ApplicationState.PreReviewRefused);
    }

    [Fact]
    public async Task PreReview_ByAnotherUnitOrAStreetOffice_IsNotFoundAndChangesNothing()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var otherUnit = await app.SignedInClientAsync(TestAccounts.Supervisor2);
        var street = await app.SignedInClientAsync(TestAccounts.StreetOffice);
        var id = await SubmitEstablishmentAsync(applicant, officer, UnitA);
        var form = await supervisor.ReadFormAsync($"/Organizations/Parties/Application/{id}", "form[data-testid=pre-review-form]");

        foreach (var intruder in new[] { otherUnit, street })
        {
            using var page = await intruder.GetAsync(Url($"/Organizations/Parties/Application/{id}"));
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var token = (await intruder.GetDocumentAsync("/Organizations/Parties")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var values = new Dictionary<string, string>(form.Values) { ["__RequestVerificationToken"] = token, ["opinion"] = "同意" };
            using var post = await intruder.PostFormAsync(new FormSnapshot(form.Action, values, false), new Dictionary<string, string>(), "Pass");
            post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await supervisor.GetStringAsync(Url("/Organizations/Parties"))).ShouldContain($"/Organizations/Parties/Application/{id}");
        (await otherUnit.GetStringAsync(Url("/Organizations/Parties"))).ShouldNotContain($"/Organizations/Parties/Application/{id}");
        (await StateAsync(id)).ShouldBe(ApplicationState.PreReview);
    }

    [Fact]
    public async Task CommunityFiling_InTheStreet_StreetOfficeReviewsFirstThenTheBureauReceivesIt()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var street = await app.SignedInClientAsync(TestAccounts.StreetOffice);
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var id = await applicant.StartAsync("CommunityFiling");
        var fields = RegistrationClient.Particulars(UniqueName("读书会"), "Community");
        fields["Input.Street"] = Street;
        fields["Input.IndividualMembers"] = "12";
        await applicant.SubmitWithDocumentsAsync(id, "CommunityFiling", fields);

        var waiting = await ApplicationAsync(id);
        waiting.State.ShouldBe(ApplicationState.PreReview);
        waiting.PreReviewParty.ShouldBe(PreReviewParty.StreetOffice);
        waiting.ReceivedOn.ShouldBeNull();
        (await supervisor.GetAsync(Url($"/Organizations/Parties/Application/{id}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await PreReviewOkAsync(street, id, "Pass", "经核实，活动场所和成员属实");

        (await StateAsync(id)).ShouldBe(ApplicationState.Submitted);
        (await applicant.GetStringAsync(Url($"/Organizations/Applications/{id}"))).ShouldContain("街道初审");
    }

    [Fact]
    public async Task CommunityFiling_InAStreetWithoutAnOfficeOnline_GoesStraightToTheBureau()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("CommunityFiling");
        var fields = RegistrationClient.Particulars(UniqueName("合唱团"), "Community");
        fields["Input.IndividualMembers"] = "12";
        await applicant.SubmitWithDocumentsAsync(id, "CommunityFiling", fields);

        var submitted = await ApplicationAsync(id);
        submitted.State.ShouldBe(ApplicationState.Submitted);
        submitted.PreReviewParty.ShouldBe(PreReviewParty.None);
    }

    [Fact]
    public async Task PartyOrganizationPage_OwnOrganizationShownOthersNotFound()
    {
        var (inUnitA, inUnitB, inStreet, elsewhere) = await OrganizationsAsync();
        var supervisor = await app.SignedInClientAsync(TestAccounts.Supervisor);
        var street = await app.SignedInClientAsync(TestAccounts.StreetOffice);

        (await supervisor.GetStringAsync(Url($"/Organizations/Parties/Organization/{inUnitA}"))).ShouldContain("data-testid=\"org-standing\"");
        (await street.GetAsync(Url($"/Organizations/Parties/Organization/{inStreet}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var (client, id) in new[] { (supervisor, inUnitB), (supervisor, inStreet), (supervisor, elsewhere), (street, inUnitA), (street, inUnitB), (street, elsewhere) })
        {
            using var response = await client.GetAsync(Url($"/Organizations/Parties/Organization/{id}"));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"organization {id}");
        }

        // Other tests of this class add organizations too (an approved establishment of unit 甲): only membership is checked.
        var unitList = (await supervisor.GetDocumentAsync("/Organizations/Parties")).QuerySelectorAll("[data-testid=organizations] a").Select(a => a.GetAttribute("href")).ToList();
        unitList.ShouldContain($"/Organizations/Parties/Organization/{inUnitA}");
        unitList.ShouldNotContain($"/Organizations/Parties/Organization/{inUnitB}");
        unitList.ShouldNotContain($"/Organizations/Parties/Organization/{inStreet}");
        var streetList = (await street.GetDocumentAsync("/Organizations/Parties")).QuerySelectorAll("[data-testid=organizations] a").Select(a => a.GetAttribute("href")).ToList();
        streetList.ShouldContain($"/Organizations/Parties/Organization/{inStreet}");
        streetList.ShouldNotContain($"/Organizations/Parties/Organization/{elsewhere}");
        streetList.ShouldNotContain($"/Organizations/Parties/Organization/{inUnitA}");
    }

    [Theory]
    [InlineData("/Organizations/Admin/Applications")]
    [InlineData("/Organizations/Admin/Register")]
    [InlineData("/Reports")]
    [InlineData("/Organizations/My")]
    public async Task BackOfficeAndApplicantPages_SupervisorOrStreetOffice_AreForbidden(string url)
    {
        foreach (var account in new[] { TestAccounts.Supervisor, TestAccounts.StreetOffice })
        {
            var client = await app.SignedInClientAsync(account);
            using var response = await client.GetAsync(Url(url));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{account.Email} {url}");
        }
    }

    [Theory]
    [InlineData("/Reports")]
    [InlineData("/Organizations/Admin/Applications")]
    [InlineData("/Organizations/Admin/Register")]
    public async Task ReadOnlyPages_Leadership_CanRead(string url)
    {
        var leader = await app.SignedInClientAsync(TestAccounts.Leader);

        using var response = await leader.GetAsync(Url(url));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EveryModulePagePost_Leadership_IsRefused()
    {
        var leader = await app.SignedInClientAsync(TestAccounts.Leader);
        // A valid anti-forgery token, so what refuses is the role, not a missing token.
        var token = (await leader.GetDocumentAsync("/Reports")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var routes = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { AreaName.Length: > 0 })
            .Select(e => SampleUrl(e.RoutePattern))
            .Distinct()
            .ToList();
        routes.Count.ShouldBeGreaterThan(20);

        var allowed = new List<string>();
        foreach (var url in routes)
        {
            using var response = await leader.PostAsync(Url(url), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                allowed.Add($"{url} {(int)response.StatusCode}");
            }
        }

        allowed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Decide_Leadership_IsRefusedAndTheApplicationStays()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var leader = await app.SignedInClientAsync(TestAccounts.Leader);
        var id = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(UniqueName("养老服务中心")));
        // Leadership reads the case (lists and their records) but is offered no action.
        var detail = await leader.GetDocumentAsync($"/Organizations/Admin/Applications/{id}");
        detail.QuerySelector("[data-testid=receipt]").ShouldNotBeNull();
        detail.QuerySelector("form.stacked").ShouldBeNull();
        var token = detail.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await leader.PostAsync(
            Url($"/Organizations/Admin/Applications/{id}"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["trigger"] = "Accept", ["version"] = "1" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StateAsync(id)).ShouldBe(ApplicationState.Submitted);
    }

    private static string SampleUrl(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1"
                : parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.Empty.ToString() : "x",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static string UniqueName(string suffix)
    {
        const string digits = "零壹贰叁肆伍陆柒捌玖";
        var number = Random.Shared.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(CultureInfo.InvariantCulture);
        return "宁波市海曙区" + new string([.. number.Select(c => digits[c - '0'])]) + suffix;
    }

    /// <summary>An approved name, then an establishment naming <paramref name="unit"/> as its supervising unit, submitted.</summary>
    private static async Task<int> SubmitEstablishmentAsync(HttpClient applicant, HttpClient officer, string unit)
    {
        var name = UniqueName("养老服务中心");
        var nameId = await applicant.StartAsync("NameApproval");
        await applicant.SubmitWithDocumentsAsync(nameId, "NameApproval", RegistrationClient.NameApproval(name));
        await officer.DecideOkAsync(nameId, "Accept", "StartReview", "Approve");
        var id = await applicant.StartAsync("Establishment");
        var fields = RegistrationClient.Particulars(name);
        fields["Input.NameApplicationId"] = nameId.ToString(CultureInfo.InvariantCulture);
        fields["Input.SupervisingUnit"] = unit;
        fields["Input.LegalRepresentative"] = "法人" + UniqueName("")[6..];
        await applicant.SubmitWithDocumentsAsync(id, "Establishment", fields);
        return id;
    }

    private static Task<HttpResponseMessage> PreReviewAsync(HttpClient party, int id, string handler, string opinion) =>
        party.SubmitFormAsync($"/Organizations/Parties/Application/{id}", new Dictionary<string, string> { ["opinion"] = opinion }, "form[data-testid=pre-review-form]", handler);

    private static async Task PreReviewOkAsync(HttpClient party, int id, string handler, string opinion)
    {
        using var response = await PreReviewAsync(party, id, handler, opinion);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
    }

    private static Task<HttpResponseMessage> SignAsync(HttpClient officer, int id, string opinion) =>
        officer.SubmitFormAsync($"/Organizations/Admin/Applications/{id}", new Dictionary<string, string> { ["opinion"] = opinion }, "form[data-testid=sign-off-form]", "SignOff");

    private static async Task SignOkAsync(HttpClient officer, int id, string opinion)
    {
        using var response = await SignAsync(officer, id, opinion);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
    }

    private static Task<string> QueueAsync(HttpClient officer, string query) => officer.GetStringAsync(Url("/Organizations/Admin/Applications" + query));

    private async Task SetChainAsync(ApplicationKind kind, int steps)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        (await scope.ServiceProvider.GetRequiredService<ISignOffs>().SetChainAsync("Organizations." + kind, steps, CancellationToken.None)).ShouldBeNull();
        await db.SaveChangesAsync();
    }

    private async Task<RegistrationApplication> ApplicationAsync(int id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private async Task<ApplicationState> StateAsync(int id) => (await ApplicationAsync(id)).State;

    /// <summary>One organization supervised by each test unit, one in the test street office's street, one elsewhere.</summary>
    private async Task<(int InUnitA, int InUnitB, int InStreet, int Elsewhere)> OrganizationsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var units = await db.Set<SupervisingUnit>().Where(u => u.Name == UnitA || u.Name == UnitB).ToDictionaryAsync(u => u.Name, u => u.Id);
        Organization Make(string suffix, string street, string? unit, OrganizationType type) => new()
        {
            Name = UniqueName(suffix),
            NormalizedName = UniqueName(suffix),
            Type = type,
            Status = OrganizationStatus.Active,
            Street = street,
            District = "海曙区",
            SupervisingUnit = unit,
            SupervisingUnitId = unit is null ? null : units[unit],
            LegalRepresentative = "测试",
            FoundedOn = new DateOnly(2020, 1, 1),
        };
        var organizations = new[]
        {
            Make("助老服务中心", "鼓楼街道", UnitA, OrganizationType.PrivateNonEnterprise),
            Make("文化研究会", "鼓楼街道", UnitB, OrganizationType.SocialGroup),
            Make("社区读书会", Street, null, OrganizationType.Community),
            Make("社区舞蹈队", "南门街道", null, OrganizationType.Community),
        };
        db.AddRange(organizations);
        await db.SaveChangesAsync();
        return (organizations[0].Id, organizations[1].Id, organizations[2].Id, organizations[3].Id);
    }
}

public sealed class ProcedureTestsOnSqlite(SqliteApp app) : ProcedureTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ProcedureTestsOnPostgreSql(PostgreSqlApp app) : ProcedureTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
