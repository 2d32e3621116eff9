using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Registry.Core.Data;

namespace Registry.Core.Auditing;

/// <summary>
/// Hashing, sealing and verification of the audit chain. Every hash is an HMAC-SHA256 under the <see cref="AuditKey"/>
/// (configuration, not the database), so whoever can write the tables can neither seal a forged entry nor recompute the
/// chain after an edit; a signed statement of the head (<see cref="AuditHeadStatement"/>) kept outside the database
/// reveals a truncated, wiped or recomputed chain.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// How far an entry's time may lie before its predecessor's: entries are sealed in commit order and a long transaction
    /// commits an earlier time after a shorter one; beyond this, the time is taken as going backwards and refused.
    /// </summary>
    public static readonly TimeSpan DefaultClockTolerance = TimeSpan.FromMinutes(10);

    /// <summary>The chain hash of a sealed entry; the timestamp is cut to microseconds so it survives every provider's round trip.</summary>
    public static string ComputeHash(AuditEntry entry, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        Span<char> sequence = stackalloc char[20];
        var number = entry.Sequence ?? throw new InvalidOperationException($"Audit entry {entry.Id} is not sealed.");
        number.TryFormat(sequence, out var digits, provider: CultureInfo.InvariantCulture);
        return key.Mac(MacInput(entry, sequence[..digits], entry.PreviousHash ?? ""));
    }

    /// <summary>
    /// A new, unsealed entry with its writer's MAC, as <see cref="IAuditTrail.Record"/> saves it; for bulk writers that
    /// insert entries themselves (<see cref="Data.BulkInsert"/>) instead of adding them to the context.
    /// </summary>
    public static AuditEntry NewEntry(DateTime at, string? userId, string userName, string action, string entityType, string entityId, string summary, AuditKey key)
    {
        var entry = new AuditEntry
        {
            At = Normalize(at),
            UserId = userId,
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
        };
        entry.Mac = ComputeEntryMac(entry, key);
        return entry;
    }

    /// <summary>The writer's MAC over the entry's content, set when it is recorded and checked before it is sealed.</summary>
    public static string ComputeEntryMac(AuditEntry entry, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        return key.Mac(MacInput(entry, "entry", suffix: null));
    }

    /// <summary>
    /// The UTF-8 of the prefix and the entry's content (time to microseconds, user id, user name, action, entity type,
    /// entity id, summary), each part followed by <c>\u001f</c> but the last, then <c>\u001f</c> and the suffix when there is one:
    /// what an entry's writer MAC (prefix <c>entry</c>) and its chain hash (prefix the sequence, suffix the previous
    /// hash) cover. Written part by part into a reused buffer instead of joined strings (an import records and seals an
    /// entry per row). The separators keep every part whole, so no surrogate pair spans two parts.
    /// </summary>
    private static ReadOnlySpan<byte> MacInput(AuditEntry entry, ReadOnlySpan<char> prefix, string? suffix)
    {
        Span<char> at = stackalloc char[40];
        if (!entry.At.TryFormat(at, out var atLength, "yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("An audit entry's time did not format.");
        }

        ReadOnlySpan<char> userId = entry.UserId, userName = entry.UserName, action = entry.Action, entityType = entry.EntityType, entityId = entry.EntityId, summary = entry.Summary, after = suffix;
        var most = Encoding.UTF8.GetMaxByteCount(prefix.Length + atLength + userId.Length + userName.Length + action.Length + entityType.Length + entityId.Length + summary.Length + after.Length) + 8;
        var buffer = MacBuffer;
        if (buffer is null || buffer.Length < most)
        {
            MacBuffer = buffer = new byte[Math.Max(most, 4096)];
        }

        var length = 0;
        void Append(ReadOnlySpan<char> part, bool last = false)
        {
            length += Encoding.UTF8.GetBytes(part, buffer.AsSpan(length));
            if (!last)
            {
                buffer[length++] = 0x1f;
            }
        }

        Append(prefix);
        Append(at[..atLength]);
        Append(userId);
        Append(userName);
        Append(action);
        Append(entityType);
        Append(entityId);
        Append(summary, last: suffix is null);
        if (suffix is not null)
        {
            Append(suffix, last: true);
        }

        return buffer.AsSpan(0, length);
    }

    [ThreadStatic]
    private static byte[]? MacBuffer;

    /// <summary>Microsecond precision, UTC: what both SQLite and PostgreSQL give back.</summary>
    public static DateTime Normalize(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>Entries linked per transaction by <see cref="SealPendingAsync"/>.</summary>
    public const int SealBatchSize = 500;

    /// <summary>SQLite page cache while a batch is sealed (SQLite's default, 2 MiB, is kept).</summary>
    private const int SealCacheMebibytes = 2;

    /// <summary>
    /// Links every entry that was pending when the call started onto the chain, in batches of <see cref="SealBatchSize"/>,
    /// each in its own transaction; returns how many this call sealed. Business transactions only insert entries (unsealed),
    /// so they never wait on each other here: only sealers take the head row's write lock (PostgreSQL row lock, SQLite
    /// database lock), and a second sealer waits for the first, then finds those entries sealed and links the rest.
    /// <para>
    /// Each batch first checks the tip (the head names an entry whose keyed hash holds) and refuses to seal onto a broken
    /// one (<see cref="AuditChainBrokenException"/>); a full walk is <see cref="VerifyAsync"/>, which verification runs before
    /// sealing. A pending entry without a valid writer's MAC, or whose time lies more than <paramref name="clockTolerance"/>
    /// before its predecessor's, is left unsealed and reported by <see cref="VerifyAsync"/>.
    /// </para>
    /// <para>
    /// Commit order: ids are handed out at insert, but a transaction holding a lower id may commit after one holding a
    /// higher id. The sealer keeps no "sealed up to id N" watermark, so it cannot skip such an entry: each batch takes the
    /// entries still pending (<c>Sequence IS NULL</c>) that it can see, by id, and a late committer is simply sealed by a
    /// later batch. The chain's order is therefore the sealing order (by id within a batch), not strictly id order.
    /// </para>
    /// </summary>
    public static async Task<int> SealPendingAsync(DbContext db, AuditKey key, CancellationToken cancellationToken, TimeSpan? clockTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Seal the audit chain outside any business transaction: each batch commits on its own.");
        }

        var upTo = await db.Set<AuditEntry>().Where(e => e.Sequence == null).MaxAsync(e => (long?)e.Id, cancellationToken);
        var total = 0;
        var after = 0L;
        while (upTo is not null)
        {
            var (seen, sealedNow, last) = await SealBatchAsync(db, key, after, upTo.Value, clockTolerance ?? DefaultClockTolerance, cancellationToken);
            total += sealedNow;
            after = last;
            if (seen < SealBatchSize)
            {
                break;
            }
        }

        return total;
    }

    private static async Task<(int Seen, int Sealed, long LastId)> SealBatchAsync(DbContext db, AuditKey key, long after, long upTo, TimeSpan clockTolerance, CancellationToken cancellationToken)
    {
        // Each UPDATE of an entry journals the pages it changes; on SQLite the journals then stay in memory, not in files.
        await using var bulk = await db.SqliteBulkWriteAsync(SealCacheMebibytes, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var heads = db.Set<AuditHead>();
        await heads.Where(h => h.Id == AuditHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), cancellationToken);
        var head = await heads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        DateTime? previousAt = null;
        if (head.Sequence > 0)
        {
            var tip = await db.Set<AuditEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == head.Sequence, cancellationToken);
            if (tip is null || tip.Hash != head.Hash || ComputeHash(tip, key) != tip.Hash)
            {
                throw new AuditChainBrokenException(head.Sequence);
            }

            previousAt = tip.At;
        }

        var pending = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Sequence == null && e.Id > after && e.Id <= upTo)
            .OrderBy(e => e.Id)
            .Take(SealBatchSize)
            .ToListAsync(cancellationToken);

        var sequence = head.Sequence;
        var previous = head.Hash;
        var linked = new List<AuditEntry>(pending.Count);
        foreach (var entry in pending)
        {
            if (Rejection(entry, key, previousAt, clockTolerance) is not null)
            {
                continue;
            }

            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = ComputeHash(entry, key);
            previous = entry.Hash;
            previousAt = entry.At;
            linked.Add(entry);
        }

        if (linked.Count > 0)
        {
            await WriteSealsAsync(db, linked, cancellationToken);
            await heads.Where(h => h.Id == AuditHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, previous), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // The entries were read without tracking; copies the caller's context tracks (recorded in it) would now be stale.
        var sealedIds = linked.Select(e => e.Id).ToHashSet();
        foreach (var stale in db.ChangeTracker.Entries<AuditEntry>().Where(e => sealedIds.Contains(e.Entity.Id)).ToList())
        {
            stale.State = EntityState.Detached;
        }

        return (pending.Count, linked.Count, pending.Count > 0 ? pending[^1].Id : after);
    }

    /// <summary>
    /// Writes the linked entries' sequence and hashes inside the sealer's transaction: one UPDATE per entry, sent as one
    /// batch where the provider takes many commands in one round trip (PostgreSQL), else one prepared command executed
    /// per entry (SQLite, in process). SaveChanges' change tracking and interceptors were most of the sealing's CPU
    /// (200,000 imported entries took longer to seal than to import). Each UPDATE also requires the entry still pending;
    /// any other count rolls the batch back.
    /// </summary>
    private static async Task WriteSealsAsync(DbContext db, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var names = StoreNames.Of(db, typeof(AuditEntry));
        var update = $"UPDATE {names.Table} SET {names.Column(nameof(AuditEntry.Sequence))} = @sequence, "
            + $"{names.Column(nameof(AuditEntry.PreviousHash))} = @previous, {names.Column(nameof(AuditEntry.Hash))} = @hash "
            + $"WHERE {names.Column(nameof(AuditEntry.Id))} = @id AND {names.Column(nameof(AuditEntry.Sequence))} IS NULL";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        static void Bind(System.Data.Common.DbParameterCollection parameters, Func<System.Data.Common.DbParameter> create, AuditEntry entry)
        {
            foreach (var (name, value) in new (string, object)[] { ("sequence", entry.Sequence!.Value), ("previous", entry.PreviousHash!), ("hash", entry.Hash!), ("id", entry.Id) })
            {
                var parameter = create();
                parameter.ParameterName = name;
                parameter.Value = value;
                parameters.Add(parameter);
            }
        }

        var written = 0;
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var entry in entries)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = update;
                Bind(command.Parameters, command.CreateParameter, entry);
                batch.BatchCommands.Add(command);
            }

            written = await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = update;
            Bind(command.Parameters, command.CreateParameter, entries[0]);
            await command.PrepareAsync(cancellationToken);
            foreach (var entry in entries)
            {
                command.Parameters["sequence"].Value = entry.Sequence!.Value;
                command.Parameters["previous"].Value = entry.PreviousHash!;
                command.Parameters["hash"].Value = entry.Hash!;
                command.Parameters["id"].Value = entry.Id;
                written += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (written != entries.Count)
        {
            throw new InvalidOperationException($"Sealing wrote {written} audit entries of {entries.Count}: another writer changed pending entries during the batch.");
        }
    }

    /// <summary>Why a pending entry may not be sealed (a localization key), or null.</summary>
    private static string? Rejection(AuditEntry entry, AuditKey key, DateTime? previousAt, TimeSpan clockTolerance) =>
        !key.Verify(MacInput(entry, "entry", suffix: null), entry.Mac) ? "Audit.Verify.Forged"
        : previousAt is { } before && entry.At < before - clockTolerance ? "Audit.Verify.TimeBackwards"
        : null;

    /// <summary>
    /// Walks the sealed chain up to the head read at the start (entries sealed meanwhile are left for the next walk),
    /// checks the pending entries' writer MACs, and, given a <paramref name="statement"/> of an earlier head, that the chain
    /// still holds that head; streams rows so a long chain does not sit in memory. Callers that want every entry so far
    /// covered verify, seal (<see cref="SealPendingAsync"/>) and verify again.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, AuditKey key, CancellationToken cancellationToken, AuditHeadStatement? statement = null, TimeSpan? clockTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        var tolerance = clockTolerance ?? DefaultClockTolerance;
        if (statement is not null && !statement.IsSignedWith(key))
        {
            return AuditVerification.Broken(statement.Sequence, "Audit.Verify.StatementInvalid", 0);
        }

        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        long expected = 0;
        var previous = GenesisHash;
        DateTime? previousAt = null;
        string? statedHash = statement?.Sequence == 0 ? GenesisHash : null;
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

            if (ComputeHash(entry, key) != entry.Hash)
            {
                return AuditVerification.Broken(expected, "Audit.Verify.Altered", expected - 1);
            }

            if (previousAt is { } before && entry.At < before - tolerance)
            {
                return AuditVerification.Broken(expected, "Audit.Verify.TimeBackwards", expected - 1);
            }

            if (statement?.Sequence == expected)
            {
                statedHash = entry.Hash;
            }

            previous = entry.Hash;
            previousAt = entry.At;
        }

        if (head.Sequence != expected || head.Hash != previous)
        {
            return AuditVerification.Broken(expected + 1, "Audit.Verify.TailMissing", expected);
        }

        if (statement is not null && statedHash is null)
        {
            return AuditVerification.Broken(statement.Sequence, "Audit.Verify.StatementMissing", expected);
        }

        if (statement is not null && statedHash != statement.Hash)
        {
            return AuditVerification.Broken(statement.Sequence, "Audit.Verify.StatementMismatch", expected);
        }

        var pending = 0;
        var pendingEntries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == null).OrderBy(e => e.Id);
        await foreach (var entry in pendingEntries.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (Rejection(entry, key, previousAt, tolerance) is { } reason)
            {
                return new AuditVerification(false, expected, null, reason, pending, entry.Id);
            }

            pending++;
        }

        return new AuditVerification(true, expected, null, null, pending);
    }

    /// <summary>A signed statement of the current head, for the administrator to keep outside the database.</summary>
    public static async Task<AuditHeadStatement> StateHeadAsync(DbContext db, AuditKey key, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        return AuditHeadStatement.Issue(head.Sequence, head.Hash, now, key);
    }
}

