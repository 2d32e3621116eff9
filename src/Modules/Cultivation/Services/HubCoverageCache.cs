using Registry.Core.Outbox;
using Registry.Cultivation.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Services;

/// <summary>Change-feed topics of the cultivation module (only this module reads them).</summary>
internal static class CultivationTopics
{
    /// <summary>A batch was recognised, a hub withdrawn or a member linked or unlinked: coverage moves.</summary>
    public const string HubsChanged = "cultivation.hubs-changed";
}

/// <summary>
/// This node's coverage of every hub. Coverage needs a pass over the register (service fields are a list on each
/// organization), too much for every request of the public hubs page, so it is kept per generation: the change feed moves
/// the generation on whenever the register or the hubs change (on every node, within one poll), and this node's own hub
/// changes move it at once. <see cref="MaxAge"/> bounds what a missed event could leave behind.
/// </summary>
public sealed class HubCoverageCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private long _generation;
    private Entry? _entry;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The cached coverage when it is of this generation, fresh and has every hub asked for; else <paramref name="compute"/>'s.</summary>
    public async Task<IReadOnlyDictionary<int, HubCoverage>> GetAsync(IEnumerable<int> hubIds, Func<Task<IReadOnlyDictionary<int, HubCoverage>>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var generation = Generation;
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _entry) is { } entry && entry.Generation == generation && now - entry.At < MaxAge && hubIds.All(entry.Coverage.ContainsKey))
        {
            return entry.Coverage;
        }

        var coverage = await compute();
        // Stored under the generation read before computing: a change during the pass leaves it stale, so it is not reused.
        Volatile.Write(ref _entry, new Entry(generation, now, coverage));
        return coverage;
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Entry(long Generation, DateTimeOffset At, IReadOnlyDictionary<int, HubCoverage> Coverage);
}

/// <summary>Moves the coverage cache on when the register or the hubs change; runs on every node.</summary>
internal sealed class HubCoverageInvalidator(HubCoverageCache cache) : IOutboxBatchConsumer
{
    public string Name => "cultivation-coverage-cache";

    public bool PerNode => true;

    public bool Accepts(string topic) => topic is OrganizationEvents.Changed or CultivationTopics.HubsChanged;

    public Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }
}
