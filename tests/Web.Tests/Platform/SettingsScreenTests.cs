using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Recipes;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 19, settings screen over HTTP on each provider: every section saves a valid value (audited, in effect at once),
/// refuses an invalid one with its message and keeps the old value, and refuses a stale form; a recipe step and the
/// screen accept and refuse the same values.
/// </summary>
public abstract class SettingsScreenTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Theory]
    [MemberData(nameof(SettingsSectionCases.Sections), MemberType = typeof(SettingsSectionCases))]
    public async Task Section_ValidValue_IsSavedAuditedAndShown(string section, string field, string valid, string invalid, string message)
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        await TouchAsync(section);
        var before = await CountAsync<AuditEntry>(a => a.Action == "settings.changed");

        using var saved = await admin.SubmitFormAsync(Url(section), new Dictionary<string, string> { [Name(field)] = valid });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{invalid} / {message}");
        (await ShownAsync(admin, section, field)).ShouldBe(valid);
        (await CountAsync<AuditEntry>(a => a.Action == "settings.changed")).ShouldBe(before + 1);
    }

    [Theory]
    [MemberData(nameof(SettingsSectionCases.Sections), MemberType = typeof(SettingsSectionCases))]
    public async Task Section_InvalidValue_IsRefusedWithItsMessageAndTheOldValueKept(string section, string field, string valid, string invalid, string message)
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var old = await ShownAsync(admin, section, field);

        using var refused = await admin.SubmitFormAsync(Url(section), new Dictionary<string, string> { [Name(field)] = invalid });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK, valid);
        (await refused.ParseAsync()).QuerySelector("[data-testid=settings-errors]")!.TextContent.ShouldContain(message);
        (await ShownAsync(admin, section, field)).ShouldBe(old);
    }

    [Theory]
    [MemberData(nameof(SettingsSectionCases.Sections), MemberType = typeof(SettingsSectionCases))]
    public async Task Section_StaleForm_IsRefusedAsAConflict(string section, string field, string valid, string invalid, string message)
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var stale = await admin.ReadFormAsync(Url(section));
        // Someone else saves in between: the row's version moves on.
        await TouchAsync(section);

        using var second = await admin.PostFormAsync(stale, new Dictionary<string, string> { [Name(field)] = valid });

        second.StatusCode.ShouldBe(HttpStatusCode.OK, $"{invalid} / {message}");
        (await second.Content.ReadAsStringAsync()).ShouldContain("该记录已被他人修改");
    }

    [Fact]
    public async Task Periods_Saved_AreInEffectAtOnceWithoutARestart()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);

        using var saved = await admin.SubmitFormAsync(Url("registration-periods"), new Dictionary<string, string> { [Name("Kinds.NameApproval.PromisedDays")] = "3" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.Scope();
        var rules = await scope.ServiceProvider.GetRequiredService<IRegistrationRulesProvider>().GetAsync(CancellationToken.None);
        rules.Kind(ApplicationKind.NameApproval).PromisedDays.ShouldBe(3);
    }

    [Fact]
    public async Task RecipeStepAndScreen_SameValues_AreAcceptedAndRefusedAlike()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using (var refused = await admin.SubmitFormAsync(Url("registration-periods"), new Dictionary<string, string> { [Name("Kinds.Change.PromisedDays")] = "21" }))
        {
            (await refused.ParseAsync()).QuerySelector("[data-testid=settings-errors]")!.TextContent.ShouldContain("变更登记：承诺办结时限（工作日）须为 1 到 20 之间的整数");
        }

        // The same value through the registration-rules step and through the settings-section step: refused, same words.
        var rules = """{ "name": "registration-rules", "rules": { "kinds": [ { "kind": "Change", "statutoryDays": 20, "promisedDays": 21, "documents": [ { "code": "ChangeResolution" } ] } ] } }""";
        var section = """{ "name": "settings-section", "section": "registration-periods", "values": { "Kinds.Change.PromisedDays": "21" } }""";
        foreach (var step in new[] { rules, section })
        {
            var failure = await Should.ThrowAsync<RecipeFailedException>(() => RunAsync(step));
            failure.Errors.ShouldContain(e => e.Contains("须为 1 到 20 之间的整数", StringComparison.Ordinal) || e.Contains("between 1 and 20", StringComparison.Ordinal) || e.Contains("from 1 to 20", StringComparison.Ordinal));
        }

        // A valid value set by the recipe is what the screen shows.
        await RunAsync("""{ "name": "settings-section", "section": "registration-periods", "values": { "Kinds.Change.PromisedDays": "12" } }""");
        (await ShownAsync(admin, "registration-periods", "Kinds.Change.PromisedDays")).ShouldBe("12");
    }

    [Fact]
    public async Task SettingsIndex_ListsEverySection()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);

        var page = await admin.GetDocumentAsync("/Admin/Settings");

        var listed = page.QuerySelectorAll("[data-section]").Select(a => a.GetAttribute("data-section")).ToList();
        foreach (var section in SettingsSectionCases.Sections.Select(row => (string)row[0]))
        {
            listed.ShouldContain(section);
        }
    }

    /// <summary>Changes the section's stored row behind the screen's back (a trailing space: same meaning, new text and version).</summary>
    private async Task TouchAsync(string section)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var key = section switch
        {
            "bureau" => "Bureau.Name",
            "credit-lists" => "Inspections.CreditLists",
            _ => "Organizations.Rules",
        };
        var row = await db.Set<Core.Settings.Setting>().FirstOrDefaultAsync(s => s.Key == key);
        if (row is null)
        {
            db.Add(new Core.Settings.Setting { Key = key, Value = section == "bureau" ? "宁波市海曙区民政局 " : section == "credit-lists" ? "{\"exitWorkingDays\": 5} " : "{} ", Version = 1 });
        }
        else
        {
            row.Value += " ";
        }

        await db.SaveChangesAsync();
    }

    private static string Url(string section) => $"/Admin/Settings/Section/{section}";

    private static string Name(string field) => $"Values[{field}]";

    private static async Task<string> ShownAsync(HttpClient admin, string section, string field)
    {
        var form = await admin.ReadFormAsync(Url(section));
        return form.Values[Name(field)].Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private async Task RunAsync(string step)
    {
        var file = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, $$"""{ "name": "settings-test-{{Guid.NewGuid():N}}", "steps": [ {{step}} ] }""");
        try
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(file, CancellationToken.None);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate)
        where T : class
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<T>().CountAsync(predicate);
    }
}

