using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Bench.Measuring;
using Registry.Bench.Support;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Domain;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Bench.Suites;

/// <summary>
/// The reports dashboard on a large district: N organizations (<c>--n</c>, default 100,000) with ten years of history
/// (decided registration applications every year, an inspection campaign with a report per organization every year),
/// written straight into a migrated SQLite database. Measured: every section's figures for the last year plus their SVG
/// charts (the work of <c>/Reports</c> without the Razor markup), against one indexed count of the register on the same
/// data and the same kind of scope.
/// </summary>
internal sealed class ReportsSuite : IBenchSuite
{
    private const int Years = 10;
    private const int ReportYear = 2026;
    /// <summary>The path of a bench.db seeded by an earlier run of this suite, to measure instead of seeding again (seeding N = 100,000 takes minutes).</summary>
    public const string SeededVariable = "REGISTRY_BENCH_REPORTS_DB";

    public string Name => "reports";

    public string Description => "reports dashboard figures and charts for N organizations with 10 years of history (SQLite) vs a count of the register";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = context.Size ?? context.Choose(20_000, 100_000);
        var dataDirectory = context.CreateScratchDirectory("reports");
        var seeded = Environment.GetEnvironmentVariable(SeededVariable);
        if (!string.IsNullOrEmpty(seeded))
        {
            // A district seeded by an earlier run (its bench.db, kept with REGISTRY_BENCH_KEEP_SCRATCH or copied): measured on a
            // copy, after this build's migrations, so a before/after pair measures the same rows.
            File.Copy(seeded, RegistryAppProcess.DatabasePath(dataDirectory));
        }

        await using var host = await InProcessRegistry.StartAsync(dataDirectory, new Dictionary<string, string?>(), cancellationToken);

        var seeding = Stopwatch.StartNew();
        (int Applications, int Reports) rows;
        if (string.IsNullOrEmpty(seeded))
        {
            rows = await SeedAsync(host, size, cancellationToken);
            context.Out.WriteLine(Invariant($"reports: seeded {size:#,0} organizations, {rows.Applications:#,0} applications, {rows.Reports:#,0} annual reports in {seeding.Elapsed.TotalSeconds:0.0} s"));
        }
        else
        {
            size = await InScopeAsync(host, db => db.Set<Organization>().CountAsync(cancellationToken));
            rows = (await InScopeAsync(host, db => db.Set<RegistrationApplication>().CountAsync(cancellationToken)), await InScopeAsync(host, db => db.Set<AnnualReport>().CountAsync(cancellationToken)));
            context.Out.WriteLine(Invariant($"reports: {size:#,0} organizations, {rows.Applications:#,0} applications, {rows.Reports:#,0} annual reports from {seeded} ({SeededVariable})"));
        }

        // Rows written around the change tracker (the seeding above, or a copy seeded before the tallies existed) have no
        // tallies yet: rebuilt once, as the inspection-tallies recipe step would (a maintenance cost, not measured below).
        var rebuilding = Stopwatch.StartNew();
        int tallies;
        await using (var scope = host.CreateScope())
        {
            tallies = await scope.ServiceProvider.GetRequiredService<ReportTalliesRebuild>().RebuildAsync(cancellationToken);
        }

        context.Out.WriteLine(Invariant($"reports: rebuilt {tallies:#,0} tally rows from the reports in {rebuilding.Elapsed.TotalSeconds:0.0} s"));

        var period = ReportPeriod.WholeYear(ReportYear);
        async ValueTask<int> Count(CancellationToken ct)
        {
            await using var scope = host.CreateScope();
            var active = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<Organization>().CountAsync(o => o.Status == OrganizationStatus.Active, ct);
            return active > 0 ? 1 : throw new InvalidOperationException("The register is empty.");
        }

