using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Jobs;
using Registry.Core.Localization;

namespace Registry.Inspections.Services;

/// <summary>The credit lists' scheduled work: one node at a time (database lease), idempotent, driven by the clock it is given.</summary>
public sealed class CreditListJob(CreditListService creditLists, IJobLeases leases, TimeProvider clock)
{
    public const string LeaseName = "inspections.credit-lists";

    /// <summary>Returns the number of entries and exits made, or null when another node holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(10), cancellationToken))
        {
            return null;
        }

        return await creditLists.ApplyRulesAsync(ChinaTime.Today(clock), cancellationToken);
    }
}

/// <summary>Runs <see cref="CreditListJob"/> every hour (off with <c>Registry:Inspections:CreditListJob=false</c>, where a test drives it).</summary>
internal sealed class CreditListJobService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CreditListJobService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Inspections:CreditListJob";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CreditListJob>().RunOnceAsync(cancellationToken);
}
