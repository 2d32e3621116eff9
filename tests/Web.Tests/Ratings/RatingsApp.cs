using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Ratings;

/// <summary>The app on a clock the test moves, with the grade job off so tests drive it, and Recipes/test-ratings.recipe.json.</summary>
public abstract class RatingsApp(DatabaseKind kind)
    : ClockedApp(kind, "test-ratings.recipe.json", new Dictionary<string, string?> { ["Registry:Ratings:GradeJob"] = "false" })
{
    /// <summary>Member of <see cref="MemberSocialGroup"/> (with the demo applicant): never on its panel.</summary>
    public const string LinkedExpert = "linked-expert@test.local";

    public const string ExpertPassword = "Test-expert-2026";

    /// <summary>The demo applicant (applicant@demo.local) and <see cref="LinkedExpert"/> act for it.</summary>
    public const string MemberSocialGroup = "宁波市海曙区老年协会";

    /// <summary>A 民办非企业单位 the demo applicant acts for.</summary>
    public const string MemberServiceCentre = "宁波市海曙区阳光养老服务中心";

    /// <summary>The demo applicant of the test-register recipe, member of <see cref="MemberSocialGroup"/> and <see cref="MemberServiceCentre"/>.</summary>
    public static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    public static readonly string[] Experts = ["expert1@test.local", "expert2@test.local", "expert3@test.local"];

    public Task<string> UserIdAsync(string email) =>
        WithAsync<UserManager<RegistryUser>, string>(async users => (await users.FindByEmailAsync(email))!.Id);

    /// <summary>The grade (0: none) the register shows for the organization.</summary>
    public async Task<int> RegisterGradeAsync(int organizationId) =>
        (await WithAsync<IOrganizationRegister, OrganizationSummary?>(r => r.FindAsync(organizationId, CancellationToken.None)))!.Grade;

    /// <summary>The current grade line of the organization's public page, or null when it shows none.</summary>
    public async Task<string?> CurrentGradeOnThePublicPageAsync(int organizationId) =>
        (await Client().GetDocumentAsync($"/Organizations/Org/{organizationId}")).QuerySelector("[data-testid=current-grade]")?.TextContent;

    /// <summary>How many in-app notices of <paramref name="templateName"/> the account received (matched on the title in its language).</summary>
    public Task<int> NotificationsAsync(string email, string templateName) => InScopeAsync(async s =>
    {
        var user = (await s.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email))!;
        var title = s.GetRequiredService<ITextCatalog>().Find($"Notify.{templateName}.Title", CultureInfo.GetCultureInfo(user.PreferredCulture));
        return await s.GetRequiredService<RegistryDbContext>().Set<Notification>().CountAsync(n => n.UserId == user.Id && n.Title == title);
    });
}

public sealed class RatingsSqliteApp() : RatingsApp(DatabaseKind.Sqlite);

public sealed class RatingsPostgreSqlApp() : RatingsApp(DatabaseKind.PostgreSql);
