using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Bench.Measuring;
using Registry.Bench.Support;
using Registry.Core.Auditing;
using Registry.Core.Outbox;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Bench.Suites;

/// <summary>
/// The public directory at scale: N synthetic organizations (Chinese names and scopes, fixed seed) loaded through the
/// register import (<see cref="RegisterImporter.ImportAsync(Stream, string, CancellationToken)"/>, CSV files of at most <see cref="RegisterImporter.MaxRows"/>
/// rows, into a migrated SQLite database), the index built with <see cref="DirectoryIndex.RebuildAsync"/>, then in the
/// same run: query latency per kind through <see cref="DirectorySearch.Search"/> against a TermQuery on the id field
/// through the same searcher (plus a kind of phrases asked once each, which the search has not remembered), and the
/// published site's directory page under wrk against its static stylesheet and against its cheapest Razor page, served
/// from the response cache and, with a new address per request, rendered every time.
/// The targets (2-core machine, N = 1,000,000) are printed with the figures: p95 ≤ 10 ms for every kind, page throughput
/// ≥ 50% of the baseline's (both baselines shown), build ≤ 60 s (issue 23), app memory under load ≤ 1 GiB.
/// </summary>
internal sealed class DirectorySuite : IBenchSuite
{
    private const int TargetSize = 1_000_000;
    private const double TargetP95Seconds = 0.010;
    private const double TargetPageShare = 0.5;
    private const long TargetAppMemory = 1L << 30;
    private static readonly TimeSpan TargetBuild = TimeSpan.FromSeconds(60);

    /// <summary>Warm-up of the asked-once kind: the queries it uses up are not measured (the JIT is warm from the other kinds).</summary>
    private const int FirstTimeWarmupRounds = 100;

    private const int WrkThreads = 2;
    private const int WrkConnections = 16;

    public string Name => "directory";

    public string Description => "directory search on N synthetic organizations (--n, default 100,000): import, index build, query kinds vs a TermQuery, the page under wrk vs a stylesheet and the cheapest page";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = context.Size ?? context.Choose(20_000, 100_000);
        var wrk = Wrk.Locate();
        // With REGISTRY_BENCH_DIRECTORY_REUSE set to a folder, the imported database of this N is kept there and reused by
        // later runs (the import is measured once; the index build, queries and pages on every run).
        var reuseRoot = Environment.GetEnvironmentVariable(ReuseVariable);
        var dataDirectory = string.IsNullOrWhiteSpace(reuseRoot)
            ? context.CreateScratchDirectory("directory-data")
            : System.IO.Directory.CreateDirectory(Path.Combine(Path.GetFullPath(reuseRoot), Invariant($"directory-n{size}"))).FullName;
        var indexPath = Path.Combine(context.ScratchRoot, "directory-index");
        context.Out.WriteLine(Invariant($"N = {size:#,0} organizations; scratch {context.ScratchRoot} ({FreeSpace(context.ScratchRoot)} free){(string.IsNullOrWhiteSpace(reuseRoot) ? "" : $"; database kept in {dataDirectory} ({ReuseVariable})")}"));

        var targets = new ResultTable(
            Invariant($"directory: targets (set for N = {TargetSize:#,0} on 2 cores; this run N = {size:#,0}, {Environment.ProcessorCount} cores)"),
            "target", "limit", "measured", "verdict");
        InProcessFigures figures;
        await using (var host = await InProcessRegistry.StartAsync(dataDirectory, new Dictionary<string, string?> { ["Registry:Directory:IndexPath"] = indexPath }, cancellationToken))
        {
            figures = await RunInProcessAsync(context, host, size, dataDirectory, targets, cancellationToken);
        }

