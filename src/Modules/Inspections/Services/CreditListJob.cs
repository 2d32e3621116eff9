using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
internal sealed class CreditListJobService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CreditListJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Registry:Inspections:CreditListJob", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<CreditListJob>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Credit-list rules failed; retrying in an hour");
            }

            try
            {
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
