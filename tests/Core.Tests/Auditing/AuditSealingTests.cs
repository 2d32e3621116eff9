using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Testing;

namespace Registry.Core.Tests.Auditing;

/// <summary>
/// The audit chain's sealer on a real database of each provider: entries are saved unsealed, as business transactions
/// save them, and <see cref="AuditChain.SealPendingAsync"/> links them; every test has its own database.
/// </summary>
public abstract class AuditSealingTests(DatabaseKind kind) : OwnDatabaseTests<AuditSealingTests.AuditDbContext>(kind)
{
    [Fact]
    public async Task Seal_PendingEntries_LinkedInIdOrderWithAGapFreeSequence()
    {
        await SaveEntriesAsync(2);
        await SaveEntriesAsync(1);
        await SaveEntriesAsync(3);
        (await EntriesAsync()).ShouldAllBe(e => e.Sequence == null && e.Hash == null && e.PreviousHash == null);

        (await SealAsync()).ShouldBe(6);

        var entries = await EntriesAsync();
        entries.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
        entries.Select(e => e.PreviousHash).ShouldBe(entries.Select(e => e.Hash).Prepend(AuditChain.GenesisHash).Take(6));
        entries.ShouldAllBe(e => e.Hash == AuditChain.ComputeHash(e, AuditKey.Development));
        (await HeadAsync()).ShouldBe((6L, entries[^1].Hash!));
    }

    /// <summary>The sealer reads entries without tracking; an entry the same context recorded must not stay tracked unsealed.</summary>
    [Fact]
    public async Task Seal_EntryRecordedInTheSameContext_ReadAfterwardsAsSealed()
    {
        await using var db = NewContext();
        db.Set<AuditEntry>().Add(AuditChain.NewEntry(DateTime.UtcNow, "officer", "王五", "test.write", "Test", "1", "recorded here", AuditKey.Development));
        await db.SaveChangesAsync();

        (await AuditChain.SealPendingAsync(db, AuditKey.Development, CancellationToken.None)).ShouldBe(1);

        var entry = await db.Set<AuditEntry>().SingleAsync();
        entry.Sequence.ShouldBe(1L);
        entry.PreviousHash.ShouldBe(AuditChain.GenesisHash);
        entry.Hash.ShouldBe(AuditChain.ComputeHash(entry, AuditKey.Development));
    }

    [Fact]
    public async Task Seal_AgainAfterMoreEntries_ContinuesFromTheHeadAndSealsNothingTwice()
    {
        await SaveEntriesAsync(AuditChain.SealBatchSize + 7);
        (await SealAsync()).ShouldBe(AuditChain.SealBatchSize + 7);
        var tip = await HeadAsync();
        await SaveEntriesAsync(3);

        (await SealAsync()).ShouldBe(3);
        (await SealAsync()).ShouldBe(0);

        var entries = await EntriesAsync();
        entries.Select(e => e.Sequence!.Value).ShouldBe(Enumerable.Range(1, AuditChain.SealBatchSize + 10).Select(n => (long)n));
        entries[AuditChain.SealBatchSize + 7].PreviousHash.ShouldBe(tip.Hash);
        (await VerifyAsync()).ShouldBe(new AuditVerification(true, AuditChain.SealBatchSize + 10, null, null, 0));
    }

    [Fact]
    public async Task Verify_EntriesNotYetSealed_ReportedAsPendingWithTheSealedPartIntact()
    {
        await SaveEntriesAsync(4);
        await SealAsync();
        await SaveEntriesAsync(3);

        (await VerifyAsync()).ShouldBe(new AuditVerification(true, 4, null, null, 3));
    }

    [Fact]
    public async Task Verify_AfterSealing_DetectsAnEditedEntry()
    {
        await SaveEntriesAsync(5);
        await SealAsync();

        await UpdateAsync(3, s => s.SetProperty(e => e.Summary, "rewritten history"));

        (await VerifyAsync()).ShouldBe(new AuditVerification(false, 2, 3, "Audit.Verify.Altered"));
    }

    [Fact]
    public async Task Verify_AfterSealing_DetectsADeletedMiddleEntryAndADeletedTail()
    {
        await SaveEntriesAsync(5);
        await SealAsync();

        await using (var db = NewContext())
        {
            await db.Set<AuditEntry>().Where(e => e.Sequence == 5).ExecuteDeleteAsync();
        }

        (await VerifyAsync()).ShouldBe(new AuditVerification(false, 4, 5, "Audit.Verify.TailMissing"));

        await using (var db = NewContext())
        {
            await db.Set<AuditEntry>().Where(e => e.Sequence == 2).ExecuteDeleteAsync();
        }

        (await VerifyAsync()).ShouldBe(new AuditVerification(false, 1, 2, "Audit.Verify.Missing"));
    }

