using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Grants.Domain;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>The message thread between an applicant and the officers over HTTP, on each provider.</summary>
public abstract class GrantMessageTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private static Dictionary<string, string> Body(string text) => new() { ["MessageBody"] = text };

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
    public async Task Draft_NoThreadShown()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("草稿无留言"));

        var page = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Grants/Application/{id}");

        page.QuerySelector("#message-form").ShouldBeNull();
    }
}

public sealed class GrantMessageTestsOnSqlite(GrantsSqliteApp app) : GrantMessageTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantMessageTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantMessageTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
