using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Registry.Bench.Measuring;
using Registry.Bench.Support;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;
using static System.FormattableString;

namespace Registry.Bench.Suites;

/// <summary>
/// The register import alone, as the directory suite loads its data (same generator, files and checks:
/// <see cref="DirectorySuite.LoadAsync"/>), against the same baseline (streaming the register back), then stop: no index
/// build, no queries, no HTTP. Target (issue 23, 2 cores, N = 1,000,000): at least 20,000 rows/s.
/// </summary>
internal sealed class ImportSuite : IBenchSuite
{
    private const double TargetRowsPerSecond = 20_000;

    public string Name => "import";

    public string Description => "the directory suite's register import alone on N synthetic organizations (--n, default 100,000) vs streaming the register back";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = context.Size ?? context.Choose(20_000, 100_000);
        var dataDirectory = context.CreateScratchDirectory("import-data");
        context.Out.WriteLine(Invariant($"N = {size:#,0} organizations; load average {MachineInfo.LoadAverage():0.0}"));
        await using var host = await InProcessRegistry.StartAsync(dataDirectory, new Dictionary<string, string?>(), cancellationToken);
        RegistrationRules rules;
        await using (var scope = host.CreateScope())
        {
            rules = await scope.ServiceProvider.GetRequiredService<IRegistrationRulesProvider>().GetAsync(cancellationToken);
        }

        // The GC's work during the load (CSV generation included): the import allocates per row, and the site runs the
        // server GC (Web SDK default) while this process runs whatever DOTNET_gcServer says (workstation by default).
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var load = await DirectorySuite.LoadAsync(context, host, new SyntheticRegister(rules.NamePrefixes), size, dataDirectory, cancellationToken);
        var gc = Invariant($"GC during the load: {(GCSettings.IsServerGC ? "server" : "workstation")} GC ({(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}), {GC.CollectionCount(0) - collections.Item1:#,0} / {GC.CollectionCount(1) - collections.Item2:#,0} / {GC.CollectionCount(2) - collections.Item3:#,0} collections of gen 0 / 1 / 2, paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.0} s, {(GC.GetTotalAllocatedBytes() - allocated) / (double)load.Organizations / 1024:#,0.0} KiB allocated per organization (CSV generation included)");
        var read = await DirectorySuite.ReadListingsAsync(host, cancellationToken);
        var rate = load.Organizations / load.Import.Wall.TotalSeconds;
        var table = new ResultTable(
            Invariant($"import: {size:#,0} organizations (load average now {MachineInfo.LoadAverage():0.0})"),
            "step", "rows", "time", "cpu time", "rows/s", "time / baseline");
        table.AddRow("baseline: stream the register (IOrganizationRegister.ListingsAsync)", Units.Count(read.Rows), Units.Duration(read.Time.Wall.TotalSeconds), Units.Duration(read.Time.Cpu.TotalSeconds), Units.Rate(read.Rows / read.Time.Wall.TotalSeconds), Units.Ratio(1));
        table.AddRow(Invariant($"import: RegisterImporter.ImportAsync × {load.Files} (≤ {RegisterImporter.MaxRows:#,0} rows each)"), Units.Count(load.Organizations), Units.Duration(load.Import.Wall.TotalSeconds), Units.Duration(load.Import.Cpu.TotalSeconds), Units.Rate(rate), Units.Ratio(load.Import.Wall / read.Time.Wall));
        table.AddNote(Invariant($"target ≥ {TargetRowsPerSecond:#,0} rows/s at N = 1,000,000 on 2 cores: {(rate >= TargetRowsPerSecond ? "met" : "MISSED")} at this N ({Units.Rate(rate)})"));
        table.AddNote("checked after the import: one revision and one audit entry per organization, audit chain intact (AuditChain.VerifyAsync)");
        table.AddNote(Invariant($"SQLite database {Units.Bytes(load.DatabaseBytes)} after the import"));
        table.AddNote(gc);
        table.Write(context.Out);
    }
}
