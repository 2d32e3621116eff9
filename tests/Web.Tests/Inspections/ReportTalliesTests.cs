using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Forms;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// The figures' tallies (issue 23): kept in each save's transaction as reports are filed, returned, filed again,
/// accepted, corrected and rectified, they state exactly what a recount from the reports states, at every step; and a
/// rebuild from the reports writes the same.
/// </summary>
public abstract class ReportTalliesTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    private const int Year = 2025;

    private static ReportContent Content(int staff, long donationsFen, int partyMembers, PartyOrganization party) => new()
    {
        WorkSummary = "开展养老服务",
        FullTimeStaff = staff,
        Volunteers = 3 * staff,
        IndividualMembers = 40,
        IncomeDonationsFen = donationsFen,
        IncomeServicesFen = 120_000,
        ExpenseProgrammeFen = donationsFen / 2,
        ExpenseAdministrativeFen = 30_000,
        NetAssetsStartFen = 1_000_000,
        NetAssetsEndFen = 1_000_000 + donationsFen / 2 + 90_000,
        PartyMembers = partyMembers,
        PartyOrganization = party,
    };

    [Fact]
    public async Task Tallies_FiledReturnedRefiledAcceptedCorrectedRectified_EqualARecountAtEveryStep()
    {
        await app.EnsureCampaignAsync(Year, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var ids = await app.WithAsync<RegistryDbContext, List<int>>(db => db.Set<AnnualReport>()
            .Where(r => r.Year == Year && r.State == ReportState.NotStarted).OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync());
        ids.Count.ShouldBe(2);
        await ShouldMatchARecountAsync("campaign opened");
        var due = new DateOnly(2026, 6, 30);

        await StepAsync(ids[0], "drafted", (s, r) =>
        {
            r.Content = Content(5, 800_000, 4, PartyOrganization.Independent);
            return s.Transition(r, ReportTrigger.Start, "test");
        });
        await StepAsync(ids[0], "filed", (s, r) => s.Transition(r, ReportTrigger.Submit, "test"));
        await StepAsync(ids[0], "returned", (s, r) =>
        {
            r.ReturnNote = "补充财务报表";
            return s.Transition(r, ReportTrigger.Return, "test");
        });
        await StepAsync(ids[0], "filed again, late", (s, r) =>
        {
            r.SubmittedLate = true;
            return s.Transition(r, ReportTrigger.Submit, "test");
        });
        await StepAsync(ids[0], "accepted", (s, r) => s.Conclude(r, new ResultDecision(InspectionResult.BasicallyQualified, "财务制度不健全", "健全财务制度", due), new DateOnly(2026, 3, 2), imported: false));
        await StepAsync(ids[1], "accepted from an import", (s, r) =>
        {
            r.Content = Content(2, 300_000, 2, PartyOrganization.Instructor);
            return s.Conclude(r, new ResultDecision(InspectionResult.Qualified, null, null, null), new DateOnly(2026, 3, 2), imported: true);
        });
        await StepAsync(ids[0], "accepted report corrected (content recorded again)", (s, r) =>
        {
            r.Content = Content(6, 900_000, 1, PartyOrganization.None);
            return null;
        });
        await StepAsync(ids[0], "rectification filed", (s, r) => s.Transition(r, RectificationTrigger.Submit, "test"));
        await StepAsync(ids[0], "rectification verified", (s, r) => s.Transition(r, RectificationTrigger.Verify, "test"));

        var sector = await app.WithAsync<ISectorFigures, IReadOnlyList<SectorFigureGroup>>(f => f.ForYearAsync(Year, CancellationToken.None));
        var total = SectorFigureGroup.Sum("", "", sector);
        (total.Reports, total.FullTimeStaff, total.IncomeDonationsFen, total.PartyRequired, total.PartyWorkCovered).ShouldBe((2, 8L, 1_200_000L, 0, 1));

        var written = await app.WithAsync<ReportTalliesRebuild, int>(r => r.RebuildAsync(CancellationToken.None));
        written.ShouldBeGreaterThan(0);
        await ShouldMatchARecountAsync("rebuilt");
        (await app.WithAsync<ISectorFigures, IReadOnlyList<SectorFigureGroup>>(f => f.ForYearAsync(Year, CancellationToken.None))).ShouldBe(sector);
    }

    [Fact]
    public async Task Tallies_SaveRefusedOnAConflict_StayAsTheReports()
    {
        await app.EnsureCampaignAsync(Year, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        var id = await app.WithAsync<RegistryDbContext, int>(db => db.Set<AnnualReport>()
            .Where(r => r.Year == Year && r.State == ReportState.NotStarted).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var report = await db.Set<AnnualReport>().SingleAsync(r => r.Id == id);
        scope.ServiceProvider.GetRequiredService<ReportService>().Transition(report, ReportTrigger.Submit, "test").ShouldBeNull();
        db.Entry(report).Property(r => r.Version).OriginalValue = report.Version + 5;

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        await ShouldMatchARecountAsync("after the refused save");
    }

    /// <summary>Changes one report through the service's transitions, saves as the services do, and compares the tallies with a recount.</summary>
    private async Task StepAsync(int reportId, string step, Func<ReportService, AnnualReport, OperationResult?> change)
    {
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var report = await db.Set<AnnualReport>().SingleAsync(r => r.Id == reportId);
            change(scope.ServiceProvider.GetRequiredService<ReportService>(), report).ShouldBeNull(step);
            await db.SaveChangesAsync();
        }

        await ShouldMatchARecountAsync(step);
    }

    private async Task ShouldMatchARecountAsync(string step)
    {
        await using var scope = app.Scope();
        var inspections = scope.ServiceProvider.GetRequiredService<InspectionFiguresQuery>();
        var sectors = scope.ServiceProvider.GetRequiredService<SectorFiguresQuery>();
        var counted = await inspections.RecountAsync(Year, Year, CancellationToken.None);
        counted.ShouldNotBeEmpty(step);
        (await inspections.ForYearsAsync(Year, Year, CancellationToken.None)).ShouldBe(counted, step);
        (await sectors.ForYearAsync(Year, CancellationToken.None)).ShouldBe(await sectors.RecomputeAsync(Year, CancellationToken.None), step);
    }
}

public sealed class ReportTalliesTestsOnSqlite(InspectionsSqliteApp app) : ReportTalliesTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class ReportTalliesTestsOnPostgreSql(InspectionsPostgreSqlApp app) : ReportTalliesTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
