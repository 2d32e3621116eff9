using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// The app on a clock the test moves (Monday 2026-03-02, 10:00 in Beijing; the holiday calendar covers 2025–2026), with
/// the grade job off so tests drive it, and Recipes/test-ratings.recipe.json on top of the test recipe.
/// </summary>
public abstract class RatingsApp(DatabaseKind kind) : AppFixture(kind)
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

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    public DateOnly Today => ChinaTime.Today(Clock);

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:Ratings:GradeJob"] = "false" }, services: s => s.AddSingleton<TimeProvider>(Clock));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "test-ratings.recipe.json"), CancellationToken.None);
    }

    /// <summary>Moves the clock (forward only) to 10:00 in Beijing on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day) => Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    /// <summary>Runs one call on a fresh scope and gives back its result.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull => InScopeAsync(s => action(s.GetRequiredService<TService>()));

    public Task<int> OrganizationIdAsync(string name) =>
        WithAsync<RegistryDbContext, int>(db => db.Set<Registry.Organizations.Domain.Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

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