/// <summary>The sealer found the chain's tip broken (the head names no entry, or one whose keyed hash fails) and sealed nothing.</summary>
public sealed class AuditChainBrokenException(long sequence)
    : InvalidOperationException($"The audit chain's tip (entry {sequence}) does not verify; nothing was sealed. Run verify-audit.");

/// <summary>
/// Where the chain stood at <see cref="IssuedAt"/>: its head's sequence and hash, signed with the chain key. Kept outside
/// the database, it lets a later verification prove the chain still contains that head.
/// </summary>
public sealed record AuditHeadStatement(long Sequence, string Hash, DateTime IssuedAt, string Mac)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    public static AuditHeadStatement Issue(long sequence, string hash, DateTime issuedAt, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = AuditChain.Normalize(issuedAt);
        return new AuditHeadStatement(sequence, hash, at, key.Mac(Canonical(sequence, hash, at)));
    }

    public bool IsSignedWith(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Verify(Canonical(Sequence, Hash, AuditChain.Normalize(IssuedAt)), Mac);
    }

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    /// <summary>The statement in <paramref name="json"/>, or null when it is not one.</summary>
    public static AuditHeadStatement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var statement = System.Text.Json.JsonSerializer.Deserialize<AuditHeadStatement>(json, Json);
            return statement is { Hash: not null, Mac: not null } ? statement with { IssuedAt = DateTime.SpecifyKind(statement.IssuedAt.ToUniversalTime(), DateTimeKind.Utc) } : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Canonical(long sequence, string hash, DateTime at) =>
        string.Join('\u001f', "registry-audit-head", sequence.ToString(CultureInfo.InvariantCulture), hash, at.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
}

/// <summary>
/// Outcome of a chain walk: where it first breaks and why (a localization key), how many entries were still waiting
/// to be sealed (not yet covered by the chain; counted only when the chain is intact), and the id of a pending entry
/// the sealer refuses (forged, or its time going backwards).
/// </summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, long? BrokenAt, string? ReasonKey, int PendingEntries = 0, long? RefusedEntryId = null)
{
    internal static AuditVerification Broken(long at, string reasonKey, long verified) => new(false, verified, at, reasonKey);
}
