using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Jobs;

/// <summary>A named lease row: the node holding it (until it expires) is the only one running that job.</summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime ExpiresAt { get; set; }
}

/// <summary>Lets scheduled work run on exactly one node at a time.</summary>
public interface IJobLeases
{
    /// <summary>This node's identity in lease rows.</summary>
    string NodeId { get; }

    Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken);
}

internal sealed class JobLeases(DbContext db, TimeProvider clock, NodeIdentity node) : IJobLeases
{
    public string NodeId => node.Id;

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var leases = db.Set<JobLease>();
        var taken = await leases
            .Where(l => l.Name == name && (l.Holder == node.Id || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, node.Id).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        // Two nodes starting together both find no row: the loser of the insert just does not hold the lease. That is
        // ordinary contention, so it is asked for without an exception (which EF would log as a failure).
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Core_JobLeases\" (\"Name\", \"Holder\", \"ExpiresAt\") VALUES ({name}, {node.Id}, {until}) ON CONFLICT (\"Name\") DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }
}

/// <summary>Stable for the life of the process; distinguishes app nodes sharing one database.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
