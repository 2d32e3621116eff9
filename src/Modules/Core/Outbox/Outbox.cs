using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Outbox;

/// <summary>Publishes change-feed events; they commit (or roll back) with the caller's SaveChanges.</summary>
public interface IOutbox
{
    void Publish<T>(string topic, T payload);
}

/// <summary>Reads the change feed. Handlers should be idempotent: a crash between work and checkpoint replays one message.</summary>
public interface IOutboxConsumer
{
    /// <summary>Checkpoint name.</summary>
    string Name { get; }

    /// <summary>
    /// Per-node consumers keep what they handle in their process (a cache they move on) and run on every node, reading
    /// the feed from their process's start; their position is not stored. Others run on one node at a time under a
    /// lease, from their stored checkpoint. A reader that keeps a durable copy of its own (a local search index) records
    /// its position with that copy instead (see <see cref="OutboxFeed"/>).
    /// </summary>
    bool PerNode { get; }

    bool Accepts(string topic);

    /// <summary>Database work done here is saved in the same transaction as the checkpoint.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A consumer that takes a pass's messages together (one query for the organizations of many events, not one each): what
/// it leaves tracked commits with the checkpoint after the batch, and a failure replays the batch (handlers are idempotent).
/// </summary>
public interface IOutboxBatchConsumer : IOutboxConsumer
{
    Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    Task IOutboxConsumer.HandleAsync(OutboxMessage message, CancellationToken cancellationToken) => HandleBatchAsync([message], cancellationToken);
}

internal sealed class EfOutbox(DbContext db, TimeProvider clock) : IOutbox
{
    public void Publish<T>(string topic, T payload)
    {
        db.Set<OutboxMessage>().Add(OutboxMessage.Of(topic, payload, clock.GetUtcNow().UtcDateTime));
    }
}
