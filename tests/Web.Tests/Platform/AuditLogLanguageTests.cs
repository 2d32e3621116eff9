using System.Text.RegularExpressions;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 25 item 10: what the audit log and the calendar show is localized: action and entity names instead of codes,
/// the calendar's source under a label and in one language.
/// </summary>
public abstract partial class AuditLogLanguageTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task AuditLog_AfterAnAdministratorsChange_ShowsTheActionsNameNotItsCode()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        // The administrator re-saves the reviewer's roles: an audited change every run makes.
        var users = await admin.GetDocumentAsync("/Admin/Users?q=reviewer@test.local");
        var edit = users.QuerySelector("a[href^='/Admin/Users/Edit/']")!.GetAttribute("href")!;
        using (var saved = await admin.SubmitFormAsync(edit, new Dictionary<string, string> { ["Roles"] = "Reviewer" }, "form.stacked"))
        {
            saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }

        var page = await admin.GetDocumentAsync("/Admin/Audit");

        var actions = page.QuerySelectorAll("[data-testid=audit-action]").Select(a => a.TextContent.Trim()).ToList();
        actions.ShouldContain("修改用户角色或状态");
        actions.ShouldNotContain("user.updated");
    }

    [Fact]
    public async Task Calendar_SourceNote_IsLabelledAndHasNoEnglishInTheChineseUi()
    {
        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync("/Admin/Calendar");

        var notes = page.QuerySelectorAll("[data-testid=calendar-source]").Select(p => p.TextContent.Trim()).ToList();
        notes.ShouldNotBeEmpty();
        notes.ShouldAllBe(n => n.StartsWith("依据：", StringComparison.Ordinal) && !Latin().IsMatch(n));
    }

    [Fact]
    public void AuditActions_EveryCodeTheSourceRecords_HasANameInBothLanguages()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Registry.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var codes = System.IO.Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => RecordedAction().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet(StringComparer.Ordinal);
        codes.Count.ShouldBeGreaterThan(50);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            // Keys are global: a module names its own actions in its own resources.
            var names = System.IO.Directory.EnumerateFiles(Path.Combine(root, "src", "Modules"), culture + ".json", SearchOption.AllDirectories)
                .Where(f => f.Contains("/Resources/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .SelectMany(f =>
                {
                    using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(f));
                    return json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
                })
                .ToHashSet(StringComparer.Ordinal);
            codes.Where(c => !names.Contains("Audit.Action." + c)).ShouldBeEmpty(culture);
        }
    }

    [GeneratedRegex(@"Record\(\s*""(?<code>[a-z0-9]+\.[a-z0-9-]+)""")]
    private static partial Regex RecordedAction();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Latin();
}

public sealed class AuditLogLanguageTestsOnSqlite(SqliteApp app) : AuditLogLanguageTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AuditLogLanguageTestsOnPostgreSql(PostgreSqlApp app) : AuditLogLanguageTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
