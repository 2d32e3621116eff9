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
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            entry.UserId ?? "",
            entry.UserName,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Summary,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Microsecond precision, UTC: what both SQLite and PostgreSQL give back.</summary>
    public static DateTime Normalize(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>
    /// Links the context's new entries onto the chain. Must run inside the transaction that saves them:
    /// the no-op update takes a write lock on the head row (PostgreSQL row lock, SQLite database lock),
    /// so two writers can never both extend the same tip.
    /// </summary>
    public static async Task SealAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        if (added.Count == 0)
        {
            return;
        }

        var heads = db.Set<AuditHead>();
        await heads.Where(h => h.Id == AuditHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), cancellationToken);
        var head = await heads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);

        var sequence = head.Sequence;
        var previous = head.Hash;
        foreach (var entry in added)
        {
            entry.Sequence = ++sequence;
            entry.At = Normalize(entry.At);
            entry.PreviousHash = previous;
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
        }

        await heads.Where(h => h.Id == AuditHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, previous), cancellationToken);
    }

    /// <summary>Walks the whole chain; streams rows so a long chain does not sit in memory.</summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        long expected = 0;
        var previous = GenesisHash;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            expected++;
            if (entry.Sequence != expected)
            {
                return AuditVerification.Broken(expected, "Audit.Verify.Missing", expected - 1);
            }

            if (entry.PreviousHash != previous)
            {
                return AuditVerification.Broken(entry.Sequence, "Audit.Verify.LinkBroken", expected - 1);
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return AuditVerification.Broken(entry.Sequence, "Audit.Verify.Altered", expected - 1);
            }

            previous = entry.Hash;
        }

        if (head.Sequence != expected || head.Hash != previous)
        {
            return AuditVerification.Broken(expected + 1, "Audit.Verify.TailMissing", expected);
        }

        return new AuditVerification(true, expected, null, null);
    }
}

/// <summary>Outcome of a chain walk: where it first breaks and why (a localization key).</summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, long? BrokenAt, string? ReasonKey)
{
    internal static AuditVerification Broken(long at, string reasonKey, long verified) => new(false, verified, at, reasonKey);
}
