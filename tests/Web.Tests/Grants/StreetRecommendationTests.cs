using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Grants.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// Street offices' recommendation opinions (推荐意见) over HTTP, on each provider: the office of 鼓楼街道 sees and answers the
/// applications of organizations in its street (宁波市海曙区阳光养老服务中心), the office of 月湖街道 gets 404 for them.
/// </summary>
public abstract class StreetRecommendationTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private const string Gulou = "grant-street-gulou@test.local";

    private Task<HttpClient> GulouAsync() => app.SignedInClientAsync((Gulou, "Test-street-2026"));

    private static Dictionary<string, string> Opinion(bool recommended, string text) => new() { ["Recommended"] = recommended ? "true" : "false", ["Opinion"] = text };

    private Task<StreetRecommendation?> StoredAsync(int applicationId) =>
        app.WithAsync<RegistryDbContext, StreetRecommendation?>(db => db.Set<StreetRecommendation>().AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == applicationId));

    [Fact]
    public async Task Submit_FromTheStreet_OfficeIsNotifiedAndListsIt()
    {
        var before = await app.NoticesAsync(Gulou, "Grant.StreetArrived");

        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("街道收到"));

        (await app.NoticesAsync(Gulou, "Grant.StreetArrived")).ShouldBe(before + 1);
        (await app.ApplicationAsync(id)).Street.ShouldBe("鼓楼街道");
        var page = await (await GulouAsync()).GetDocumentAsync("/Grants/Street?opinion=Pending");
        page.QuerySelector($"[data-testid=street-application][data-id='{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Give_NotRecommended_StoredAuditedAndShownToOfficers()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("街道不推荐"));
        var client = await GulouAsync();

        using var response = await client.SubmitFormAsync($"/Grants/Street/{id}", Opinion(false, "该机构在本辖区服务对象较少，暂不推荐。"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await StoredAsync(id)).ShouldNotBeNull();
        stored.Recommended.ShouldBeFalse();
        stored.Street.ShouldBe("鼓楼街道");
        (await app.WithAsync<RegistryDbContext, int>(db => db.Set<Registry.Core.Auditing.AuditEntry>().CountAsync(e => e.Action == "grants.street-not-recommended" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ShouldBe(1);
        var officer = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Grants/Admin/Application/{id}");
        officer.QuerySelector("[data-testid=street-opinion]")!.GetAttribute("data-recommended").ShouldBe("false");
        officer.QuerySelector("[data-testid=street-opinion]")!.TextContent.ShouldContain("暂不推荐");
    }

    [Fact]
    public async Task Give_Revised_LastOpinionStandsAndListFiltersByIt()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("街道改意见"));
        var client = await GulouAsync();
        (await client.SubmitFormAsync($"/Grants/Street/{id}", Opinion(false, "材料不全。"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await client.SubmitFormAsync($"/Grants/Street/{id}", Opinion(true, "补充说明后同意推荐。"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StoredAsync(id))!.Recommended.ShouldBeTrue();
        (await client.GetDocumentAsync("/Grants/Street?opinion=Recommended")).QuerySelector($"[data-testid=street-application][data-id='{id}']").ShouldNotBeNull();
        (await client.GetDocumentAsync("/Grants/Street?opinion=NotRecommended")).QuerySelector($"[data-testid=street-application][data-id='{id}']").ShouldBeNull();
    }

    [Fact]
    public async Task Give_NoChoiceAndNoText_RefusedWithMessages()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("街道空意见"));

        using var response = await (await GulouAsync()).SubmitFormAsync($"/Grants/Street/{id}", new Dictionary<string, string> { ["Opinion"] = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent;
        errors.ShouldContain("请选择推荐或不推荐");
        (await StoredAsync(id)).ShouldBeNull();
    }

    [Fact]
    public async Task OtherStreet_ApplicationPageAndPost_NotFound()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("他街道项目"));
        var yuehu = await app.SignedInClientAsync(TestAccounts.StreetOffice);

        using var page = await yuehu.GetAsync(new Uri($"/Grants/Street/{id}", UriKind.Relative));
        var token = await yuehu.ReadFormAsync("/", "form[action='/Account/Logout']");
        using var post = await yuehu.PostFormAsync(token with { Action = $"/Grants/Street/{id}" }, Opinion(true, "越权推荐。"));

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(id)).ShouldBeNull();
        (await yuehu.GetDocumentAsync("/Grants/Street")).QuerySelector($"[data-testid=street-application][data-id='{id}']").ShouldBeNull();
    }

    [Fact]
    public async Task List_StreetWithoutApplications_ShowsTheEmptyState()
    {
        var page = await (await app.SignedInClientAsync(TestAccounts.StreetOffice)).GetDocumentAsync("/Grants/Street");

        page.QuerySelector("[data-testid=empty]").ShouldNotBeNull();
    }

    [Fact]
    public async Task List_UnknownFilterValues_ExplainedNotFailed()
    {
        using var response = await (await GulouAsync()).GetAsync(new Uri("/Grants/Street?opinion=Maybe&round=abc&p=999999", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task StreetPages_Applicant_IsForbidden()
    {
        using var response = await (await app.SignedInClientAsync(DemoApplicant)).GetAsync(new Uri("/Grants/Street", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviewSheet_AfterDeclaring_ReviewerReadsTheStreetsOpinion()
    {
        var id = await app.PassedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("评审看推荐"));
        (await (await GulouAsync()).SubmitFormAsync($"/Grants/Street/{id}", Opinion(true, "服务需求真实，推荐立项。"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reviewer = await app.UserIdAsync(Reviewers[3]);
        (await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<Registry.Grants.Services.ReviewService>().AssignAsync(a, [reviewer], CancellationToken.None))).ShouldSucceed();
        (await app.DeclareAsync(id, Reviewers[3])).ShouldSucceed();

        var page = await (await app.SignedInClientAsync((Reviewers[3], ReviewerPassword))).GetDocumentAsync($"/Grants/Review/{id}");

        page.QuerySelector("[data-testid=street-opinion]")!.TextContent.ShouldContain("推荐立项");
    }
}

public sealed class StreetRecommendationTestsOnSqlite(GrantsSqliteApp app) : StreetRecommendationTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class StreetRecommendationTestsOnPostgreSql(GrantsPostgreSqlApp app) : StreetRecommendationTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