    /// <summary>Turning a sealed entry back into a pending one (to have it re-sealed after an edit) leaves a gap the sealer cannot fill.</summary>
    [Fact]
    public async Task Verify_SealedEntryMadePendingAgain_GapDetectedAndTheEditNeverResealed()
    {
        await SaveEntriesAsync(5);
        await SealAsync();

        await UpdateAsync(2, s => s.SetProperty(e => e.Summary, "rewritten history").SetProperty(e => e.Sequence, (long?)null).SetProperty(e => e.Hash, (string?)null).SetProperty(e => e.PreviousHash, (string?)null));
        (await SealAsync()).ShouldBe(0);

        (await VerifyAsync()).ShouldBe(new AuditVerification(false, 1, 2, "Audit.Verify.Missing"));
    }

    // Issue 26 item 6: the tail cut off and the head moved back to match: only a statement kept outside shows it.
    [Fact]
    public async Task Verify_TruncatedTailWithTheHeadUpdated_DetectedByAnEarlierStatement()
    {
        await SaveEntriesAsync(5);
        await SealAsync();
        var statement = await StatementAsync();
        var third = (await EntriesAsync())[2];

        await using (var db = NewContext())
        {
            await db.Set<AuditEntry>().Where(e => e.Sequence > 3).ExecuteDeleteAsync();
            await db.Set<AuditHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, 3L).SetProperty(h => h.Hash, third.Hash!));
        }

        (await VerifyAsync()).IsIntact.ShouldBeTrue();
        (await VerifyAsync(statement)).ShouldBe(new AuditVerification(false, 3, 5, "Audit.Verify.StatementMissing"));
    }

    [Fact]
    public async Task Verify_WipedChain_DetectedByAnEarlierStatement()
    {
        await SaveEntriesAsync(4);
        await SealAsync();
        var statement = await StatementAsync();

        await using (var db = NewContext())
        {
            await db.Set<AuditEntry>().ExecuteDeleteAsync();
            await db.Set<AuditHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, 0L).SetProperty(h => h.Hash, AuditChain.GenesisHash));
        }

        (await VerifyAsync(statement)).ShouldBe(new AuditVerification(false, 0, 4, "Audit.Verify.StatementMissing"));
    }

    // A row inserted straight into the table (no writer's MAC) is never sealed, and verification names it.
    [Fact]
    public async Task Seal_ForgedUnsealedRow_NotSealedAndReported()
    {
        await SaveEntriesAsync(2);
        await SealAsync();
        long forgedId;
        await using (var db = NewContext())
        {
            var forged = new AuditEntry { At = AuditChain.Normalize(DateTime.UtcNow), UserName = "admin", Action = "test.forged", EntityType = "Test", EntityId = "1", Summary = "never happened", Mac = new string('0', 64) };
            db.Add(forged);
            await db.SaveChangesAsync();
            forgedId = forged.Id;
        }

        (await SealAsync()).ShouldBe(0);

        (await VerifyAsync()).ShouldBe(new AuditVerification(false, 2, null, "Audit.Verify.Forged", 0, forgedId));
        (await EntriesAsync()).Single(e => e.Id == forgedId).Sequence.ShouldBeNull();
    }

    // Recomputed without the key: the keyed hashes fail; recomputed by someone holding the key: the statement fails.
    [Fact]
    public async Task Verify_ChainRecomputedFromAnEditedEntry_Detected()
    {
        await SaveEntriesAsync(5);
        await SealAsync();
        var statement = await StatementAsync();

        await RecomputeFromAsync(3, "rewritten history", new AuditKey(new byte[32]));
        (await VerifyAsync()).ShouldBe(new AuditVerification(false, 2, 3, "Audit.Verify.Altered"));

        await RecomputeFromAsync(3, "rewritten history", AuditKey.Development);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
        (await VerifyAsync(statement)).ShouldBe(new AuditVerification(false, 5, 5, "Audit.Verify.StatementMismatch"));
    }

    [Fact]
    public async Task Verify_StatementWithAlteredSequence_RefusedAsInvalid()
    {
        await SaveEntriesAsync(3);
        await SealAsync();
        var statement = await StatementAsync();

        (await VerifyAsync(statement)).IsIntact.ShouldBeTrue();
        (await VerifyAsync(AuditHeadStatement.Parse(statement.ToJson())!)).IsIntact.ShouldBeTrue();
        (await VerifyAsync(statement with { Sequence = 2 })).ReasonKey.ShouldBe("Audit.Verify.StatementInvalid");
    }

    [Fact]
    public async Task Seal_EntryWhoseTimeGoesBackwards_RefusedAndReported()
    {
        await SaveEntriesAsync(2);
        await SealAsync();
        long backdatedId;
        await using (var db = NewContext())
        {
            var backdated = new AuditEntry { At = AuditChain.Normalize(DateTime.UtcNow.AddHours(-1)), UserName = "officer", Action = "test.write", EntityType = "Test", EntityId = "9", Summary = "an hour ago" };
            backdated.Mac = AuditChain.ComputeEntryMac(backdated, AuditKey.Development);
            db.Add(backdated);
            await db.SaveChangesAsync();
            backdatedId = backdated.Id;
        }

        (await SealAsync()).ShouldBe(0);

        (await VerifyAsync()).ShouldBe(new AuditVerification(false, 2, null, "Audit.Verify.TimeBackwards", 0, backdatedId));
    }

    [Fact]
    public async Task Seal_OntoAnAlteredTip_RefusedWithoutSealing()
    {
        await SaveEntriesAsync(3);
        await SealAsync();
        await UpdateAsync(3, s => s.SetProperty(e => e.Summary, "rewritten history"));
        await SaveEntriesAsync(1);

        await Should.ThrowAsync<AuditChainBrokenException>(() => SealAsync());

        (await EntriesAsync()).Count(e => e.Sequence == null).ShouldBe(1);
    }

    /// <summary>Two sealers started together (two nodes, or the job and a verification): one waits for the other, and every entry gets exactly one place.</summary>
    [Fact]
    public async Task Seal_TwoSealersAtOnce_EachEntrySealedOnce()
    {
        const int count = 2 * AuditChain.SealBatchSize + 50;
        await SaveEntriesAsync(count);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sealers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await SealAsync();
        })).ToList();
        start.SetResult();
        var counts = await Task.WhenAll(sealers);

        counts.Sum().ShouldBe(count);
        (await EntriesAsync()).Select(e => e.Sequence!.Value).ShouldBe(Enumerable.Range(1, count).Select(n => (long)n));
        (await VerifyAsync()).ShouldBe(new AuditVerification(true, count, null, null, 0));
    }

    /// <summary>Writers saving entries while two sealers run: nobody fails, and a last seal leaves the whole trail chained.</summary>
    [Fact]
    public async Task Seal_WhileWritersSave_EveryEntryChainedOnce()
    {
        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await SaveEntriesAsync(2);
            }
        }));
        var sealers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var total = 0;
            for (var i = 0; i < 10; i++)
            {
                total += await SealAsync();
            }

            return total;
        }));

        await Task.WhenAll(writers);
        var sealedMeanwhile = (await Task.WhenAll(sealers)).Sum();
        var sealedLast = await SealAsync();

        (sealedMeanwhile + sealedLast).ShouldBe(400);
        (await VerifyAsync()).ShouldBe(new AuditVerification(true, 400, null, null, 0));
    }

    [Fact]
    public async Task Seal_InsideATransaction_Refused()
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => AuditChain.SealPendingAsync(db, AuditKey.Development, CancellationToken.None));
    }

    protected override AuditDbContext Create(DbContextOptions<AuditDbContext> options) => new(options);

    private async Task SaveEntriesAsync(int count)
    {
        await using var db = NewContext();
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry
            {
                At = AuditChain.Normalize(DateTime.UtcNow),
                UserId = "officer",
                UserName = "officer@test.local",
                Action = "test.write",
                EntityType = "Test",
                EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Summary = $"entry {i} of {count}",
            };
            entry.Mac = AuditChain.ComputeEntryMac(entry, AuditKey.Development);
            db.Set<AuditEntry>().Add(entry);
        }

        await db.SaveChangesAsync();
    }

    private async Task<int> SealAsync()
    {
        await using var db = NewContext();
        return await AuditChain.SealPendingAsync(db, AuditKey.Development, CancellationToken.None);
    }

    private async Task<AuditVerification> VerifyAsync(AuditHeadStatement? statement = null)
    {
        await using var db = NewContext();
        return await AuditChain.VerifyAsync(db, AuditKey.Development, CancellationToken.None, statement);
    }

    private async Task<AuditHeadStatement> StatementAsync()
    {
        await using var db = NewContext();
        return await AuditChain.StateHeadAsync(db, AuditKey.Development, DateTime.UtcNow, CancellationToken.None);
    }

    /// <summary>Edits the entry at <paramref name="sequence"/> and recomputes every hash from it on, and the head, under <paramref name="key"/>.</summary>
    private async Task RecomputeFromAsync(long sequence, string summary, AuditKey key)
    {
        await using var db = NewContext();
        var entries = await db.Set<AuditEntry>().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries.Single(e => e.Sequence == sequence - 1).Hash!;
        foreach (var entry in entries.Where(e => e.Sequence >= sequence))
        {
            if (entry.Sequence == sequence)
            {
                entry.Summary = summary;
            }

            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(entry, key);
            previous = entry.Hash;
        }

        await db.SaveChangesAsync();
        await db.Set<AuditHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, previous));
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = NewContext();
        return await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<(long Sequence, string Hash)> HeadAsync()
    {
        await using var db = NewContext();
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync();
        return (head.Sequence, head.Hash);
    }

    private async Task UpdateAsync(long sequence, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AuditEntry>> setters)
    {
        await using var db = NewContext();
        (await db.Set<AuditEntry>().Where(e => e.Sequence == sequence).ExecuteUpdateAsync(setters)).ShouldBe(1);
    }

    /// <summary>Only the audit tables, configured as the application configures them.</summary>
    public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
            modelBuilder.ApplyConfiguration(new AuditHeadConfiguration());
        }
    }
}

public sealed class AuditSealingTestsOnSqlite() : AuditSealingTests(DatabaseKind.Sqlite);

public sealed class AuditSealingTestsOnPostgreSql() : AuditSealingTests(DatabaseKind.PostgreSql);