/// <summary>Per section: a field, a valid value, an invalid one and a part of the message the invalid one gets.</summary>
public static class SettingsSectionCases
{
    public static TheoryData<string, string, string, string, string> Sections => new()
    {
        { "bureau", "Bureau.Name", "宁波市海曙区民政局（测试）", "", "请填写本局名称" },
        { "registration-authority", "CreditCodePrefix", "MK", "IO", "组织机构代码前缀须为两个字符" },
        { "registration-periods", "Kinds.Establishment.PromisedDays", "15", "9999", "成立登记：承诺办结时限（工作日）须为 1 到 60 之间的整数" },
        { "registration-checklists", "Kinds.Change.OptionalDocuments", "SupervisorApproval\nPremisesProof\nMemberList", "Passport", "未知的材料代码：Passport" },
        { "registration-names", "ReservedNameWords", "中国\n全国\n中华\n国际\n世界\n国家", "中国\n中国", "“中国”重复" },
        { "registration-service-fields", "ServiceFields", "养老\n助残\n社区营造", "", "服务领域至少需要一项" },
        { "registration-thresholds", "MinMixedMembers", "60", "-1", "混合会员最少总数须为 1 到 10000 之间的整数" },
        { "credit-lists", "ExitWorkingDays", "3", "9999", "查实履行义务后移出期限（工作日）须为 1 到 5 之间的整数" },
    };
}

public sealed class SettingsScreenTestsOnSqlite(SqliteApp app) : SettingsScreenTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SettingsScreenTestsOnPostgreSql(PostgreSqlApp app) : SettingsScreenTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
