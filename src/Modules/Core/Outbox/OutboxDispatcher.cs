using System.Collections.Concurrent;
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

    /// <summary>At most this many messages handled per consumer and pass (then the next consumer has its turn).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>At most this many messages looked at per consumer and pass; those of topics it does not take are passed over unread.</summary>
    public int ScanSize { get; set; } = 5_000;

    /// <summary>
    /// A gap in ids may be a transaction that has not committed yet (PostgreSQL hands out ids before commit);
    /// wait this long before treating it as rolled back, so no event is skipped.
    /// </summary>
    public TimeSpan GapGrace { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Feeds every consumer from its checkpoint; resumes there after a crash. A per-node consumer's position lives in this
/// process only: what it keeps (a cache) starts empty with the process, so it reads the feed from the process's start on,
/// not the whole feed again at every start (a million events after a register import took every start about ten seconds).
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : PollingService(clock, logger)
{
    private readonly DateTime _startedAt = clock.GetUtcNow().UtcDateTime;

    private readonly ConcurrentDictionary<string, long> _nodePositions = new(StringComparer.Ordinal);

    /// <summary>Where per-node consumers start in this process; found on the first pass (-1 until then).</summary>
    private long _nodeStart = -1;

    protected override TimeSpan Pause => options.Value.PollInterval;

    protected override async Task<bool> PassAsync(CancellationToken cancellationToken) => (await PassOverAllAsync(cancellationToken)).More;

    /// <summary>One pass over all consumers; returns how many messages were handled.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken) => (await PassOverAllAsync(cancellationToken)).Handled;

    /// <summary>One pass; <c>More</c> when a consumer stopped at its batch's end with the feed going on (e.g. after a large import).</summary>
    private async Task<(int Handled, bool More)> PassOverAllAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var consumerNames = scope.ServiceProvider.GetServices<IOutboxConsumer>().Select(c => (c.Name, c.PerNode)).ToList();
        var handled = 0;
        var more = false;
        foreach (var (name, perNode) in consumerNames)
        {
            var pass = await DispatchConsumerAsync(name, perNode, cancellationToken);
            handled += pass.Handled;
            more |= pass.More;
        }

        return (handled, more);
    }

    private async Task<(int Handled, bool More)> DispatchConsumerAsync(string consumerName, bool perNode, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbContext>();
        var consumer = services.GetServices<IOutboxConsumer>().Single(c => c.Name == consumerName);
        if (!perNode && !await services.GetRequiredService<IJobLeases>().TryAcquireAsync("outbox:" + consumerName, TimeSpan.FromMinutes(1), cancellationToken))
        {
            return (0, false);
        }

        OutboxCheckpoint checkpoint;
        var stored = false;
        if (perNode)
        {
            // Never attached to the context: saved to this process's positions below.
            checkpoint = new OutboxCheckpoint
            {
                Consumer = consumerName,
                LastId = _nodePositions.TryGetValue(consumerName, out var position) ? position : await NodeStartAsync(db, cancellationToken),
            };
        }
        else
        {
            var found = await db.Set<OutboxCheckpoint>().SingleOrDefaultAsync(c => c.Consumer == consumerName, cancellationToken);
            stored = found is not null;
            checkpoint = found ?? db.Add(new OutboxCheckpoint { Consumer = consumerName }).Entity;
        }

        // Saves the checkpoint with whatever the handler left tracked, re-attaching it if a handler cleared the tracker.
        async Task SaveAsync()
        {
            if (perNode)
            {
                if (db.ChangeTracker.HasChanges())
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                _nodePositions[consumerName] = checkpoint.LastId;
                return;
            }

            if (db.Entry(checkpoint).State == EntityState.Detached)
            {
                if (stored)
                {
                    db.Update(checkpoint);
                }
                else
                {
                    db.Add(checkpoint);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            stored = true;
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var batchConsumer = consumer as IOutboxBatchConsumer;
        var slice = await OutboxFeed.ReadWantedAsync(db, checkpoint.LastId, consumer.Accepts, batchConsumer is null ? settings.BatchSize : settings.ScanSize, settings.ScanSize, settings.GapGrace, now, cancellationToken);
        var messages = slice.Messages;
        if (batchConsumer is not null && messages.Count > 0)
        {
            try
            {
                await batchConsumer.HandleBatchAsync(messages, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                throw;
            }

            checkpoint.LastId = messages[^1].Id;
            checkpoint.UpdatedAt = now;
            messages = [];
        }

        foreach (var message in messages)
        {
            try
            {
                await consumer.HandleAsync(message, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep the position up to the message before (not yet saved if those needed nothing), drop what the failing
                // one left half done, and try it again on the next pass: a failure replays that message only.
                db.ChangeTracker.Clear();
                await SaveAsync();
                throw;
            }

            checkpoint.LastId = message.Id;
            checkpoint.UpdatedAt = now;
            // Work the handler left tracked commits with the checkpoint, so a crash replays one message, never skips one;
            // a message that needed nothing (most, after a register import) only moves the position, saved below.
            if (db.ChangeTracker.Entries().Any(e => e.Entity != checkpoint && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                await SaveAsync();
            }
        }

        if (slice.Through > checkpoint.LastId)
        {
            checkpoint.LastId = slice.Through;
            checkpoint.UpdatedAt = now;
        }

        if (perNode || !stored || db.ChangeTracker.HasChanges() || db.Entry(checkpoint).State == EntityState.Detached)
        {
            await SaveAsync();
        }

        return (slice.Messages.Count, slice.More);
    }

    /// <summary>
    /// The newest event older than the process's start by <see cref="OutboxOptions.GapGrace"/>: per-node consumers read
    /// from there on, so events whose transactions may still have been committing at the start are read too (again is
    /// harmless: they move a cache on). Read backwards by id, so only the recent events are looked at. Also removes the
    /// per-node rows earlier versions stored (one per consumer and process start, never read again).
    /// </summary>
    private async Task<long> NodeStartAsync(DbContext db, CancellationToken cancellationToken)
    {
        var known = Interlocked.Read(ref _nodeStart);
        if (known >= 0)
        {
            return known;
        }

        await db.Set<OutboxCheckpoint>().Where(c => EF.Functions.Like(c.Consumer, "%@%")).ExecuteDeleteAsync(cancellationToken);
        var settled = _startedAt - options.Value.GapGrace;
        var start = await db.Set<OutboxMessage>().AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Where(m => m.OccurredAt < settled)
            .Select(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        Interlocked.Exchange(ref _nodeStart, start);
        return start;
    }
}
