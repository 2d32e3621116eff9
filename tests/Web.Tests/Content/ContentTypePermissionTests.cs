using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content;
using Registry.Content.Domain;
using Registry.Core.Security;
using Registry.Testing;

namespace Registry.Web.Tests.Content;

/// <summary>
/// Permissions per content type over HTTP, on each provider: every content page and handler that acts on an item checks
/// the item's type permission, so a role limited to one type (news) writes, reviews, publishes and deletes only that type.
/// </summary>
public abstract class ContentTypePermissionTests<TApp>(TApp app)
    where TApp : ContentApp
{
    private static readonly (string Email, string Password) NewsWriter = ("news-writer@test.local", "News-writer-2026");
    private static readonly (string Email, string Password) NewsSigner = ("news-signer@test.local", "News-signer-2026");

    [Fact]
    public void Catalog_EveryDeclaredType_HasItsSixPermissionsWithDefaultRoles()
    {
        var catalog = app.Factory.Services.GetRequiredService<IPermissionCatalog>();
        foreach (var type in app.Factory.Services.GetServices<IContentTypeDefinition>())
        {
            foreach (var action in Enum.GetValues<ContentAction>())
            {
                var permission = catalog.Find(ContentTypePermissions.Name(type.Name, action));
                permission.ShouldNotBeNull($"{type.Name} {action}");
                permission.DefaultRoles.Contains(RegistryRoles.Officer).ShouldBeTrue();
                permission.DefaultRoles.Contains(RegistryRoles.Editor).ShouldBe(action is ContentAction.Create or ContentAction.EditOwn, $"{type.Name} {action}");
            }
        }
    }

    [Fact]
    public async Task Writer_OneTypeOnly_WritesItAndIsRefusedTheOthers()
    {
        await EnsureAccountsAsync();
        var writer = await app.SignedInClientAsync(NewsWriter);

        foreach (var (type, expected) in new[] { ("Article", HttpStatusCode.OK), ("Page", HttpStatusCode.Forbidden), ("Policy", HttpStatusCode.Forbidden) })
        {
            using var page = await writer.GetAsync(new Uri($"/Content/Admin/Items/Edit?type={type}", UriKind.Relative));
            page.StatusCode.ShouldBe(expected, $"GET new {type}");
        }

        var token = await writer.ReadFormAsync("/Content/Admin/Items/Edit?type=Article");
        using (var page = await writer.PostFormAsync(token, new Dictionary<string, string> { ["Input.Type"] = "Page", ["Input.Title"] = "越权", ["Input.Slug"] = ContentClient.Slug("forbidden"), ["Input.Culture"] = "zh-CN" }))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "POST new Page");
        }

        var id = await writer.CreateAsync("Article", "区社会组织培训会举行", ContentClient.Slug("training"), "<p>培训</p>", new Dictionary<string, string> { ["Input.Category"] = "News" });
        (await app.ItemAsync(id)).Type.ShouldBe("Article");
        var home = await writer.GetDocumentAsync("/Content/Admin");
        home.QuerySelectorAll("a[href^='/Content/Admin/Items/Edit?type=']").Select(a => a.GetAttribute("href")).ShouldBe(["/Content/Admin/Items/Edit?type=Article"]);
    }

    /// <summary>Every page and handler that acts on an item, for an item of the signer's type and of another type.</summary>
    [Fact]
    public async Task Signer_OneTypeOnly_ReviewsPublishesAndDeletesOnlyThatType()
    {
        await EnsureAccountsAsync();
        var writer = await app.SignedInClientAsync(NewsWriter);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var signer = await app.SignedInClientAsync(NewsSigner);
        var article = await writer.CreateAsync("Article", "新闻待审", ContentClient.Slug("signer-news"), "<p>正文</p>", new Dictionary<string, string> { ["Input.Category"] = "News" });
        await writer.SubmitAsync(article);
        var page = await officer.CreateAsync("Page", "单页待审", ContentClient.Slug("signer-page"), "<p>正文</p>");
        await officer.SubmitAsync(page);

        foreach (var url in new[] { $"/Content/Admin/Items/Review/{page}", $"/Content/Admin/Items/Publish/{page}", $"/Content/Admin/Items/Delete/{page}" })
        {
            using var response = await signer.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"GET {url}");
        }

        foreach (var url in new[] { $"/Content/Admin/Items/Review/{article}", $"/Content/Admin/Items/Publish/{article}", $"/Content/Admin/Items/Delete/{article}", $"/Content/Admin/Items/Edit/{article}", $"/Content/Admin/Items/Versions/{article}" })
        {
            using var response = await signer.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        }

        var queue = await signer.GetDocumentAsync("/Content/Admin/Items/Review");
        queue.QuerySelector($"a[href='/Content/Admin/Items/Review/{article}']").ShouldNotBeNull();
        queue.QuerySelector($"a[href='/Content/Admin/Items/Review/{page}']").ShouldBeNull();

        var token = await signer.ReadFormAsync($"/Content/Admin/Items/Review/{article}", "form[action*='handler=Approve']");
        foreach (var (url, handler) in new[] { ($"/Content/Admin/Items/Review/{page}", "Approve"), ($"/Content/Admin/Items/Review/{page}", "Return"), ($"/Content/Admin/Items/Publish/{page}", "Publish"), ($"/Content/Admin/Items/Publish/{page}", "Schedule"), ($"/Content/Admin/Items/Publish/{page}", "Unpublish"), ($"/Content/Admin/Items/Publish/{page}", "Archive"), ($"/Content/Admin/Items/Delete/{page}", "") })
        {
            using var response = await signer.PostFormAsync(token with { Action = url }, new Dictionary<string, string> { ["Reason"] = "x", ["PublishAt"] = "2026-03-10T09:00" }, handler.Length == 0 ? null : handler);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"signer POST {url} {handler}");
        }

        // Signing news is not writing it: the signer may not edit, submit or restore the writer's article (no EditAny).
        foreach (var (url, handler) in new[] { ($"/Content/Admin/Items/Edit/{article}", ""), ($"/Content/Admin/Items/Edit/{article}", "Submit"), ($"/Content/Admin/Items/Versions/{article}", "Restore") })
        {
            using var response = await signer.PostFormAsync(token with { Action = url }, new Dictionary<string, string> { ["number"] = "1", ["version"] = "1" }, handler.Length == 0 ? null : handler);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"signer POST {url} {handler}");
        }

        (await app.ItemAsync(page)).State.ShouldBe(ContentState.Submitted);
        for (var level = 0; level < 3; level++)
        {
            using var approved = await signer.ReviewAsync(article, "Approve");
            approved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ContentClient.ErrorsAsync(approved));
        }

        using (var published = await signer.PublishAsync(article, "Publish"))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ContentClient.ErrorsAsync(published));
        }

        (await app.ItemAsync(article)).State.ShouldBe(ContentState.Published);
    }

    private async Task EnsureAccountsAsync()
    {
        await CreateAsync(NewsWriter, "NewsWriter", [Registry.Core.CorePermissions.BackOffice, ContentPermissions.Create, ContentTypePermissions.Name("Article", ContentAction.Create), ContentTypePermissions.Name("Article", ContentAction.EditOwn)]);
        await CreateAsync(NewsSigner, "NewsSigner", [
            Registry.Core.CorePermissions.BackOffice, ContentPermissions.Create, ContentPermissions.Review, ContentPermissions.Publish, ContentPermissions.Delete,
            ContentTypePermissions.Name("Article", ContentAction.Review), ContentTypePermissions.Name("Article", ContentAction.Publish), ContentTypePermissions.Name("Article", ContentAction.Delete)]);
    }

    private async Task CreateAsync((string Email, string Password) account, string roleName, string[] permissions)
    {
        await using var scope = app.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RegistryRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        if (await users.FindByEmailAsync(account.Email) is not null)
        {
            return;
        }

        var role = new RegistryRole(roleName);
        (await roles.CreateAsync(role)).Succeeded.ShouldBeTrue();
        foreach (var permission in permissions)
        {
            (await roles.AddClaimAsync(role, new System.Security.Claims.Claim(Permission.ClaimType, permission))).Succeeded.ShouldBeTrue();
        }

        var user = new RegistryUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = roleName };
        (await users.CreateAsync(user, account.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, roleName)).Succeeded.ShouldBeTrue();
    }
}

public sealed class ContentTypePermissionTestsOnSqlite(ContentSqliteApp app) : ContentTypePermissionTests<ContentSqliteApp>(app), IClassFixture<ContentSqliteApp>;

public sealed class ContentTypePermissionTestsOnPostgreSql(ContentPostgreSqlApp app) : ContentTypePermissionTests<ContentPostgreSqlApp>(app), IClassFixture<ContentPostgreSqlApp>;
