using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Auditing;

/// <summary>Hashing, sealing and verification of the audit chain.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash of an entry; the timestamp is cut to microseconds so it survives every provider's round trip.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join(
            '\u001f',
            (entry.Sequence ?? throw new InvalidOperationException($"Audit entry {entry.Id} is not sealed.")).ToString(CultureInfo.InvariantCulture),
            entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            entry.UserId ?? "",
            entry.UserName,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Summary,
            entry.PreviousHash ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Microsecond precision, UTC: what both SQLite and PostgreSQL give back.</summary>
    public static DateTime Normalize(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>Entries linked per transaction by <see cref="SealPendingAsync"/>.</summary>
    public const int SealBatchSize = 500;

    /// <summary>
    /// Links every entry that was pending when the call started onto the chain, in batches of <see cref="SealBatchSize"/>,
    /// each in its own transaction; returns how many this call sealed. Business transactions only insert entries (unsealed),
    /// so they never wait on each other here: only sealers take the head row's write lock (PostgreSQL row lock, SQLite
    /// database lock), and a second sealer waits for the first, then finds those entries sealed and links the rest.
    /// <para>
    /// Commit order: ids are handed out at insert, but a transaction holding a lower id may commit after one holding a
    /// higher id. The sealer keeps no "sealed up to id N" watermark, so it cannot skip such an entry: each batch takes the
    /// entries still pending (<c>Sequence IS NULL</c>) that it can see, by id, and a late committer is simply sealed by a
    /// later batch. The chain's order is therefore the sealing order (by id within a batch), not strictly id order, which
    /// costs nothing and needs no settle delay: the guarantee is a gap-free sequence, each entry hashed with its
    /// predecessor's hash, and the head holding the tip.
    /// </para>
    /// </summary>
    public static async Task<int> SealPendingAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Seal the audit chain outside any business transaction: each batch commits on its own.");
        }

        var upTo = await db.Set<AuditEntry>().Where(e => e.Sequence == null).MaxAsync(e => (long?)e.Id, cancellationToken);
        var total = 0;
        while (upTo is not null)
        {
            var sealedNow = await SealBatchAsync(db, upTo.Value, cancellationToken);
            total += sealedNow;
            if (sealedNow < SealBatchSize)
            {
                break;
            }
        }

        return total;
    }

    private static async Task<int> SealBatchAsync(DbContext db, long upTo, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var heads = db.Set<AuditHead>();
        await heads.Where(h => h.Id == AuditHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), cancellationToken);
        var head = await heads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        var pending = await db.Set<AuditEntry>()
            .Where(e => e.Sequence == null && e.Id <= upTo)
            .OrderBy(e => e.Id)
            .Take(SealBatchSize)
            .ToListAsync(cancellationToken);

        var sequence = head.Sequence;
        var previous = head.Hash;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
        }

        if (pending.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await heads.Where(h => h.Id == AuditHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, previous), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var entry in pending)
        {
            db.Entry(entry).State = EntityState.Detached;
        }

        return pending.Count;
    }

    /// <summary>
    /// Walks the sealed chain up to the head read at the start (entries sealed meanwhile are left for the next walk), and
    /// counts the entries still waiting to be sealed; streams rows so a long chain does not sit in memory. Callers that
    /// want every entry so far covered seal first (<see cref="SealPendingAsync"/>).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        long expected = 0;
        var previous = GenesisHash;
        var chain = db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence != null && e.Sequence <= head.Sequence).OrderBy(e => e.Sequence);
        await foreach (var entry in chain.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            expected++;
            if (entry.Sequence != expected)
            {
                return AuditVerification.Broken(expected, "Audit.Verify.Missing", expected - 1);
            }

            if (entry.PreviousHash != previous)
            {
                return AuditVerification.Broken(expected, "Audit.Verify.LinkBroken", expected - 1);
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return AuditVerification.Broken(expected, "Audit.Verify.Altered", expected - 1);
            }

            previous = entry.Hash;
        }

        if (head.Sequence != expected || head.Hash != previous)
        {
            return AuditVerification.Broken(expected + 1, "Audit.Verify.TailMissing", expected);
        }

        var pending = await db.Set<AuditEntry>().CountAsync(e => e.Sequence == null, cancellationToken);
        return new AuditVerification(true, expected, null, null, pending);
    }
}

/// <summary>
/// Outcome of a chain walk: where it first breaks and why (a localization key), and how many entries were still waiting
/// to be sealed (not yet covered by the chain; counted only when the chain is intact).
/// </summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, long? BrokenAt, string? ReasonKey, int PendingEntries = 0)
{
    internal static AuditVerification Broken(long at, string reasonKey, long verified) => new(false, verified, at, reasonKey);
}
