using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Notices.Domain;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;
using Registry.Web.Tests.Notices;
using Registry.Web.Tests.Organizations;

namespace Registry.Web.Tests.Platform;

/// <summary>Issue 25 item 13: the small things users hit (drafts, notifications, the sidebar, the page language, objection lookup).</summary>
public abstract class SmallThingsTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task StartService_Twice_OpensTheSameUntouchedDraft()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        var first = await applicant.StartAsync("CommunityFiling");
        var second = await applicant.StartAsync("CommunityFiling");

        second.ShouldBe(first);
    }

    [Fact]
    public async Task StartService_AfterTheDraftWasSaved_StartsAnotherOne()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var first = await applicant.StartAsync("NameApproval");
        using (var saved = await applicant.PostFormAsync(first, "Save", RegistrationClient.NameApproval(RegistrationTests<TApp>.UniqueName("助老服务中心"))))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, RegistrationClient.ErrorsOf(await saved.Content.ReadAsStringAsync()));
        }

        (await applicant.StartAsync("NameApproval")).ShouldNotBe(first);
    }

    [Fact]
    public async Task DeleteDraft_OwnerConfirms_DraftIsGoneAndAudited()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("Establishment");
        var page = await applicant.GetDocumentAsync($"/Organizations/Applications/Edit/{id}");
        page.QuerySelector("[data-testid=delete-draft] [data-testid=confirm-delete]").ShouldNotBeNull();

        using var response = await applicant.SubmitFormAsync($"/Organizations/Applications/Edit/{id}", new Dictionary<string, string>(), "form[action*='handler=Delete']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Organizations/My");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        (await db.Set<RegistrationApplication>().AnyAsync(a => a.Id == id)).ShouldBeFalse();
        (await db.Set<AuditEntry>().AnyAsync(a => a.Action == "application.draft-deleted" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBeTrue();
    }

    [Fact]
    public async Task DeleteDraft_SubmittedApplication_StaysAndCannotBeDeleted()
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var id = await applicant.StartAsync("NameApproval");
        var form = await applicant.ReadFormAsync($"/Organizations/Applications/Edit/{id}", "form[action*='handler=Delete']");
        await applicant.SubmitWithDocumentsAsync(id, "NameApproval", RegistrationClient.NameApproval(RegistrationTests<TApp>.UniqueName("助残服务中心")));

        using var response = await applicant.PostFormAsync(form, new Dictionary<string, string>());

        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().SingleAsync(a => a.Id == id)).State.ShouldBe(ApplicationState.Submitted);
    }

    [Fact]
    public async Task OpenNotification_MarksItReadAndGoesWhereItPoints()
    {
        var id = await NotifyAsync(TestAccounts.Applicant.Email, "/Organizations/My");
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);

        using var response = await applicant.SubmitFormAsync("/Account/Notifications", new Dictionary<string, string>(), $"form[action*='id={id}']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Organizations/My");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Notification>().SingleAsync(n => n.Id == id)).ReadAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task OpenNotification_SomeoneElses_IsNotFoundAndStaysUnread()
    {
        var id = await NotifyAsync(TestAccounts.Officer.Email, "/Admin");
        await NotifyAsync(TestAccounts.Applicant.Email, "/Organizations/My");
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        var form = await applicant.ReadFormAsync("/Account/Notifications", "main form[method=post]");

        using var response = await applicant.PostFormAsync(form with { Action = $"/Account/Notifications?id={id}&handler=Open" }, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Notification>().SingleAsync(n => n.Id == id)).ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task BackOffice_NestedPage_HighlightsExactlyOneSidebarEntry()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync("/Notices/Admin/Objections");

        page.QuerySelectorAll(".admin-nav a[aria-current=page]").Select(a => a.GetAttribute("href")).ShouldBe(["/Notices/Admin/Objections"]);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Page_InEachLanguage_DeclaresItOnHtml(string culture)
    {
        var page = await app.Client().GetDocumentAsync($"/Notices?culture={culture}&ui-culture={culture}");

        page.DocumentElement.GetAttribute("lang").ShouldBe(culture);
    }

    [Fact]
    public async Task ObjectionLookup_ReceiptAndContact_ShowsWhereItStands_WrongContactFindsNothing()
    {
        var id = await app.PublishWithPeriodAsync(NoticeClient.Unique("海曙区公益创投入围项目公示"), -1, 3);
        var contact = $"lookup-{Guid.NewGuid():N}@example.cn";
        var visitor = app.Client();
        using (var filed = await visitor.SubmitFormAsync($"/Notices/{id}", NoticeClient.Objection(contact)))
        {
            filed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await NoticeClient.ErrorsAsync(filed));
        }

        var receiptBlock = (await visitor.GetDocumentAsync($"/Notices/{id}")).QuerySelector("[data-testid=receipt]")!;
        var receipt = receiptBlock.QuerySelector(".receipt")!.TextContent.Trim();
        var lookup = receiptBlock.QuerySelector("[data-testid=lookup-link]")!.GetAttribute("href")!;

        using var found = await app.Client().SubmitFormAsync(lookup, new Dictionary<string, string> { ["Input.Receipt"] = receipt.ToLowerInvariant(), ["Input.Contact"] = contact });
        (await found.ParseAsync()).QuerySelector("[data-testid=objection-status]")!.TextContent.ShouldBe("核实中，尚未答复");

        using var wrong = await app.Client().SubmitFormAsync(lookup, new Dictionary<string, string> { ["Input.Receipt"] = receipt, ["Input.Contact"] = "someone@else.cn" });
        var refused = await wrong.ParseAsync();
        refused.QuerySelector("[data-testid=objection-found]").ShouldBeNull();
        refused.QuerySelector("[data-testid=lookup-errors]")!.TextContent.ShouldContain("没有找到");
    }

    private async Task<long> NotifyAsync(string email, string link)
    {
        await using var scope = app.Scope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email))!;
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var notification = new Notification { UserId = user.Id, Title = "测试通知", Body = "请查看。", Link = link, CreatedAt = DateTime.UtcNow };
        db.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }
}

public sealed class SmallThingsTestsOnSqlite(SqliteApp app) : SmallThingsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SmallThingsTestsOnPostgreSql(PostgreSqlApp app) : SmallThingsTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
