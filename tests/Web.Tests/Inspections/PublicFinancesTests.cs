using Microsoft.EntityFrameworkCore;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// An organization's finances in public (基金会管理条例 第三十八条 for foundations; the bureau shows every organization's):
/// the five-year table on its page and the open-data columns, from accepted (concluded) annual reports only. The history
/// has a gap (2023 never accepted) and a report not yet accepted (2025, submitted), which must not show.
/// </summary>
public abstract class PublicFinancesTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    [Fact]
    public async Task OrgPage_FiveYearsWithAGap_AcceptedReportsOnlyAndTheGapShown()
    {
        var organizationId = await SeedAsync();

        var page = await app.Client().GetDocumentAsync($"/Organizations/Org/{organizationId}");

        var section = page.QuerySelector("[data-testid=org-finances]").ShouldNotBeNull();
        section.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-testid")).ShouldBe(["finance-2020", "finance-2021", "finance-2022", "finance-2023", "finance-2024"]);
        section.QuerySelector("[data-testid=finance-2023] [data-testid=finance-gap]").ShouldNotBeNull();
        section.QuerySelector("[data-testid=finance-2020] [data-testid=finance-gap]").ShouldNotBeNull("no report that year either");
        var cells = section.QuerySelectorAll("[data-testid=finance-2024] td").Select(c => c.TextContent.Trim()).ToList();
        cells.ShouldBe(["¥1,250,000.50", "¥1,000,000.00", "¥880,000.00"]);
        section.TextContent.ShouldNotContain("9,999,999", Case.Sensitive, "the 2025 report is submitted, not accepted");
    }

    [Fact]
    public async Task OpenData_LatestAcceptedReport_InCsvAndJson()
    {
        var organizationId = await SeedAsync();

        var csv = await app.Client().GetStringAsync(new Uri("/open-data/directory.csv", UriKind.Relative));
        var header = csv.Split('\n')[0].Trim().TrimStart('\uFEFF').Split(',');
        var row = csv.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith($"{organizationId},", StringComparison.Ordinal)).Split(',');
        row[Array.IndexOf(header, "finance_year")].ShouldBe("2024");
        row[Array.IndexOf(header, "income_yuan")].ShouldBe("1250000.50");
        row[Array.IndexOf(header, "net_assets_yuan")].ShouldBe("880000.00");

        using var json = System.Text.Json.JsonDocument.Parse(await app.Client().GetStringAsync(new Uri("/open-data/directory.json", UriKind.Relative)));
        var organization = json.RootElement.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("id").GetInt32() == organizationId);
        organization.GetProperty("finance_year").GetInt32().ShouldBe(2024);
        organization.GetProperty("expenditure_yuan").GetDecimal().ShouldBe(1_000_000m);
    }

    /// <summary>Accepted reports for 2021, 2022 and 2024, a submitted one for 2025 (idempotent within the fixture).</summary>
    private async Task<int> SeedAsync()
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup);
        var organizationId = await app.OrganizationIdAsync(OtherSocialGroup);
        await app.WithAsync<RegistryDbContext, bool>(async db =>
        {
            var current = await db.Set<AnnualReport>().SingleAsync(r => r.Year == 2025 && r.OrganizationId == organizationId);
            if (current.State == ReportState.Submitted)
            {
                return false;
            }

            current.State = ReportState.Submitted;
            current.Content.IncomeOtherFen = 999_999_900;
            foreach (var (year, income, expenses, assets) in new[] { (2021, 80_000_000L, 70_000_000L, 50_000_000L), (2022, 90_000_000L, 95_000_000L, 45_000_000L), (2024, 125_000_050L, 100_000_000L, 88_000_000L) })
            {
                var report = new AnnualReport
                {
                    Year = year, OrganizationId = organizationId, OrganizationName = current.OrganizationName, TypeCode = current.TypeCode, CampaignId = current.CampaignId,
                    State = ReportState.Concluded, Result = InspectionResult.Qualified,
                };
                report.Content.IncomeDonationsFen = income;
                report.Content.ExpenseProgrammeFen = expenses;
                report.Content.NetAssetsEndFen = assets;
                db.Add(report);
            }

            await db.SaveChangesAsync();
            return true;
        });
        return organizationId;
    }
}

public sealed class PublicFinancesSqliteApp() : InspectionsApp(DatabaseKind.Sqlite, "test-register.recipe.json");

public sealed class PublicFinancesPostgreSqlApp() : InspectionsApp(DatabaseKind.PostgreSql, "test-register.recipe.json");

public sealed class PublicFinancesTestsOnSqlite(PublicFinancesSqliteApp app) : PublicFinancesTests<PublicFinancesSqliteApp>(app), IClassFixture<PublicFinancesSqliteApp>;

public sealed class PublicFinancesTestsOnPostgreSql(PublicFinancesPostgreSqlApp app) : PublicFinancesTests<PublicFinancesPostgreSqlApp>(app), IClassFixture<PublicFinancesPostgreSqlApp>;