        // The in-process index is closed (its write lock released) and the database connections are returned.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.Collect();
        await RunHttpAsync(context, wrk, dataDirectory, indexPath, figures, targets, cancellationToken);
        targets.Write(context.Out);
    }

    private static async Task<InProcessFigures> RunInProcessAsync(
        BenchContext context, InProcessRegistry host, int size, string dataDirectory, ResultTable targets, CancellationToken cancellationToken)
    {
        RegistrationRules rules;
        await using (var scope = host.CreateScope())
        {
            rules = await scope.ServiceProvider.GetRequiredService<IRegistrationRulesProvider>().GetAsync(cancellationToken);
        }

        var generator = new SyntheticRegister(rules.NamePrefixes);
        var prepared = Path.Combine(dataDirectory, "prepared.json");
        LoadFigures load;
        (int Graded, int Abnormal, int Serious) listed;
        if (Environment.GetEnvironmentVariable(ReuseVariable) is { Length: > 0 } && File.Exists(prepared))
        {
            Phase(context, "reusing the imported database (no import measured)");
            (load, listed) = await ReusedAsync(generator, size, prepared, cancellationToken);
        }
        else
        {
            Phase(context, "generate and import");
            load = await LoadAsync(context, host, generator, size, dataDirectory, cancellationToken);
            listed = await GradeAndListAsync(host, cancellationToken);
            if (Environment.GetEnvironmentVariable(ReuseVariable) is { Length: > 0 })
            {
                await File.WriteAllTextAsync(prepared, JsonSerializer.Serialize(new PreparedData(load.Organizations, load.Files, load.DatabaseBytes, load.LargestFileBytes, listed.Graded, listed.Abnormal, listed.Serious)), cancellationToken);
            }
        }

        var (graded, abnormal, serious) = listed;

        // Baseline of the load and the build: the register streamed back as the build reads it, without indexing.
        var read = await ReadListingsAsync(host, cancellationToken);
        if (read.Rows != load.Organizations)
        {
            throw new InvalidOperationException(Invariant($"The register holds {read.Rows:#,0} organizations; {load.Organizations:#,0} were imported."));
        }

        Phase(context, "index build");
        var build = await BuildIndexAsync(host, cancellationToken);
        var loadTable = new ResultTable(
            Invariant($"directory: loading and indexing {size:#,0} organizations"),
            "step", "rows", "time", "cpu time", "rows/s", "time / baseline");
        loadTable.AddRow("baseline: stream the register (IOrganizationRegister.ListingsAsync, no indexing)", Units.Count(read.Rows), Units.Duration(read.Time.Wall.TotalSeconds), Units.Duration(read.Time.Cpu.TotalSeconds), Units.Rate(read.Rows / read.Time.Wall.TotalSeconds), Units.Ratio(1));
        if (load.Generation.Wall > TimeSpan.Zero)
        {
            loadTable.AddRow(Invariant($"generate + write CSV ({load.Files} files, bench side)"), Units.Count(load.Organizations), Units.Duration(load.Generation.Wall.TotalSeconds), Units.Duration(load.Generation.Cpu.TotalSeconds), Units.Rate(load.Organizations / load.Generation.Wall.TotalSeconds), Units.Ratio(load.Generation.Wall / read.Time.Wall));
        }

        if (load.Import.Wall > TimeSpan.Zero)
        {
            loadTable.AddRow(Invariant($"import: RegisterImporter.ImportAsync × {load.Files} (≤ {RegisterImporter.MaxRows:#,0} rows each)"), Units.Count(load.Organizations), Units.Duration(load.Import.Wall.TotalSeconds), Units.Duration(load.Import.Cpu.TotalSeconds), Units.Rate(load.Organizations / load.Import.Wall.TotalSeconds), Units.Ratio(load.Import.Wall / read.Time.Wall));
        }
        else
        {
            loadTable.AddNote(Invariant($"import not measured in this run: the database imported by an earlier run was reused ({ReuseVariable})"));
        }

        loadTable.AddRow("index build, one thread (as before issue 23; same documents and RAM buffer, not searchable)", Units.Count(build.Documents), Units.Duration(build.OneThread.Wall.TotalSeconds), Units.Duration(build.OneThread.Cpu.TotalSeconds), Units.Rate(build.Documents / build.OneThread.Wall.TotalSeconds), Units.Ratio(build.OneThread.Wall / read.Time.Wall));
        loadTable.AddRow("index build: DirectoryIndex.RebuildAsync(ListingsAsync)", Units.Count(build.Documents), Units.Duration(build.Time.Wall.TotalSeconds), Units.Duration(build.Time.Cpu.TotalSeconds), Units.Rate(build.Documents / build.Time.Wall.TotalSeconds), Units.Ratio(build.Time.Wall / read.Time.Wall));
        loadTable.AddNote(Invariant($"SQLite database {Units.Bytes(load.DatabaseBytes)} after the import (organizations, revisions, audit entries, change-feed events); change-feed head {build.Head:#,0} recorded in the index commit"));
        loadTable.AddNote(Invariant($"index on disk {Units.Bytes(build.IndexBytes)} ({build.IndexFiles} files, PositionalFSDirectory); bench process peak RSS during the build {(build.PeakRss is { } rss ? Units.Bytes(rss) : "n/a")} (peak reset before it{(build.PeakWasReset ? "" : " FAILED: peak covers the whole run")}; this process also holds the composed site and the import's leftovers)"));
        loadTable.AddNote(Invariant($"largest CSV file {Units.Bytes(load.LargestFileBytes)} (the import page itself takes files up to {Units.Bytes(Registry.Organizations.Areas.Organizations.Pages.Admin.Register.ImportModel.MaxFileBytes)}; the bench calls the importer directly)"));
        loadTable.AddNote(Invariant($"after the import, on the register as the ratings and inspections modules keep them (not import columns): {graded:#,0} graded 1A-5A, {abnormal:#,0} on the 活动异常 list, {serious:#,0} on the 严重违法失信 list (by id, fixed)"));
        loadTable.AddNote("checked after the import: one revision and one audit entry per organization, audit chain intact (AuditChain.VerifyAsync)");
        loadTable.AddNote("the import runs in the composed site (AddRegistry, PrepareAsync with the setup recipe) with the scoped services of a request; each file is one transaction");
        loadTable.AddNote("cpu time: this process's CPU over the step (all threads, SQLite included); time well above it means waiting for the disk or for cores other work holds");
        loadTable.Write(context.Out);
        targets.AddRow(
            "index build time",
            Invariant($"≤ {TargetBuild.TotalSeconds:0} s"),
            Units.Duration(build.Time.Wall.TotalSeconds),
            Verdict(build.Time.Wall <= TargetBuild, build.Time.Wall / TargetBuild));

        Phase(context, "in-process queries");
        var queries = await MeasureQueriesAsync(context, host, generator, size, load, targets, cancellationToken);
        return new InProcessFigures(load, build, queries);
    }

    // ---------------------------------------------------------------- loading

    /// <summary>Environment variable: a folder where the imported database of each N is kept for later runs.</summary>
    private const string ReuseVariable = "REGISTRY_BENCH_DIRECTORY_REUSE";

    private sealed record PreparedData(int Organizations, int Files, long DatabaseBytes, long LargestFileBytes, int Graded, int Abnormal, int Serious);

    /// <summary>The figures of an earlier run's import, and its credit codes regenerated (the generator is seeded).</summary>
    private static async Task<(LoadFigures Load, (int, int, int) Listed)> ReusedAsync(SyntheticRegister generator, int size, string prepared, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Deserialize<PreparedData>(await File.ReadAllTextAsync(prepared, cancellationToken))!;
        var codeEvery = Math.Max(1, size / 5_000);
        var codes = generator.Generate(size).Where(o => o.CreditCode is not null && o.Index % codeEvery == 0).Select(o => o.CreditCode!).ToList();
        return (new LoadFigures(data.Organizations, data.Files, default, default, codes, data.DatabaseBytes, data.LargestFileBytes), (data.Graded, data.Abnormal, data.Serious));
    }

    internal static async Task<LoadFigures> LoadAsync(
        BenchContext context, InProcessRegistry host, SyntheticRegister generator, int size, string dataDirectory, CancellationToken cancellationToken)
    {
        var csvDirectory = context.CreateScratchDirectory("directory-csv");
        var generation = default(Elapsed);
        var import = default(Elapsed);
        var files = 0;
        var imported = 0;
        long largestFile = 0;
        var codes = new List<string>();
        var codeEvery = Math.Max(1, size / 5_000);
        var nextReport = 0.1;
        var total = Stopwatch.StartNew();
        using var rows = generator.Generate(size).GetEnumerator();
        var more = true;
        while (more)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Elapsed.Start();
            var path = Path.Combine(csvDirectory, Invariant($"register-{files + 1:000}.csv"));
            var chunk = new List<SyntheticOrganization>(RegisterImporter.MaxRows);
            while (chunk.Count < RegisterImporter.MaxRows && (more = rows.MoveNext()))
            {
                chunk.Add(rows.Current);
                if (rows.Current.CreditCode is { } code && rows.Current.Index % codeEvery == 0)
                {
                    codes.Add(code);
                }
            }

            if (chunk.Count == 0)
            {
                break;
            }

            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                SyntheticRegister.WriteCsv(writer, chunk);
            }

            generation = generation.Add(started.Stop());
            largestFile = Math.Max(largestFile, new FileInfo(path).Length);
            started = Elapsed.Start();
            await using (var scope = host.CreateScope())
            await using (var file = File.OpenRead(path))
            {
                var result = await scope.ServiceProvider.GetRequiredService<RegisterImporter>().ImportAsync(file, Path.GetFileName(path), cancellationToken);
                if (!result.Succeeded)
                {
                    var errors = string.Join("; ", result.Errors.Take(5).Select(e => Invariant($"row {e.Row} {e.Column}: {e.Key} {string.Join(", ", e.Args)}")));
                    throw new InvalidOperationException(Invariant($"{Path.GetFileName(path)} was refused ({result.Errors.Count} errors): {errors}"));
                }

                imported += result.Imported;
            }

            import = import.Add(started.Stop());
            files++;
            File.Delete(path);
            if (imported >= size * nextReport || !more)
            {
                context.Out.WriteLine(Invariant($"  loaded {imported,10:#,0} / {size:#,0} in {total.Elapsed.TotalSeconds,6:0.0} s (import {import.Wall.TotalSeconds:0.0} s, CSV {generation.Wall.TotalSeconds:0.0} s; load average {MachineInfo.LoadAverage():0.0})"));
                while (nextReport <= (double)imported / size)
                {
                    nextReport += 0.1;
                }
            }
        }

        // The batched import must leave what one-by-one entry leaves: a revision and a sealed audit entry per organization.
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            var revisions = await db.Set<OrganizationRevision>().CountAsync(r => r.Cause == "Org.Cause.Import" && r.Number == 1, cancellationToken);
            var key = scope.ServiceProvider.GetRequiredService<AuditKey>();
            var sealing = Stopwatch.StartNew();
            var sealedCount = await AuditChain.SealPendingAsync(db, key, cancellationToken);
            context.Out.WriteLine(Invariant($"  sealed {sealedCount:#,0} pending audit entries onto the chain in {sealing.Elapsed.TotalSeconds:0.0} s (AuditChain.SealPendingAsync; not part of the import's time)"));
            var chain = await AuditChain.VerifyAsync(db, key, cancellationToken);
            var audited = await db.Set<AuditEntry>().CountAsync(a => a.Action == "organization.import", cancellationToken);
            if (revisions != imported || audited != imported || !chain.IsIntact)
            {
                throw new InvalidOperationException(Invariant($"After importing {imported:#,0}: {revisions:#,0} import revisions, {audited:#,0} import audit entries, audit chain intact={chain.IsIntact} ({chain.ReasonKey} at {chain.BrokenAt})."));
            }
        }

        var database = new FileInfo(RegistryAppProcess.DatabasePath(dataDirectory));
        var databaseBytes = database.Directory!.EnumerateFiles(database.Name + "*").Sum(f => f.Length);
        return new LoadFigures(imported, files, generation, import, codes, databaseBytes, largestFile);
    }

    /// <summary>
    /// Grades (about 10%, 3A the commonest) and credit-list standings (about 3%) spread by id, written straight to the
    /// register's columns: the import has no such columns, and the modules that keep them set them one by one.
    /// </summary>
    private static async Task<(int Graded, int Abnormal, int Serious)> GradeAndListAsync(InProcessRegistry host, CancellationToken cancellationToken)
    {
        await using var scope = host.CreateScope();
        var organizations = scope.ServiceProvider.GetRequiredService<DbContext>().Set<Organization>();
        (int Grade, int From, int To)[] grades = [(5, 0, 1), (4, 1, 3), (3, 3, 7), (2, 7, 9), (1, 9, 10)];
        var graded = 0;
        foreach (var (grade, from, to) in grades)
        {
            graded += await organizations.Where(o => o.Id % 100 >= from && o.Id % 100 < to).ExecuteUpdateAsync(u => u.SetProperty(o => o.Grade, grade), cancellationToken);
        }

        var abnormal = await organizations.Where(o => o.Id % 37 == 5).ExecuteUpdateAsync(u => u.SetProperty(o => o.Standing, CreditStanding.Abnormal), cancellationToken);
        var serious = await organizations.Where(o => o.Id % 211 == 7).ExecuteUpdateAsync(u => u.SetProperty(o => o.Standing, CreditStanding.Serious), cancellationToken);
        return (graded, abnormal, serious);
    }

    internal static async Task<(long Rows, Elapsed Time)> ReadListingsAsync(InProcessRegistry host, CancellationToken cancellationToken)
    {
        await using var scope = host.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<IOrganizationRegister>();
        var started = Elapsed.Start();
        long rows = 0;
        long characters = 0;
        await foreach (var listing in register.ListingsAsync(null, cancellationToken))
        {
            rows++;
            characters += listing.Name.Length + listing.BusinessScope.Length;
        }

        return characters > 0 ? (rows, started.Stop()) : throw new InvalidOperationException("The register's listings are empty.");
    }

    private static async Task<BuildFigures> BuildIndexAsync(InProcessRegistry host, CancellationToken cancellationToken)
    {
        var index = host.Services.GetRequiredService<DirectoryIndex>();
        await using var scope = host.CreateScope();
        var head = await OutboxFeed.HeadAsync(scope.ServiceProvider.GetRequiredService<DbContext>(), cancellationToken);
        // Second baseline, the build as it was before issue 23: one thread reads the register and indexes each listing.
        var oneThreadPath = Path.Combine(Path.GetTempPath(), "registry-bench-one-thread-" + Guid.NewGuid().ToString("N"));
        var oneThread = Elapsed.Start();
        using (var directory = new Lucene.Net.Store.SimpleFSDirectory(new DirectoryInfo(oneThreadPath)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, DirectoryIndex.Analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 }))
        {
            var builder = new DirectoryDocument.Builder();
            await foreach (var listing in scope.ServiceProvider.GetRequiredService<IOrganizationRegister>().ListingsAsync(null, cancellationToken))
            {
                writer.AddDocument(builder.Build(listing));
            }

            writer.Commit();
        }

        var oneThreadTime = oneThread.Stop();
        System.IO.Directory.Delete(oneThreadPath, recursive: true);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var reset = ProcessMemory.TryResetOwnPeak();
        var started = Elapsed.Start();
        await index.RebuildAsync(scope.ServiceProvider.GetRequiredService<IOrganizationRegister>().ListingsAsync(null, cancellationToken), head, cancellationToken);
        var time = started.Stop();
        var peak = ProcessMemory.PeakResidentBytes(Environment.ProcessId);
        // The index lives in the generation folder the rebuild wrote (next to the configured one).
        var files = new DirectoryInfo(index.IndexPath).GetFiles();
        var documents = index.Search(s => s.IndexReader.NumDocs);
        if (index.LastEventId != head)
        {
            throw new InvalidOperationException(Invariant($"The rebuilt index records event {index.LastEventId}, not the head {head}."));
        }

        return new BuildFigures(documents, time, head, files.Sum(f => f.Length), files.Length, peak, reset, oneThreadTime);
    }

    // ---------------------------------------------------------------- in-process queries

    private static async Task<IReadOnlyDictionary<string, Stats>> MeasureQueriesAsync(
        BenchContext context, InProcessRegistry host, SyntheticRegister generator, int size, LoadFigures load, ResultTable targets, CancellationToken cancellationToken)
    {
        var index = host.Services.GetRequiredService<DirectoryIndex>();
        var search = host.Services.GetRequiredService<DirectorySearch>();
        var (minId, maxId) = await IdRangeAsync(host, cancellationToken);
        var perKind = context.Choose(200, 1_000);
        var kinds = DirectoryQueries.Build(perKind, load.CreditCodes, generator.Generate(Math.Min(size, 20_000)).Select(o => o.BusinessScope));
        var idRandom = new Random(DirectoryQueries.Seed);
        var ids = Enumerable.Range(0, 4_096).Select(_ => idRandom.Next(minId, maxId + 1).ToString(CultureInfo.InvariantCulture)).ToArray();

        var table = ResultTable.ForStats(Invariant($"directory: in-process search latency per query (DirectorySearch.Search: total, facets, top 20 page), N = {size:#,0}"), "queries/s");
        var hitNotes = new List<string>();
        var results = new Dictionary<string, Stats>();
        foreach (var kind in kinds)
        {
            var totals = new int?[kind.Queries.Count];
            var codeMisses = 0;
            var q = 0;
            var b = 0;
            var comparison = await Sampler.CompareAsync(
                _ =>
                {
                    var id = ids[b++ % ids.Length];
                    var hits = index.Search(s => s.Search(new TermQuery(new Term(IndexFields.Id, id)), 1).TotalHits);
                    return hits == 1 ? ValueTask.FromResult(1) : throw new InvalidOperationException($"id {id}: {hits} documents");
                },
                _ =>
                {
                    var at = kind.AskedOnce ? q++ : q++ % kind.Queries.Count;
                    var query = at < kind.Queries.Count ? kind.Queries[at] : throw new InvalidOperationException($"({kind.Key}) ran out of queries asked only once.");
                    var result = search.Search(query);
                    if (!result.IndexReady)
                    {
                        throw new InvalidOperationException("The directory index is not ready.");
                    }

                    totals[at] = result.Total;
                    if (kind.Key == "f" && (result.Hits.Count == 0 || result.Hits[0].Code != query.Text))
                    {
                        codeMisses++;
                    }

                    return ValueTask.FromResult(1);
                },
                kind.AskedOnce
                    ? new Warmup(MinRounds: 20, MinTime: TimeSpan.Zero, MaxTime: TimeSpan.FromSeconds(3), MaxRounds: FirstTimeWarmupRounds)
                    : new Warmup(MinRounds: 20, MinTime: context.Choose(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)), MaxTime: context.Choose(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))),
                samples: kind.AskedOnce ? Math.Min(perKind, kind.Queries.Count - FirstTimeWarmupRounds) : kind.Queries.Count,
                cancellationToken);
            table.AddComparison("TermQuery on id, same searcher", Invariant($"({kind.Key}) {kind.Label}"), comparison);
            results[kind.Key] = comparison.Subject;

            var counted = totals.Where(t => t is not null).Select(t => t!.Value).Order().ToArray();
            hitNotes.Add(Invariant($"({kind.Key}) total hits per query: median {counted[counted.Length / 2]:#,0}, mean {counted.Average():#,0}, max {counted[^1]:#,0}, none found {counted.Count(t => t == 0)} of {counted.Length}"));
            if (codeMisses > 0)
            {
                throw new InvalidOperationException(Invariant($"{codeMisses} exact credit-code queries did not return their organization first."));
            }

            if (kind.Key == "g" && counted.Any(t => t != load.Organizations))
            {
                throw new InvalidOperationException(Invariant($"The empty query counted {counted[0]:#,0} organizations, not {load.Organizations:#,0}."));
            }

            targets.AddRow(
                Invariant($"in-process p95 ({kind.Key}) {kind.Label}"),
                Invariant($"≤ {TargetP95Seconds * 1e3:0} ms"),
                Units.Duration(comparison.Subject.P95),
                Verdict(comparison.Subject.P95 <= TargetP95Seconds, comparison.Subject.P95 / TargetP95Seconds));
        }

        foreach (var note in hitNotes)
        {
            table.AddNote(note);
        }

        table.AddNote(await SubstringCheckAsync(search, generator, size, cancellationToken));
        table.AddNote(Invariant($"one sample = one query, run on one thread; {perKind:#,0} generated queries per kind (fixed seed), baseline and subject alternating; bench process {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        table.Write(context.Out);
        return results;
    }

    private static async Task<(int Min, int Max)> IdRangeAsync(InProcessRegistry host, CancellationToken cancellationToken)
    {
        await using var scope = host.CreateScope();
        var organizations = scope.ServiceProvider.GetRequiredService<DbContext>().Set<Organization>();
        return (await organizations.MinAsync(o => o.Id, cancellationToken), await organizations.MaxAsync(o => o.Id, cancellationToken));
    }

    /// <summary>
    /// Hit counts of a few words against the number of generated rows whose name or scope contains the word: the index's
    /// phrase-of-bigrams queries should find exactly the substring matches (a second pass over the generator).
    /// </summary>
    private static Task<string> SubstringCheckAsync(DirectorySearch search, SyntheticRegister generator, int size, CancellationToken cancellationToken)
    {
        string[] words = ["养老", "春晖", "助餐", "居家养老", "青少年", "心理辅导"];
        var counts = new long[words.Length];
        foreach (var organization in generator.Generate(size))
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < words.Length; i++)
            {
                if (organization.Name.Contains(words[i], StringComparison.Ordinal) || organization.BusinessScope.Contains(words[i], StringComparison.Ordinal))
                {
                    counts[i]++;
                }
            }
        }

        var parts = words.Select((w, i) => (Word: w, Expected: counts[i], Found: search.Search(new DirectoryQuery { Text = w }).Total)).ToList();
        var equal = parts.Count(p => p.Expected == p.Found);
        return Task.FromResult(Invariant($"hit counts equal the substring counts over the generated rows (name or scope) for {equal} of {parts.Count} words: ")
            + string.Join(", ", parts.Select(p => p.Expected == p.Found ? Invariant($"{p.Word} {p.Found:#,0}") : Invariant($"{p.Word} {p.Found:#,0} vs {p.Expected:#,0}"))));
    }

    // ---------------------------------------------------------------- HTTP

    private static async Task RunHttpAsync(BenchContext context, string wrk, string dataDirectory, string indexPath, InProcessFigures figures, ResultTable targets, CancellationToken cancellationToken)
    {
        Phase(context, "publish, start the app, wrk");
        var appDirectory = await AppPublisher.PublishAsync(context, cancellationToken);
        var duration = context.Choose(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        var rounds = context.Choose(1, 3);
        var warmup = context.Choose(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        await using var app = await RegistryAppProcess.StartAsync(
            appDirectory, dataDirectory, TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["Registry__Directory__IndexPath"] = indexPath }, cancellationToken);
        var readyAfter = await WaitForIndexAsync(app, TimeSpan.FromMinutes(3), cancellationToken);
        // The import wrote an event per organization; the site's consumers read them once after it. Measured here, and
        // waited for, so the pages are measured in the steady state rather than beside a one-time catch-up.
        var caughtUp = await WaitForChangeFeedAsync(RegistryAppProcess.DatabasePath(dataDirectory), DateTime.UtcNow - readyAfter, TimeSpan.FromMinutes(20), cancellationToken);
        var afterStartup = app.PeakResidentBytes();
        var apiTotal = await CheckApiAsync(app, cancellationToken);

        const string Css = "/_content/Registry.Themes.Civic/css/civic.css";
        const string CheapestPage = "/Directory/Check";
        const string Search = "/Directory?q=养老";
        (string Label, string Path, bool UniqueAddresses)[] pages =
        [
            ("static css (baseline 1)", Css, false),
            // The cheapest page of the app: the layout and an empty form, no data (a fairer yardstick for a page than a file).
            ("/Directory/Check, empty form (baseline 2: cheapest Razor page)", CheapestPage, false),
            (Search, Search, false),
            ("/Directory?q=养老&type=PrivateNonEnterprise", "/Directory?q=养老&type=PrivateNonEnterprise", false),
            ("/Directory (empty query: all, facets)", "/Directory", false),
            // A word nothing matches: the page's own cost (layout, form, facets of nothing) without search work.
            ("/Directory?q=航天 (no hits: the page without search work)", "/Directory?q=航天", false),
            // A new address every request: the response cache never hits, so this is the search plus the render.
            ("/Directory?q=养老&nocache=<unique> (never from the response cache)", Search, true),
            // The same for a word nothing matches: the page's own cost when rendered, the floor under the row above.
            ("/Directory?q=航天&nocache=<unique> (no hits, never from the response cache)", "/Directory?q=航天", true),
        ];
        var table = new ResultTable(
            Invariant($"directory: the site over HTTP, wrk -t{WrkThreads} -c{WrkConnections} -d{duration.TotalSeconds:0}s --latency × {rounds} round(s) over all targets, each warmed up {warmup.TotalSeconds:0} s first, N = {figures.Load.Organizations:#,0}"),
            "target", "body", "requests", "req/s", "p50", "p90", "p99", "errors", "req/s / css", "req/s / cheapest page", "req/s per round");
        // Every target is warmed up before any is measured: the first page measured would otherwise pay for the JIT
        // (search code, Razor) that the later ones find compiled.
        var bodies = new Dictionary<string, long>();
        foreach (var (label, path, unique) in pages)
        {
            var url = new Uri(app.BaseAddress, path);
            bodies[label] = await CheckServedAsync(url, app, cancellationToken);
            await Wrk.RunAsync(wrk, url, WrkThreads, WrkConnections, warmup, cancellationToken, unique);
        }

        // Rounds: every target once per round, so a burst of other work on the machine falls on all of them alike.
        var runs = pages.ToDictionary(p => p.Label, _ => new List<WrkResult>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (label, path, unique) in pages)
            {
                var result = await Wrk.RunAsync(wrk, new Uri(app.BaseAddress, path), WrkThreads, WrkConnections, duration, cancellationToken, unique);
                if (result.Errors > 0)
                {
                    throw new InvalidOperationException(Invariant($"{label}: {result.Non2xxOr3xx} non-2xx/3xx responses and {result.SocketErrors} socket errors under load; the app is {app.State()}. Its log:\n{app.LogTail()}"));
                }

                runs[label].Add(result);
            }
        }

        var peak = app.PeakResidentBytes();
        (string Name, WrkResult Result)[] baselines = [("css", Combine(runs[pages[0].Label])), ("cheapest Razor page", Combine(runs[pages[1].Label]))];
        foreach (var (label, path, unique) in pages)
        {
            var result = Combine(runs[label]);
            var shares = baselines.Select(b => result.RequestsPerSecond / b.Result.RequestsPerSecond).ToArray();
            table.AddRow(label, Units.Bytes(bodies[label]), Units.Count(result.Requests), Units.Rate(result.RequestsPerSecond), Units.Duration(result.P50), Units.Duration(result.P90), Units.Duration(result.P99),
                Units.Count(result.Errors), Invariant($"{shares[0]:0.0%}"), Invariant($"{shares[1]:0.0%}"), string.Join(" / ", runs[label].Select(r => Units.Rate(r.RequestsPerSecond))));
            if (path.StartsWith(Search, StringComparison.Ordinal))
            {
                for (var b = 0; b < baselines.Length; b++)
                {
                    targets.AddRow(
                        Invariant($"page throughput {label}"),
                        Invariant($"≥ {TargetPageShare:0%} of {baselines[b].Name}"),
                        Invariant($"{shares[b]:0.0%} ({Units.Rate(result.RequestsPerSecond)} vs {Units.Rate(baselines[b].Result.RequestsPerSecond)} req/s)"),
                        Verdict(shares[b] >= TargetPageShare, TargetPageShare / shares[b]));
                }
            }
        }

        var rebuilt = app.LogContains("Directory index rebuilt");
        table.AddNote(Invariant($"app: published {BenchContext.BuildConfiguration}, Production, SQLite, on the imported database and the prebuilt index; /health after {app.StartupTime.TotalSeconds:0.0} s, index open after {readyAfter.TotalSeconds:0.0} s, change feed read by every consumer {caughtUp}, peak RSS then {(afterStartup is { } rss ? Units.Bytes(rss) : "n/a")}"));
        table.AddNote(rebuilt
            ? "WARNING: the app rebuilt the index at startup instead of opening the prebuilt one (see its log)"
            : "the app opened the prebuilt index (its commit records the change-feed head) and did not re-index");
        table.AddNote(Invariant($"/api/directory/search?q=养老 reports {apiTotal:#,0} hits, as the in-process search does"));
        table.AddNote("anonymous requests of /Directory and /api/directory/search are answered from the response cache (by address, culture and index generation) after the first; each response still gets its visitor's antiforgery token and cookie, as wrk's cookie-less requests are new visitors");
        table.AddNote(Invariant($"app peak RSS (VmHWM) after all rounds {(peak is { } all ? Units.Bytes(all) : "n/a")}; req/s over all rounds, latency percentiles the median of the rounds'; wrk and the app share the cores; bodies uncompressed"));
        table.Write(context.Out);
        targets.AddRow(
            "app memory under load (peak RSS)",
            Invariant($"≤ {Units.Bytes(TargetAppMemory)}"),
            peak is { } measured ? Units.Bytes(measured) : "n/a",
            peak is { } m ? Verdict(m <= TargetAppMemory, m / (double)TargetAppMemory) : "n/a");
        if (rebuilt)
        {
            throw new InvalidOperationException("The app rebuilt the directory index: the HTTP figures include a rebuild.");
        }
    }

    /// <summary>Rounds of one target as one figure: all requests over all time; latency percentiles the median of the rounds'.</summary>
    private static WrkResult Combine(List<WrkResult> rounds)
    {
        double Median(Func<WrkResult, double> value) => rounds.Select(value).Order().ElementAt(rounds.Count / 2);
        var seconds = rounds.Sum(r => r.Requests / r.RequestsPerSecond);
        return new WrkResult(rounds.Sum(r => r.Requests), rounds.Sum(r => r.Requests) / seconds, Median(r => r.P50), Median(r => r.P90), Median(r => r.P99), rounds.Sum(r => r.Non2xxOr3xx), rounds.Sum(r => r.SocketErrors));
    }

    /// <summary>The app opens the index in the background after it starts answering; wait until /health says it is open.</summary>
    private static async Task<TimeSpan> WaitForIndexAsync(RegistryAppProcess app, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var response = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken))
            {
                using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (health.RootElement.TryGetProperty("checks", out var checks)
                    && checks.TryGetProperty("directory-index", out var check)
                    && check.GetProperty("status").GetString() == "Healthy")
                {
                    return app.StartupTime + Stopwatch.GetElapsedTime(started);
                }
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"The app's directory index was not open within {timeout.TotalSeconds:0} s. Its log:\n{app.LogTail()}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until every consumer of the change feed (the shared ones, and this app's own per-node ones: rows written since
    /// it started) stands at the feed's head; says after how long, or that it did not within <paramref name="timeout"/>.
    /// </summary>
    private static async Task<string> WaitForChangeFeedAsync(string databasePath, DateTime appStartedUtc, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var since = appStartedUtc.AddSeconds(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT COALESCE(MAX("Id"), 0) FROM "Core_OutboxMessages"),
                       (SELECT COUNT(*) FROM "Core_OutboxCheckpoints" WHERE instr("Consumer", '@') = 0 OR "UpdatedAt" >= $since),
                       (SELECT COUNT(*) FROM "Core_OutboxCheckpoints" WHERE (instr("Consumer", '@') = 0 OR "UpdatedAt" >= $since) AND "LastId" < (SELECT COALESCE(MAX("Id"), 0) FROM "Core_OutboxMessages"))
                """;
            command.Parameters.AddWithValue("$since", since);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                var (head, consumers, behind) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                if (behind == 0 && consumers > 0)
                {
                    return Invariant($"after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s more ({consumers} consumers at the head, {head:#,0} events)");
                }

                if (Stopwatch.GetElapsedTime(started) > timeout)
                {
                    return Invariant($"NOT within {timeout.TotalMinutes:0} min ({behind} of {consumers} consumers behind the head, {head:#,0} events; measured beside the catch-up)");
                }
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task<int> CheckApiAsync(RegistryAppProcess app, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var url = new Uri(app.BaseAddress, "/api/directory/search?q=" + Uri.EscapeDataString("养老"));
        using var document = JsonDocument.Parse(await client.GetStringAsync(url, cancellationToken));
        var total = document.RootElement.GetProperty("total").GetInt32();
        return document.RootElement.GetProperty("indexReady").GetBoolean() && total > 0
            ? total
            : throw new InvalidOperationException($"{url} answered {document.RootElement}");
    }

    /// <summary>One plain request first: the target must answer 200 with a body, or the load figures mean nothing.</summary>
    private static async Task<long> CheckServedAsync(Uri url, RegistryAppProcess app, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {body.Length} bytes; expected 200 with a body. The app's log:\n{app.LogTail()}");
        }

        return body.Length;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>"met" or by how much it is missed (measured / limit for upper limits, limit / measured for lower ones).</summary>
    private static string Verdict(bool met, double factor) => met ? "met" : Invariant($"MISSED ({factor:0.00}x the limit)");

    /// <summary>A progress line with the machine's load: the run is long and other work may come and go.</summary>
    private static void Phase(BenchContext context, string name) =>
        context.Out.WriteLine(Invariant($"  [{DateTime.Now:HH:mm:ss}] {name} (load average {MachineInfo.LoadAverage():0.0})"));

    private static string FreeSpace(string path)
    {
        try
        {
            return Units.Bytes(new DriveInfo(Path.GetPathRoot(Path.GetFullPath(path))!).AvailableFreeSpace);
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal sealed record LoadFigures(int Organizations, int Files, Elapsed Generation, Elapsed Import, IReadOnlyList<string> CreditCodes, long DatabaseBytes, long LargestFileBytes);

    private sealed record BuildFigures(int Documents, Elapsed Time, long Head, long IndexBytes, int IndexFiles, long? PeakRss, bool PeakWasReset, Elapsed OneThread);

    /// <summary>Wall-clock and this process's CPU time of a step (a running step holds its start values).</summary>
    internal readonly record struct Elapsed(TimeSpan Wall, TimeSpan Cpu)
    {
        public static Elapsed Start() => new(Stopwatch.GetElapsedTime(0), Environment.CpuUsage.TotalTime);

        public Elapsed Stop() => new(Stopwatch.GetElapsedTime(0) - Wall, Environment.CpuUsage.TotalTime - Cpu);

        public Elapsed Add(Elapsed other) => new(Wall + other.Wall, Cpu + other.Cpu);
    }

    private sealed record InProcessFigures(LoadFigures Load, BuildFigures Build, IReadOnlyDictionary<string, Stats> Queries);
}
