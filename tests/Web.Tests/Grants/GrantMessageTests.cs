using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Grants.Domain;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>The message threads between an applicant and the officers (per application, per project) over HTTP, on each provider.</summary>
public abstract class GrantMessageTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private static Dictionary<string, string> Body(string text) => new() { ["MessageBody"] = text };

    /// <summary>Every message filed under the application (its own thread and its project's).</summary>
    private Task<List<ApplicationMessage>> ThreadAsync(int id) =>
        app.WithAsync<RegistryDbContext, List<ApplicationMessage>>(db => db.Set<ApplicationMessage>().AsNoTracking().Where(m => m.ApplicationId == id).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task Thread_ApplicantAsksOfficerAnswers_BothStoredAuditedAndTheOtherSideTold()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("留言往来"));
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var (officerNotices, applicantNotices) = (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.MessageToOfficers"), await app.NoticesAsync(DemoApplicant.Email, "Grant.MessageToApplicant"));

        (await applicant.SubmitFormAsync($"/Grants/Application/{id}", Body("预算表中的场地费可否调整？"), "#message-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.SubmitFormAsync($"/Grants/Admin/Application/{id}", Body("可以，请在协议阶段调整。"), "#message-form",
            files: new Dictionary<string, (string, byte[])> { ["MessageFile"] = ("说明.pdf", GrantProjectSteps.Pdf) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var thread = await ThreadAsync(id);
        thread.Select(m => (m.FromApplicant, m.Body)).ShouldBe([(true, "预算表中的场地费可否调整？"), (false, "可以，请在协议阶段调整。")]);
        (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.MessageToOfficers")).ShouldBe(officerNotices + 1);
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.MessageToApplicant")).ShouldBe(applicantNotices + 1);
        (await app.WithAsync<RegistryDbContext, int>(db => db.Set<Registry.Core.Auditing.AuditEntry>().CountAsync(e => e.Action.StartsWith("grants.message-") && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ShouldBe(2);
        var page = await applicant.GetDocumentAsync($"/Grants/Application/{id}");
        page.QuerySelectorAll("[data-testid=message-body]").Select(m => m.TextContent).ShouldBe(["预算表中的场地费可否调整？", "可以，请在协议阶段调整。"]);
        using var file = await applicant.GetAsync(new Uri(page.QuerySelector("[data-testid=message-file]")!.GetAttribute("href")!, UriKind.Relative));
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(new Uri($"/files/{thread[1].FileId}", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_EmptyMessage_RefusedWithTheFieldNamed()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("空留言"));

        using var response = await (await app.SignedInClientAsync(DemoApplicant)).SubmitFormAsync($"/Grants/Application/{id}", Body("  "), "#message-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("留言内容");
        (await ThreadAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_AnotherOrganizationsApplication_NotFoundNothingStored()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("他人留言"));
        var other = await app.SignedInClientAsync(TestAccounts.Applicant);
        var token = await other.ReadFormAsync("/", "form[action='/Account/Logout']");

        using var response = await other.PostFormAsync(token with { Action = $"/Grants/Application/{id}?handler=Message" }, Body("越权留言"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ThreadAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ProjectThread_GranteeAsksOfficerAnswers_StoredApartFromTheApplicationsAuditedAndTheOtherSideTold()
    {
        var agreementId = await app.SignedAgreementAsync("项目留言");
        var applicationId = (await app.RecordAsync(agreementId)).Agreement.ApplicationId;
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var (officerNotices, applicantNotices) = (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.ProjectMessageToOfficers"), await app.NoticesAsync(DemoApplicant.Email, "Grant.ProjectMessageToApplicant"));

        (await applicant.SubmitFormAsync($"/Grants/Projects/{agreementId}", Body("第二期活动可否推迟到十月？"), "#message-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.SubmitFormAsync($"/Grants/Projects/Admin/Agreement/{agreementId}", Body("可以，请在中期报告中说明。"), "#message-form",
            files: new Dictionary<string, (string, byte[])> { ["MessageFile"] = ("回复.pdf", GrantProjectSteps.Pdf) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var thread = await app.WithAsync<RegistryDbContext, List<ApplicationMessage>>(db => db.Set<ApplicationMessage>().AsNoTracking().Where(m => m.AgreementId == agreementId).OrderBy(m => m.Id).ToListAsync());
        thread.Select(m => (m.ApplicationId, m.FromApplicant, m.Body)).ShouldBe([(applicationId, true, "第二期活动可否推迟到十月？"), (applicationId, false, "可以，请在中期报告中说明。")]);
        (await ThreadAsync(applicationId)).ShouldAllBe(m => m.AgreementId == agreementId, "the application's own thread holds none of them");
        (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.ProjectMessageToOfficers")).ShouldBe(officerNotices + 1);
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.ProjectMessageToApplicant")).ShouldBe(applicantNotices + 1);
        (await app.WithAsync<RegistryDbContext, int>(db => db.Set<Registry.Core.Auditing.AuditEntry>().CountAsync(e => e.Action.StartsWith("grants.project-message-")
            && e.EntityType == nameof(GrantAgreement) && e.EntityId == agreementId.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ShouldBe(2);
        var page = await applicant.GetDocumentAsync($"/Grants/Projects/{agreementId}");
        page.QuerySelectorAll("[data-testid=message-body]").Select(m => m.TextContent).ShouldBe(["第二期活动可否推迟到十月？", "可以，请在中期报告中说明。"]);
        (await officer.GetDocumentAsync($"/Grants/Projects/Admin/Agreement/{agreementId}")).QuerySelectorAll("[data-testid=message-body]").Length.ShouldBe(2);
        (await applicant.GetDocumentAsync($"/Grants/Application/{applicationId}")).QuerySelector("[data-testid=no-messages]").ShouldNotBeNull();
        using var file = await applicant.GetAsync(new Uri(page.QuerySelector("[data-testid=message-file]")!.GetAttribute("href")!, UriKind.Relative));
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(new Uri($"/files/{thread[1].FileId}", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProjectThread_AnotherOrganization_NotFoundNothingStored()
    {
        var agreementId = await app.SignedAgreementAsync("他人项目留言");
        var other = await app.SignedInClientAsync(TestAccounts.Applicant);
        var token = await other.ReadFormAsync("/", "form[action='/Account/Logout']");

        using var response = await other.PostFormAsync(token with { Action = $"/Grants/Projects/{agreementId}?handler=Message" }, Body("越权留言"));
        using var page = await other.GetAsync(new Uri($"/Grants/Projects/{agreementId}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithAsync<RegistryDbContext, int>(db => db.Set<ApplicationMessage>().CountAsync(m => m.AgreementId == agreementId))).ShouldBe(0);
    }

    [Fact]
    public async Task ProjectThread_EmptyMessage_RefusedWithTheFieldNamed()
    {
        var agreementId = await app.SignedAgreementAsync("项目空留言");

        using var response = await (await app.SignedInClientAsync(DemoApplicant)).SubmitFormAsync($"/Grants/Projects/{agreementId}", Body(" "), "#message-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("留言内容");
    }

    [Fact]
    public async Task Draft_NoThreadShown()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("草稿无留言"));

        var page = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Grants/Application/{id}");

        page.QuerySelector("#message-form").ShouldBeNull();
    }
}

public sealed class GrantMessageTestsOnSqlite(GrantsSqliteApp app) : GrantMessageTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantMessageTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantMessageTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
