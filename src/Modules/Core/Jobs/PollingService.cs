using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Registry.Core.Jobs;

/// <summary>
/// The one background loop of the system (change feed, mail, search indexes, recurring jobs): a pass, then a pause,
/// until shutdown. A pass that left work behind (a full batch) is followed at once by the next; a failed pass is
/// logged and retried after the pause.
/// </summary>
public abstract class PollingService(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The clock the pauses run on (and the passes may read).</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>How long to wait between passes.</summary>
    protected abstract TimeSpan Pause { get; }

    /// <summary>False where configuration turns this loop off (e.g. a test drives the pass itself).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One pass; true when it left work for an immediate next pass.</summary>
    protected abstract Task<bool> PassAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var more = await PassAsync(stoppingToken);
                LogFirstPass(ref first);
                if (more)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Service} failed; retrying in {Pause}", GetType().Name, Pause);
                LogFirstPass(ref first);
            }

            try
            {
                await Task.Delay(Pause, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Once per start: an operator (and a test) can tell that every loop of a new node has run.</summary>
    private void LogFirstPass(ref bool first)
    {
        if (first)
        {
            first = false;
            logger.LogInformation("{Service} completed its first pass", GetType().Name);
        }
    }
}
