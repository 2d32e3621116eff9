using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Bench.Measuring;
using Registry.Bench.Support;
using Registry.Core.Auditing;
using Registry.Core.Outbox;

namespace Registry.Bench.Suites;

/// <summary>
/// What the audit hash chain costs: an audit entry saved through <c>RegistryDbContext.SaveChangesAsync</c> (inserted
/// unsealed, as a business transaction does) against a plain outbox row of similar size saved the same way; the same
/// entries saved and then sealed onto the chain (<see cref="AuditChain.SealPendingAsync"/>, which locks the head row)
/// against saving them only; then <see cref="AuditChain.VerifyAsync"/> against streaming the same rows without hashing.
/// </summary>
internal sealed class AuditSuite : IBenchSuite
{
    private const int BatchSize = 500;

    public string Name => "audit";

    public string Description => "audit chain on SQLite (WAL): audit entries vs plain outbox rows, sealing, and chain verification";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var database = await BenchDatabase.CreateAsync(context.CreateScratchDirectory("audit"), cancellationToken);
        var writer = new RowWriter(database);

        var single = await Sampler.CompareAsync(
            writer.SaveOutboxMessages(1),
            writer.SaveAuditEntries(1),
            new Warmup(MinRounds: 50, MinTime: context.Choose(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)), MaxTime: context.Choose(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))),
            samples: context.Choose(300, 2_000),
            cancellationToken);

        var batchWarmup = new Warmup(MinRounds: 2, MinTime: context.Choose(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)), MaxTime: context.Choose(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)), MaxRounds: 20);
        var batched = await Sampler.CompareAsync(writer.SaveOutboxMessages(BatchSize), writer.SaveAuditEntries(BatchSize), batchWarmup, samples: context.Choose(6, 30), cancellationToken);
        var sealing = await Sampler.CompareAsync(writer.SaveAuditEntries(BatchSize), writer.SaveAndSealAuditEntries(BatchSize), batchWarmup, samples: context.Choose(6, 30), cancellationToken);

        var chainLength = await CheckChainAsync(database, writer.AuditEntriesWritten, cancellationToken);

        var verification = await Sampler.CompareAsync(
            async ct => await StreamEntriesAsync(database, ct),
            async ct => await VerifyChainAsync(database, chainLength, ct),
            new Warmup(MinRounds: 2, MinTime: TimeSpan.FromMilliseconds(300), MaxTime: context.Choose(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)), MaxRounds: 20),
            samples: context.Choose(5, 20),
            cancellationToken);

        var table = ResultTable.ForStats("audit: time per row saved, per entry verified", "rows/s");
        table.AddComparison("outbox message, 1 per SaveChanges", "audit entry, 1 per SaveChanges", single);
        table.AddComparison($"outbox messages, {BatchSize} per SaveChanges", $"audit entries, {BatchSize} per SaveChanges", batched);
        table.AddComparison($"audit entries, {BatchSize} per SaveChanges", $"the same, then sealed ({BatchSize} pending)", sealing);
        table.AddComparison("stream chain rows, no hashing", "AuditChain.VerifyAsync", verification);
        table.AddNote("each SaveChanges uses a new context (one request scope); baseline and audit samples alternate");
        table.AddNote(Invariant($"batched rows: times are per row; verification: one sample = one walk of the whole chain ({chainLength:#,0} entries)"));
        table.AddNote($"SQLite file in {Path.GetDirectoryName(database.FilePath)}; journal_mode={await database.PragmaAsync("journal_mode", cancellationToken)}, synchronous={await database.PragmaAsync("synchronous", cancellationToken)} (0 off, 1 normal, 2 full)");
        if (database.HasPendingModelChanges)
        {
            table.AddNote("WARNING: the EF model has changes without a migration (the host would refuse to start); the Core tables used here are migrated");
        }

        table.Write(context.Out);
    }

    /// <summary>Once sealed, the chain must be intact and hold exactly what was written, or the figures measured something else.</summary>
    private static async Task<long> CheckChainAsync(BenchDatabase database, long written, CancellationToken cancellationToken)
    {
        await using var db = database.NewContext();
        await AuditChain.SealPendingAsync(db, AuditKey.Development, cancellationToken);
        var result = await AuditChain.VerifyAsync(db, AuditKey.Development, cancellationToken);
        if (!result.IsIntact || result.VerifiedEntries != written)
        {
            throw new InvalidOperationException(Invariant(
                $"Audit chain after the writes: intact={result.IsIntact}, {result.VerifiedEntries} entries verified, {written} written, broken at {result.BrokenAt} ({result.ReasonKey})."));
        }

        return written;
    }

    private static async Task<int> VerifyChainAsync(BenchDatabase database, long expected, CancellationToken cancellationToken)
    {
        await using var db = database.NewContext();
        var result = await AuditChain.VerifyAsync(db, AuditKey.Development, cancellationToken);
        return result.IsIntact && result.VerifiedEntries == expected
            ? checked((int)expected)
            : throw new InvalidOperationException(Invariant($"Verification found {result.VerifiedEntries} of {expected} entries, intact={result.IsIntact}."));
    }

    /// <summary>The query <see cref="AuditChain.VerifyAsync"/> runs, without the hashing and comparisons.</summary>
    private static async Task<int> StreamEntriesAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.NewContext();
        var count = 0;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count += entry.Hash is null ? 0 : 1;
        }

        return count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes rows of comparable content: the outbox payload carries the audit entry's fields as JSON.</summary>
    private sealed class RowWriter(BenchDatabase database)
    {
        private long _sequence;

        public long AuditEntriesWritten { get; private set; }

        /// <summary>A timed unit: one new context, <paramref name="rows"/> audit entries, one SaveChanges (unsealed).</summary>
        public Func<CancellationToken, ValueTask<int>> SaveAuditEntries(int rows) => async cancellationToken =>
        {
            await using var db = database.NewContext();
            for (var i = 0; i < rows; i++)
            {
                var n = ++_sequence;
                var entry = new AuditEntry
                {
                    At = AuditChain.Normalize(DateTime.UtcNow),
                    UserId = "bench-officer",
                    UserName = "officer@registry.local",
                    Action = "Organization.Updated",
                    EntityType = "Organization",
                    EntityId = n.ToString(CultureInfo.InvariantCulture),
                    Summary = Invariant($"Changed the registered address of organization {n}"),
                };
                entry.Mac = AuditChain.ComputeEntryMac(entry, AuditKey.Development);
                db.Set<AuditEntry>().Add(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            AuditEntriesWritten += rows;
            return rows;
        };

        /// <summary>A timed unit: <see cref="SaveAuditEntries"/>, then a new context seals what is pending.</summary>
        public Func<CancellationToken, ValueTask<int>> SaveAndSealAuditEntries(int rows) => async cancellationToken =>
        {
            await SaveAuditEntries(rows)(cancellationToken);
            await using var db = database.NewContext();
            await AuditChain.SealPendingAsync(db, AuditKey.Development, cancellationToken);
            return rows;
        };

        /// <summary>A timed unit: one new context, <paramref name="rows"/> outbox messages, one SaveChanges.</summary>
        public Func<CancellationToken, ValueTask<int>> SaveOutboxMessages(int rows) => async cancellationToken =>
        {
            await using var db = database.NewContext();
            for (var i = 0; i < rows; i++)
            {
                var n = ++_sequence;
                db.Set<OutboxMessage>().Add(new OutboxMessage
                {
                    Topic = "Organization.Updated",
                    Payload = Invariant($$"""{"userId":"bench-officer","userName":"officer@registry.local","entityType":"Organization","entityId":"{{n}}","summary":"Changed the registered address of organization {{n}}"}"""),
                    OccurredAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            return rows;
        };
    }
}