        var comparison = await Sampler.CompareAsync(
            Count,
            async ct =>
            {
                await using var scope = host.CreateScope();
                var report = await scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(period, ct);
                var svg = report.Sections.SelectMany(s => s.Tables).Sum(t => BarChart.Render(t, text => text.Key, t.Id).Length);
                return svg > 0 ? 1 : throw new InvalidOperationException("The dashboard drew no chart.");
            },
            new Warmup(MinRounds: 3, MinTime: context.Choose(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), MaxTime: context.Choose(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)), MaxRounds: 50),
            samples: context.Choose(10, 30),
            cancellationToken);

        var table = ResultTable.ForStats(Invariant($"reports: time per dashboard for {ReportYear} ({size:#,0} organizations, {Years} years of history)"), "pages/s");
        table.AddComparison("count of active organizations (one indexed query)", "dashboard: all sections' figures + SVG charts", comparison);
        await AddSectionsAsync(context, host, period, Count, table, cancellationToken);
        table.AddNote(Invariant($"{rows.Applications:#,0} decided applications ({rows.Applications / Years:#,0} a year) and {rows.Reports:#,0} annual reports in {Years} campaigns; the dashboard also draws the 5-year trends"));
        table.AddNote("each sample uses a new scope (one request's DbContext); baseline and dashboard samples alternate");
        table.Write(context.Out);
    }

    /// <summary>Each section's figures on its own (the profile of the dashboard: which module's queries dominate), against the same count.</summary>
    private static async Task AddSectionsAsync(BenchContext context, InProcessRegistry host, ReportPeriod period, Func<CancellationToken, ValueTask<int>> baseline, ResultTable table, CancellationToken cancellationToken)
    {
        List<string> names;
        await using (var scope = host.CreateScope())
        {
            names = [.. scope.ServiceProvider.GetServices<IReportSection>().OrderBy(s => s.Order).Select(s => s.GetType().Name)];
        }

        foreach (var name in names)
        {
            var comparison = await Sampler.CompareAsync(
                baseline,
                async ct =>
                {
                    await using var scope = host.CreateScope();
                    var section = scope.ServiceProvider.GetServices<IReportSection>().Single(s => s.GetType().Name == name);
                    return (await section.LoadAsync(period, ct)).Title is null ? 0 : 1;
                },
                new Warmup(MinRounds: 2, MinTime: TimeSpan.FromMilliseconds(500), MaxTime: context.Choose(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)), MaxRounds: 20),
                samples: context.Choose(5, 15),
                cancellationToken);
            table.AddComparison("count of active organizations", "section " + name, comparison);
        }
    }

    /// <summary>Writes the district: organizations founded over 25 years, a tenth of the register's size in decided applications a year, a report per organization per campaign.</summary>
    private static async Task<(int Applications, int Reports)> SeedAsync(InProcessRegistry host, int size, CancellationToken cancellationToken)
    {
        var streets = SyntheticRegister.Streets;
        OrganizationType[] types = [OrganizationType.SocialGroup, OrganizationType.SocialGroup, OrganizationType.PrivateNonEnterprise, OrganizationType.PrivateNonEnterprise, OrganizationType.Foundation, OrganizationType.Community];
        var now = DateTime.UtcNow;
        var founded = new DateOnly[size];
        var organizations = new List<Organization>(size);
        for (var i = 0; i < size; i++)
        {
            founded[i] = new DateOnly(2001, 1, 1).AddDays(i * 9_000 / size);
            var name = Invariant($"宁波市海曙区报表基准第{i:000000}号社会组织");
            organizations.Add(new Organization
            {
                Name = name,
                NormalizedName = name,
                Type = types[i % types.Length],
                RegisteringAuthority = "宁波市海曙区民政局",
                LegalRepresentative = "基准",
                District = "海曙区",
                Street = streets[i % streets.Count],
                FoundedOn = founded[i],
                Status = i % 20 == 0 ? OrganizationStatus.Deregistered : OrganizationStatus.Active,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await InBulkAsync(host, organizations, cancellationToken);
        var organizationIds = await InScopeAsync(host, db => db.Set<Organization>().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken));
        var applications = await SeedApplicationsAsync(host, size, types, now, cancellationToken);
        var reports = 0;
        for (var year = ReportYear - Years; year < ReportYear; year++)
        {
            var campaign = new InspectionCampaign { Year = year, Mode = CampaignMode.Inspection, Deadline = InspectionCampaign.DefaultDeadline(year), OrganizationTypes = "SocialGroup,PrivateNonEnterprise,Foundation", AdminCostWarningPercent = 20, OpenedAt = now, OpenedBy = "bench" };
            await InBatchAsync(host, db => db.Add(campaign), cancellationToken);
            var taking = Enumerable.Range(0, size).Where(i => !InspectionCampaign.IsExempt(year, founded[i])).ToList();
            var annual = new List<AnnualReport>(taking.Count);
            foreach (var i in taking)
            {
                var result = (i % 50) switch { 0 => InspectionResult.Unqualified, 1 or 2 => InspectionResult.BasicallyQualified, 3 => (InspectionResult?)null, _ => InspectionResult.Qualified };
                annual.Add(new AnnualReport
                {
                    CampaignId = campaign.Id,
                    Year = year,
                    OrganizationId = organizationIds[i],
                    OrganizationName = Invariant($"宁波市海曙区报表基准第{i:000000}号社会组织"),
                    State = result is null ? ReportState.NotStarted : ReportState.Concluded,
                    Result = result,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            await InBulkAsync(host, annual, cancellationToken);
            reports += taking.Count;
        }

        return (applications, reports);
    }

    /// <summary>A tenth of the register's size in decided applications each year (every kind and type), accepted a week before the decision.</summary>
    private static async Task<int> SeedApplicationsAsync(InProcessRegistry host, int size, OrganizationType[] types, DateTime now, CancellationToken cancellationToken)
    {
        var kinds = Enum.GetValues<ApplicationKind>();
        var perYear = size / 10;
        var applications = new List<RegistrationApplication>(perYear * Years);
        for (var y = ReportYear - Years + 1; y <= ReportYear; y++)
        {
            for (var i = 0; i < perYear; i++)
            {
                // Working days only (Monday–Friday of weeks without holidays in 2026: March and November).
                var decided = new DateOnly(y, i % 2 == 0 ? 3 : 11, 9).AddDays(7 * (i % 3));
                applications.Add(new RegistrationApplication
                {
                    Kind = kinds[i % kinds.Length],
                    State = i % 25 == 0 ? ApplicationState.Rejected : ApplicationState.Approved,
                    OrganizationType = kinds[i % kinds.Length] == ApplicationKind.CommunityFiling ? OrganizationType.Community : types[i % (types.Length - 1)],
                    ApplicantUserId = "bench",
                    Title = Invariant($"基准申请{y}-{i:000000}"),
                    CreatedAt = now,
                    UpdatedAt = now,
                    AcceptedOn = decided.AddDays(-7),
                    DecidedAt = decided.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                });
            }
        }

        await InBulkAsync(host, applications, cancellationToken);
        return perYear * Years;
    }

    private static async Task InBatchAsync(InProcessRegistry host, Action<DbContext> add, CancellationToken cancellationToken)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        add(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The rows in one transaction, straight into SQLite (<see cref="SqliteRows"/>): the same rows SaveChanges wrote here
    /// before, without its per-entity bookkeeping (about 900,000 reports at N = 100,000 did not finish in 20 minutes).
    /// </summary>
    private static async Task InBulkAsync<T>(InProcessRegistry host, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var scope = host.CreateScope();
        await SqliteRows.InsertAsync(scope.ServiceProvider.GetRequiredService<DbContext>(), rows, cancellationToken);
    }

    private static async Task<T> InScopeAsync<T>(InProcessRegistry host, Func<DbContext, Task<T>> query)
    {
        await using var scope = host.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DbContext>());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
