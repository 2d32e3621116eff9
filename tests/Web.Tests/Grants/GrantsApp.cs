using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Grants;

/// <summary>The app on a clock the test moves, with Recipes/test-grants.recipe.json (the progress and scoring reminder jobs off: tests drive them); every test opens its own round.</summary>
public abstract class GrantsApp(DatabaseKind kind) : ClockedApp(kind, "test-grants.recipe.json", new Dictionary<string, string?> { ["Registry:Grants:ProgressReminders"] = "false", ["Registry:Grants:ScoringReminders"] = "false" })
{
    public const string ReviewerPassword = "Test-expert-2026";

    /// <summary>Member of <see cref="MemberSocialGroup"/>: never reviews its projects.</summary>
    public const string LinkedReviewer = "grant-linked@test.local";

    /// <summary>The demo applicant and <see cref="LinkedReviewer"/> act for it.</summary>
    public const string MemberSocialGroup = "宁波市海曙区老年协会";

    /// <summary>A 民办非企业单位 the demo applicant acts for (nobody else).</summary>
    public const string MemberServiceCentre = "宁波市海曙区阳光养老服务中心";

    public static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    public static readonly string[] Reviewers = ["grant-reviewer1@test.local", "grant-reviewer2@test.local", "grant-reviewer3@test.local", "grant-reviewer4@test.local"];

    public Task<string> UserIdAsync(string email) =>
        WithAsync<UserManager<RegistryUser>, string>(async users => (await users.FindByEmailAsync(email))!.Id);

    /// <summary>In-app notices of <paramref name="templateName"/> the account received (matched on the title in its language).</summary>
    public Task<int> NoticesAsync(string email, string templateName) => InScopeAsync(async s =>
    {
        var user = (await s.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email))!;
        var title = s.GetRequiredService<ITextCatalog>().Find($"Notify.{templateName}.Title", CultureInfo.GetCultureInfo(user.PreferredCulture));
        return await s.GetRequiredService<RegistryDbContext>().Set<Notification>().CountAsync(n => n.UserId == user.Id && n.Title == title);
    });
}

public sealed class GrantsSqliteApp() : GrantsApp(DatabaseKind.Sqlite);

public sealed class GrantsPostgreSqlApp() : GrantsApp(DatabaseKind.PostgreSql);
