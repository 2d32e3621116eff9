using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// The app on a clock the test moves (Monday 2026-03-02, 10:00 in Beijing: the 2025 campaign is open, its deadline
/// 2026-05-31 ahead), with the credit-list job off so tests drive it, and the given recipes loaded on top of the test recipe.
/// </summary>
public abstract class InspectionsApp(DatabaseKind kind, string recipe) : AppFixture(kind)
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    public DateOnly Today => ChinaTime.Today(Clock);

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:Inspections:CreditListJob"] = "false" }, services: s => s.AddSingleton<TimeProvider>(Clock));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", recipe), CancellationToken.None);
    }

    /// <summary>Moves the clock to 10:00 in Beijing on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day) => Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    /// <summary>Runs one scoped service call and gives back its result.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The scheduled credit-list work, once, as the hosted service would run it.</summary>
    public Task<int?> RunCreditListJobAsync() => WithAsync<CreditListJob, int?>(job => job.RunOnceAsync(CancellationToken.None));

    public Task<int> OrganizationIdAsync(string name) =>
        WithAsync<RegistryDbContext, int>(db => db.Set<Registry.Organizations.Domain.Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public Task<AnnualReport> ReportAsync(int year, string organizationName) =>
        WithAsync<RegistryDbContext, AnnualReport>(db => db.Set<AnnualReport>().AsNoTracking().Include(r => r.Documents).SingleAsync(r => r.Year == year && r.OrganizationName == organizationName));

    public Task<List<CreditListEntry>> EntriesAsync(int organizationId) =>
        WithAsync<RegistryDbContext, List<CreditListEntry>>(db => db.Set<CreditListEntry>().AsNoTracking().Where(e => e.OrganizationId == organizationId).OrderBy(e => e.Id).ToListAsync());

    public async Task<CreditStanding> StandingAsync(int organizationId) =>
        (await WithAsync<IOrganizationRegister, OrganizationSummary?>(register => register.FindAsync(organizationId, CancellationToken.None)))!.Standing;

    /// <summary>Opens a campaign through the service, as the recipe step does; idempotent within a fixture.</summary>
    public async Task EnsureCampaignAsync(int year, params string[] types)
    {
        await using var scope = Scope();
        var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();
        if (await campaigns.FindAsync(year, CancellationToken.None) is not null)
        {
            return;
        }

        var (result, _) = await campaigns.OpenAsync(new CampaignRequest(year, CampaignMode.Inspection, InspectionCampaign.DefaultDeadline(year), types, null, CampaignService.DefaultAdminCostWarningPercent), CancellationToken.None);
        result.Errors.ShouldBeEmpty();
    }
}

/// <summary>The demo district register (test-register recipe): applicant@demo.local acts for 老年协会 and 阳光养老服务中心.</summary>
public sealed class InspectionsSqliteApp() : InspectionsApp(DatabaseKind.Sqlite, "test-register.recipe.json");

public sealed class InspectionsPostgreSqlApp() : InspectionsApp(DatabaseKind.PostgreSql, "test-register.recipe.json");
