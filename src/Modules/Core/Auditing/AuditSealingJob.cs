using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Jobs;

namespace Registry.Core.Auditing;

/// <summary>The <c>Registry:Audit</c> section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Registry:Audit";

    /// <summary>How often the sealer links pending entries onto the chain: the window in which an entry is not yet covered.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Seals the pending audit entries, on one node at a time (database lease); idempotent.</summary>
public sealed class AuditSealingJob(DbContext db, IJobLeases leases, AuditKey key)
{
    public const string LeaseName = "core.audit-sealer";

    /// <summary>Returns the number of entries sealed, or null when another node holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(1), cancellationToken))
        {
            return null;
        }

        return await AuditChain.SealPendingAsync(db, key, cancellationToken);
    }
}

/// <summary>
/// Runs <see cref="AuditSealingJob"/> every <see cref="AuditOptions.SealInterval"/> (off with <c>Registry:Audit:Sealer=false</c>;
/// verification still seals on demand).
/// </summary>
internal sealed class AuditSealingJobService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, IOptions<AuditOptions> options, ILogger<AuditSealingJobService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Audit:Sealer";

    protected override TimeSpan Interval => options.Value.SealInterval;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AuditSealingJob>().RunOnceAsync(cancellationToken);
}
