using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 19, role editor over HTTP on each provider: the administrator adds a role, grants and withdraws its permissions,
/// and the holders' access follows at once, without a restart or a new sign-in; nobody else may open the editor.
/// </summary>
public abstract class RoleEditorTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Theory]
    [InlineData("/Admin/Roles")]
    [InlineData("/Admin/Roles/Edit/Officer")]
    [InlineData("/Admin/Settings")]
    [InlineData("/Admin/Settings/Section/registration-periods")]
    public async Task EditorPages_Officer_AreForbidden(string url)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/Admin/Roles")]
    [InlineData("/Admin/Roles/Edit/Officer")]
    [InlineData("/Admin/Settings/Section/registration-periods")]
    public async Task EditorPost_OfficerWithValidToken_IsForbiddenAndChangesNothing(string url)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        // A real anti-forgery token of the officer's session, so only the permission decides.
        var form = await officer.ReadFormAsync("/", "form[action='/Account/Logout']");
        var before = await CountAsync<AuditEntry>(a => a.Action.StartsWith("role.") || a.Action == "settings.changed");

        using var response = await officer.PostFormAsync(form with { Action = url }, new Dictionary<string, string>
        {
            ["Name"] = "Intruder", ["DisplayName"] = "入侵者", ["Permissions"] = "Core.Roles.Manage", ["Values[AcceptanceWorkingDays]"] = "1",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync<AuditEntry>(a => a.Action.StartsWith("role.") || a.Action == "settings.changed")).ShouldBe(before);
    }

    [Fact]
    public async Task EditorPost_WithoutAntiForgeryToken_IsRefused()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "NoToken", ["DisplayName"] = "无令牌" });

        using var response = await admin.PostAsync(new Uri("/Admin/Roles", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountAsync<Core.Security.RegistryRole>(r => r.Name == "NoToken")).ShouldBe(0);
    }

    [Fact]
    public async Task NewRole_GrantedThenWithdrawn_HoldersAccessFollowsAtOnce()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using (var created = await admin.SubmitFormAsync("/Admin/Roles", new Dictionary<string, string> { ["Name"] = "Inspector", ["DisplayName"] = "检查组" }, "form[data-testid=create-role]"))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await SetPermissionsAsync(admin, "Inspector", "Core.BackOffice", "Core.Calendar.View");
        await AssignRolesAsync(admin, TestAccounts.Editor.Email, "Editor", "Inspector");
        (await admin.GetStringAsync(new Uri("/Admin/Users?q=editor@test.local", UriKind.Relative))).ShouldContain("检查组");

        // The editor signs in once; the calendar is not among an editor's own permissions.
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        using (var allowed = await editor.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative)))
        {
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await SetPermissionsAsync(admin, "Inspector", "Core.BackOffice");

        // Same session, same cookie: refused at once.
        using (var refused = await editor.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await CountAsync<AuditEntry>(a => a.Action == "role.created" && a.EntityId == "Inspector")).ShouldBe(1);
        (await CountAsync<AuditEntry>(a => a.Action == "role.permissions-changed" && a.EntityId == "Inspector")).ShouldBe(2);
        await AssignRolesAsync(admin, TestAccounts.Editor.Email, "Editor");
    }

    [Fact]
    public async Task BuiltInRole_PermissionWithdrawn_HoldersAreRefusedAtOnce()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await officer.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var held = (await admin.GetDocumentAsync("/Admin/Roles/Edit/Officer"))
            .QuerySelectorAll("input[name=Permissions][checked]").Select(i => i.GetAttribute("value")!).ToList();
        held.ShouldContain("Core.Calendar.View");

        await SetPermissionsAsync(admin, "Officer", [.. held.Where(p => p != "Core.Calendar.View")]);

        (await officer.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await SetPermissionsAsync(admin, "Officer", [.. held]);
        (await officer.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Administrator_CannotBeGivenOrLosePermissions()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var page = await admin.GetDocumentAsync("/Admin/Roles/Edit/Admin");
        page.QuerySelector("[data-testid=admin-all]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=delete-role]").ShouldBeNull();

        using var response = await admin.SubmitFormAsync("/Admin/Roles/Edit/Admin", new Dictionary<string, string> { ["Permissions"] = "Core.BackOffice" }, "form[data-testid=role-form]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=role-errors]")!.TextContent.ShouldContain("系统管理员始终拥有全部权限");
        (await admin.GetAsync(new Uri("/Admin/Roles", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteRole_HeldByAnAccount_IsRefused_ThenDeletedOnceNobodyHoldsIt()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using (var created = await admin.SubmitFormAsync("/Admin/Roles", new Dictionary<string, string> { ["Name"] = "Temporary", ["DisplayName"] = "临时角色" }, "form[data-testid=create-role]"))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await AssignRolesAsync(admin, TestAccounts.Reviewer.Email, "Reviewer", "Temporary");
        var page = await admin.GetDocumentAsync("/Admin/Roles/Edit/Temporary");
        page.QuerySelector("[data-testid=confirm-delete]")!.GetAttribute("data-confirm")!.ShouldContain("临时角色");

        using (var refused = await admin.SubmitFormAsync("/Admin/Roles/Edit/Temporary", new Dictionary<string, string>(), "form[action*='handler=Delete']"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.ParseAsync()).QuerySelector("[data-testid=role-errors]")!.TextContent.ShouldContain("仍有 1 个账户拥有该角色");
        }

        await AssignRolesAsync(admin, TestAccounts.Reviewer.Email, "Reviewer");
        using (var deleted = await admin.SubmitFormAsync("/Admin/Roles/Edit/Temporary", new Dictionary<string, string>(), "form[action*='handler=Delete']"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await CountAsync<Core.Security.RegistryRole>(r => r.Name == "Temporary")).ShouldBe(0);
        (await CountAsync<AuditEntry>(a => a.Action == "role.deleted" && a.EntityId == "Temporary")).ShouldBe(1);
    }

    [Fact]
    public async Task CreateRole_BadCode_IsRefusedWithItsMessage()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);

        using var response = await admin.SubmitFormAsync("/Admin/Roles", new Dictionary<string, string> { ["Name"] = "街道", ["DisplayName"] = "街道" }, "form[data-testid=create-role]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=role-errors]")!.TextContent.ShouldContain("角色代码须以英文字母开头");
    }

    [Fact]
    public async Task EditRole_StaleForm_IsRefusedAsAConflict()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var stale = await admin.ReadFormAsync("/Admin/Roles/Edit/Reviewer", "form[data-testid=role-form]");
        using (var first = await admin.SubmitFormAsync("/Admin/Roles/Edit/Reviewer", new Dictionary<string, string> { ["DisplayName"] = "评审专家" }, "form[data-testid=role-form]"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await admin.PostFormAsync(stale, new Dictionary<string, string> { ["DisplayName"] = "过期表单" });

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldContain("该记录已被他人修改");
        (await admin.GetStringAsync(new Uri("/Admin/Roles", UriKind.Relative))).ShouldContain("评审专家");
    }

    private static async Task SetPermissionsAsync(HttpClient admin, string role, params string[] permissions)
    {
        var url = $"/Admin/Roles/Edit/{role}";
        var form = await admin.ReadFormAsync(url, "form[data-testid=role-form]");
        var values = form.Values.Where(v => v.Key != "Permissions").Select(v => new KeyValuePair<string, string>(v.Key, v.Value))
            .Concat(permissions.Select(p => new KeyValuePair<string, string>("Permissions", p)));
        using var content = new FormUrlEncodedContent(values);
        using var response = await admin.PostAsync(new Uri(url, UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task AssignRolesAsync(HttpClient admin, string email, params string[] roles)
    {
        var users = await admin.GetDocumentAsync($"/Admin/Users?q={email}");
        var edit = users.QuerySelector("a[href^='/Admin/Users/Edit/']")!.GetAttribute("href")!;
        var form = await admin.ReadFormAsync(edit, "form.stacked");
        var values = form.Values.Where(v => v.Key != "Roles").Select(v => new KeyValuePair<string, string>(v.Key, v.Value))
            .Concat(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        using var content = new FormUrlEncodedContent(values);
        using var response = await admin.PostAsync(new Uri(edit, UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private async Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate)
        where T : class
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<T>().CountAsync(predicate);
    }
}

public sealed class RoleEditorTestsOnSqlite(SqliteApp app) : RoleEditorTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RoleEditorTestsOnPostgreSql(PostgreSqlApp app) : RoleEditorTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
