using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.Core.Jobs;

/// <summary>
/// Runs a scoped job now and then every <see cref="Interval"/> until shutdown; a failure is logged and retried next
/// round. The configuration flag <see cref="EnabledKey"/> (default true) turns it off, e.g. where a test drives the job.
/// Jobs take their own database lease, so several nodes may run this service.
/// </summary>
public abstract class RecurringJobService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger logger) : PollingService(clock, logger)
{
    protected abstract string EnabledKey { get; }

    protected virtual TimeSpan Interval => TimeSpan.FromHours(1);

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected sealed override bool Enabled => configuration.GetValue(EnabledKey, true);

    protected sealed override TimeSpan Pause => Interval;

    protected sealed override async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await RunAsync(scope.ServiceProvider, cancellationToken);
        return false;
    }
}
