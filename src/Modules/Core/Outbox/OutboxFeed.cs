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
        var safe = new List<OutboxMessage>(batch.Count);
        var expected = afterId + 1;
        foreach (var message in batch)
        {
            if (message.Id != expected && now - message.OccurredAt < gapGrace)
            {
                break;
            }

            safe.Add(message);
            expected = message.Id + 1;
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
