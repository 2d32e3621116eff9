using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Outbox;

/// <summary>Reads the change feed safely for any reader that keeps its own position (a checkpoint row, a search index's commit).</summary>
public static class OutboxFeed
{
    /// <summary>
    /// Messages after <paramref name="afterId"/>, in order, stopping at a gap in ids that is younger than <paramref name="gapGrace"/>:
    /// PostgreSQL hands out ids before commit, so a gap may be a transaction still committing, and skipping it would lose it.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ReadAsync(DbContext db, long afterId, int batchSize, TimeSpan gapGrace, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var batch = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Id > afterId)
            .OrderBy(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        return UpToGap(batch, afterId, gapGrace, now, m => m.Id, m => m.OccurredAt);
    }

    /// <summary>
    /// For a reader that wants few topics: the messages after <paramref name="afterId"/> whose topic it <paramref name="wants"/>
    /// (at most <paramref name="take"/>), looking at no more than <paramref name="scan"/> messages and loading the payloads of the
    /// wanted ones only (a register import writes an event per organization). Gaps are treated as in <see cref="ReadAsync"/>.
    /// </summary>
    public static async Task<FeedSlice> ReadWantedAsync(DbContext db, long afterId, Func<string, bool> wants, int take, int scan, TimeSpan gapGrace, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(wants);
        var headers = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Id > afterId)
            .OrderBy(m => m.Id)
            .Take(scan)
            .Select(m => new { m.Id, m.Topic, m.OccurredAt })
            .ToListAsync(cancellationToken);
        var wanted = new List<long>();
        var through = afterId;
        var full = false;
        foreach (var header in UpToGap(headers, afterId, gapGrace, now, h => h.Id, h => h.OccurredAt))
        {
            if (wants(header.Topic))
            {
                if (wanted.Count == take)
                {
                    full = true;
                    break;
                }

                wanted.Add(header.Id);
            }

            through = header.Id;
        }

        // One array parameter for up to `scan` ids: EF's default of a parameter per id made SQLite bind every parameter by
        // name against every other (after a register import, draining a batch consumer's 5,000 ids a pass took most of a core).
        var messages = wanted.Count == 0
            ? []
            : await db.Set<OutboxMessage>().AsNoTracking().Where(m => EF.Parameter(wanted).Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return new FeedSlice(messages, through, full || headers.Count == scan);
    }

    private static List<T> UpToGap<T>(List<T> batch, long afterId, TimeSpan gapGrace, DateTime now, Func<T, long> id, Func<T, DateTime> occurredAt)
    {
        var safe = new List<T>(batch.Count);
        var expected = afterId + 1;
        foreach (var message in batch)
        {
            if (id(message) != expected && now - occurredAt(message) < gapGrace)
            {
                break;
            }

            safe.Add(message);
            expected = id(message) + 1;
        }

        return safe;
    }

    /// <summary>The newest id now in the feed (0 when empty): a rebuilt reader starts after it.</summary>
    public static async Task<long> HeadAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<OutboxMessage>().Select(m => (long?)m.Id).MaxAsync(cancellationToken) ?? 0;
    }
}

/// <summary>
/// What <see cref="OutboxFeed.ReadWantedAsync"/> read: the wanted messages in order, the position a reader may move to once
/// it has handled them all, and whether more may follow at once.
/// </summary>
public sealed record FeedSlice(IReadOnlyList<OutboxMessage> Messages, long Through, bool More);
