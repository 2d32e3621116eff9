using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Jobs;
using Registry.Core.Outbox;
using Registry.Organizations.Contracts;

namespace Registry.Directory.Search;

/// <summary>
/// Keeps this node's index in step with the register: builds it when missing or corrupt (also when its folder is deleted
/// while the app runs), then applies change-feed events from the position recorded in the index's own commit.
/// Every node runs one, so every node converges on the same results.
/// </summary>
internal sealed class DirectoryIndexer(
    DirectoryIndex index,
    IServiceScopeFactory scopes,
    IOptions<DirectoryOptions> options,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider clock,
    ILogger<DirectoryIndexer> logger) : PollingService(clock, logger)
{
    private const int BatchSize = 500;

    protected override TimeSpan Pause => options.Value.PollInterval;

    protected override Task<bool> PassAsync(CancellationToken cancellationToken) => StepAsync(cancellationToken);

    /// <summary>One pass: make sure there is an index, then apply what the feed has since; true when a full batch was read (more may follow, e.g. after a large import).</summary>
    public async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        if (!index.IsReady || index.IsMissing)
        {
            if (index.IsReady || !await index.TryOpenAsync(cancellationToken))
            {
                await RebuildAsync(cancellationToken);
            }
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var register = scope.ServiceProvider.GetRequiredService<IOrganizationRegister>();
        var events = await OutboxFeed.ReadAsync(db, index.LastEventId, BatchSize, outboxOptions.Value.GapGrace, Clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (events.Count == 0)
        {
            return false;
        }

        var changed = events
            .Where(e => e.Topic == OrganizationEvents.Changed)
            .Select(e => JsonSerializer.Deserialize<OrganizationChanged>(e.Payload)!.OrganizationId)
            .ToHashSet();
        var listings = changed.Count == 0 ? [] : await register.ListingsAsync(changed, cancellationToken).ToListAsync(cancellationToken);
        await index.ApplyAsync(changed, listings, events[^1].Id, cancellationToken);
        var more = events.Count == BatchSize;
        if (!more && changed.Count > 0)
        {
            // Caught up: the batches' small segments become one.
            await index.MergeSmallSegmentsAsync(cancellationToken);
        }

        return more;
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        // Events after this point are applied once the new index is live; applying one twice is harmless.
        var head = await OutboxFeed.HeadAsync(db, cancellationToken);
        var started = Clock.GetTimestamp();
        await index.RebuildAsync(scope.ServiceProvider.GetRequiredService<IOrganizationRegister>().ListingsAsync(null, cancellationToken), head, cancellationToken);
        logger.LogInformation("Directory index rebuilt at {Path} in {Elapsed}", index.IndexPath, Clock.GetElapsedTime(started));
    }
}
