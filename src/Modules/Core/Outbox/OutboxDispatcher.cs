using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Jobs;

namespace Registry.Core.Outbox;

/// <summary>Tuning for the change-feed dispatcher.</summary>
public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// A gap in ids may be a transaction that has not committed yet (PostgreSQL hands out ids before commit);
    /// wait this long before treating it as rolled back, so no event is skipped.
    /// </summary>
    public TimeSpan GapGrace { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Feeds every consumer from its checkpoint; resumes there after a crash.</summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    NodeIdentity node,
    ILogger<OutboxDispatcher> logger) : PollingService(clock, logger)
{
    protected override TimeSpan Pause => options.Value.PollInterval;

    protected override async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        await DispatchOnceAsync(cancellationToken);
        return false;
    }

    /// <summary>One pass over all consumers; returns how many messages were handled.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var consumerNames = scope.ServiceProvider.GetServices<IOutboxConsumer>().Select(c => (c.Name, c.PerNode)).ToList();
        var handled = 0;
        foreach (var (name, perNode) in consumerNames)
        {
            handled += await DispatchConsumerAsync(name, perNode, cancellationToken);
        }

        return handled;
    }

    private async Task<int> DispatchConsumerAsync(string consumerName, bool perNode, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbContext>();
        var consumer = services.GetServices<IOutboxConsumer>().Single(c => c.Name == consumerName);
        var checkpointName = perNode ? $"{consumerName}@{node.Id}" : consumerName;
        if (!perNode && !await services.GetRequiredService<IJobLeases>().TryAcquireAsync("outbox:" + consumerName, TimeSpan.FromMinutes(1), cancellationToken))
        {
            return 0;
        }

        var checkpoint = await db.Set<OutboxCheckpoint>().SingleOrDefaultAsync(c => c.Consumer == checkpointName, cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new OutboxCheckpoint { Consumer = checkpointName };
            db.Add(checkpoint);
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var handled = 0;
        foreach (var message in await OutboxFeed.ReadAsync(db, checkpoint.LastId, options.Value.BatchSize, options.Value.GapGrace, now, cancellationToken))
        {
            if (consumer.Accepts(message.Topic))
            {
                await consumer.HandleAsync(message, cancellationToken);
                handled++;
            }

            checkpoint.LastId = message.Id;
            checkpoint.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return handled;
    }
}
