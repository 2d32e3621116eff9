using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Outbox;
using Registry.Testing;

namespace Registry.Core.Tests.Outbox;

/// <summary>
/// A per-node consumer (a cache it moves on) reads the change feed from its process's start, not the whole feed again at
/// every start, and leaves no position behind in the database; on a real database of each provider.
/// </summary>
public abstract class PerNodeConsumerTests(DatabaseKind kind) : OwnDatabaseTests<PerNodeConsumerTests.FeedDbContext>(kind)
{
    private static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task NewProcess_ReadsFromItsStartOnly_KeepsItsPositionInMemory_AndRemovesStoredNodeRows()
    {
        var now = DateTime.UtcNow;
        var history = await PublishAsync(now.AddHours(-1), 3);
        // Published just before the start: its transaction may still have been committing, so it is read (again).
        var justBefore = await PublishAsync(now.AddSeconds(-1), 1);
        await using (var db = NewContext())
        {
            db.AddRange(
                new OutboxCheckpoint { Consumer = "cache@vm:41:0123abcd", LastId = 0, UpdatedAt = now.AddDays(-3) },
                new OutboxCheckpoint { Consumer = "durable", LastId = 2, UpdatedAt = now.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        var consumer = new NodeCache();
        await using var services = Services(consumer);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var afterStart = await PublishAsync(DateTime.UtcNow, 2);

        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        consumer.Seen.ShouldBe([.. justBefore, .. afterStart]);
        consumer.Seen.ShouldNotContain(history[0]);
        await using (var db = NewContext())
        {
            (await db.Set<OutboxCheckpoint>().Select(c => c.Consumer).ToListAsync()).ShouldBe(["durable"]);
        }

        var later = await PublishAsync(DateTime.UtcNow, 1);
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        consumer.Seen.ShouldBe([.. justBefore, .. afterStart, .. later]);
    }

    [Fact]
    public async Task EmptyFeed_NewProcess_ReadsEverythingPublishedAfterwards()
    {
        var consumer = new NodeCache();
        await using var services = Services(consumer);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        var published = await PublishAsync(DateTime.UtcNow, 2);
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        consumer.Seen.ShouldBe(published);
    }

    private ServiceProvider Services(NodeCache consumer)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.Configure<OutboxOptions>(o => o.GapGrace = GapGrace);
        services.AddScoped<DbContext>(_ => NewContext());
        services.AddSingleton<IOutboxConsumer>(consumer);
        services.AddSingleton<OutboxDispatcher>();
        return services.BuildServiceProvider();
    }

    private async Task<List<long>> PublishAsync(DateTime occurredAt, int count)
    {
        await using var db = NewContext();
        var messages = Enumerable.Range(0, count).Select(i => OutboxMessage.Of("test.node", new { i }, occurredAt)).ToList();
        db.AddRange(messages);
        await db.SaveChangesAsync();
        return [.. messages.Select(m => m.Id)];
    }

    protected override FeedDbContext Create(DbContextOptions<FeedDbContext> options) => new(options);

    private sealed class NodeCache : IOutboxConsumer
    {
        public ConcurrentQueue<long> Seen { get; } = new();

        public string Name => "cache";

        public bool PerNode => true;

        public bool Accepts(string topic) => topic == "test.node";

        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Seen.Enqueue(message.Id);
            return Task.CompletedTask;
        }
    }

    /// <summary>Only the change feed's tables, configured as the application configures them.</summary>
    public sealed class FeedDbContext(DbContextOptions<FeedDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
            modelBuilder.ApplyConfiguration(new OutboxCheckpointConfiguration());
        }
    }
}

public sealed class PerNodeConsumerTestsOnSqlite() : PerNodeConsumerTests(DatabaseKind.Sqlite);

public sealed class PerNodeConsumerTestsOnPostgreSql() : PerNodeConsumerTests(DatabaseKind.PostgreSql);
