using System.Text.Json;

namespace Registry.Core.Outbox;

/// <summary>An event in the change feed, written in the same transaction as the change it describes.</summary>
public sealed class OutboxMessage
{
    /// <summary>Monotonic; consumers remember the last one they finished.</summary>
    public long Id { get; set; }

    public string Topic { get; set; } = "";

    /// <summary>JSON.</summary>
    public string Payload { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    /// <summary>
    /// The event <see cref="IOutbox.Publish"/> saves; for bulk writers that insert events themselves
    /// (<see cref="Data.BulkInsert"/>) instead of adding them to the context.
    /// </summary>
    public static OutboxMessage Of<T>(string topic, T payload, DateTime occurredAt) => new()
    {
        Topic = topic,
        Payload = JsonSerializer.Serialize(payload),
        OccurredAt = occurredAt,
    };
}

/// <summary>How far one consumer has read the feed.</summary>
public sealed class OutboxCheckpoint
{
    public string Consumer { get; set; } = "";

    public long LastId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
