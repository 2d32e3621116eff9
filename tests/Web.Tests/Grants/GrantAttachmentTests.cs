using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>Supporting documents of venture-fund applications over HTTP, on each provider: required per round, checked on upload, readable only by those entitled.</summary>
public abstract class GrantAttachmentTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private Task<int> RoundAsync() => app.OpenRoundAsync(configure: r => r.RequiredDocuments = "项目预算表\n机构章程");

    private static Task<HttpResponseMessage> AttachAsync(HttpClient client, int id, string document, string fileName, byte[] content) =>
        client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string> { ["document"] = document }, "#attachment-form", "Attach",
            new Dictionary<string, (string, byte[])> { ["Upload"] = (fileName, content) });

    private Task<List<ApplicationAttachment>> AttachmentsAsync(int id) =>
        app.WithAsync<RegistryDbContext, List<ApplicationAttachment>>(db => db.Set<ApplicationAttachment>().AsNoTracking().Where(a => a.ApplicationId == id).ToListAsync());

    /// <summary>A draft of the demo applicant's service centre with both required documents attached through the page.</summary>
    private async Task<(int Id, HttpClient Client)> AttachedAsync(string title)
    {
        var id = await app.DraftAsync(await RoundAsync(), MemberServiceCentre, Project(title));
        var client = await app.SignedInClientAsync(DemoApplicant);
        foreach (var document in new[] { "项目预算表", "机构章程" })
        {
            using var response = await AttachAsync(client, id, document, document + ".pdf", GrantProjectSteps.Pdf);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        return (id, client);
    }

    [Fact]
    public async Task Submit_RequiredDocumentsMissing_RefusedNamingEachOne()
    {
        var id = await app.DraftAsync(await RoundAsync(), MemberServiceCentre, Project("缺材料"));
        var client = await app.SignedInClientAsync(DemoApplicant);
        (await AttachAsync(client, id, "机构章程", "章程.pdf", GrantProjectSteps.Pdf)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string> { ["Form.NoOtherFunding"] = "true", ["Form.NoMajorViolation"] = "true" }, "#grant-form", handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("尚未上传以下必备材料：项目预算表。");
        (await app.ApplicationAsync(id)).State.ShouldBe(GrantState.Draft);
    }

    [Fact]
    public async Task Submit_EveryRequiredDocumentAttached_Accepted()
    {
        var (id, _) = await AttachedAsync("材料齐全");

        (await app.SubmitAsync(id)).ShouldSucceed();

        (await AttachmentsAsync(id)).Select(a => a.DocumentName).Order().ShouldBe(["机构章程", "项目预算表"]);
    }

    [Fact]
    public async Task Attach_ExecutableNamedPdf_RefusedNothingStored()
    {
        var id = await app.DraftAsync(await RoundAsync(), MemberServiceCentre, Project("伪装文件"));

        using var response = await AttachAsync(await app.SignedInClientAsync(DemoApplicant), id, "项目预算表", "预算.pdf", "MZ\x90\0"u8.ToArray());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await AttachmentsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Attach_UnknownDocumentName_Refused()
    {
        var id = await app.DraftAsync(await RoundAsync(), MemberServiceCentre, Project("未知材料"));

        using var response = await AttachAsync(await app.SignedInClientAsync(DemoApplicant), id, "伪造的材料名", "x.pdf", GrantProjectSteps.Pdf);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AttachmentsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Remove_Draft_AttachmentGone()
    {
        var (id, client) = await AttachedAsync("删除附件");
        var attachment = (await AttachmentsAsync(id)).First(a => a.DocumentName == "机构章程");

        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string> { ["attachmentId"] = attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "form[action*='handler=RemoveAttachment']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AttachmentsAsync(id)).ShouldHaveSingleItem().DocumentName.ShouldBe("项目预算表");
    }

    [Fact]
    public async Task Download_OfficerOwnOrganizationAndDeclaredReviewer_Read_OtherOrganizationAndUndeclaredReviewer_NotFound()
    {
        var (id, own) = await AttachedAsync("附件下载");
        (await app.SubmitAsync(id)).ShouldSucceed();
        (await app.ScreenAsync(id, pass: true)).ShouldSucceed();
        var reviewer = await app.UserIdAsync(Reviewers[0]);
        (await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<ReviewService>().AssignAsync(a, [reviewer], CancellationToken.None))).ShouldSucceed();
        var url = new Uri($"/files/{(await AttachmentsAsync(id))[0].FileId}", UriKind.Relative);
        var reviewerClient = await app.SignedInClientAsync((Reviewers[0], ReviewerPassword));

        using (var before = await reviewerClient.GetAsync(url))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await app.DeclareAsync(id, Reviewers[0])).ShouldSucceed();
        using var declared = await reviewerClient.GetAsync(url);
        using var officer = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(url);
        using var organization = await own.GetAsync(url);
        using var other = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(url);
        using var otherReviewer = await (await app.SignedInClientAsync((Reviewers[1], ReviewerPassword))).GetAsync(url);

        (declared.StatusCode, officer.StatusCode, organization.StatusCode, other.StatusCode, otherReviewer.StatusCode)
            .ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await reviewerClient.GetDocumentAsync($"/Grants/Review/{id}")).QuerySelectorAll("[data-testid=attachment-link]").Length.ShouldBe(2);
    }
}

public sealed class GrantAttachmentTestsOnSqlite(GrantsSqliteApp app) : GrantAttachmentTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantAttachmentTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantAttachmentTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
