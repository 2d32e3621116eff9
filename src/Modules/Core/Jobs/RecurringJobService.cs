using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Registry.Core.Jobs;

/// <summary>
/// Runs a scoped job now and then every <see cref="Interval"/> until shutdown; a failure is logged and retried next
/// round. The configuration flag <see cref="EnabledKey"/> (default true) turns it off, e.g. where a test drives the job.
/// Jobs take their own database lease, so several nodes may run this service.
/// </summary>
public abstract class RecurringJobService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger logger) : BackgroundService
{
    protected abstract string EnabledKey { get; }

    protected virtual TimeSpan Interval => TimeSpan.FromHours(1);

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Job} failed; retrying in {Interval}", GetType().Name, Interval);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
