using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// The app on a clock the test moves (on 2026-03-02 the 2025 campaign is open, its deadline 2026-05-31 ahead), with the
/// credit-list job off so tests drive it, and the given recipe loaded on top of the test recipe.
/// </summary>
public abstract class InspectionsApp(DatabaseKind kind, string recipe)
    : ClockedApp(kind, recipe, new Dictionary<string, string?> { ["Registry:Inspections:CreditListJob"] = "false" })
{
    /// <summary>The scheduled credit-list work, once, as the hosted service would run it.</summary>
    public Task<int?> RunCreditListJobAsync() => WithAsync<CreditListJob, int?>(job => job.RunOnceAsync(CancellationToken.None));

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
