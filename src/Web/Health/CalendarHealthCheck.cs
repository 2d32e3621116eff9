using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registry.Core.Calendar;

namespace Registry.Web.Health;

/// <summary>Degraded while the holiday notice of the current year (or, from 1 October, the next) is not loaded.</summary>
internal sealed class CalendarHealthCheck(CalendarWarning warning) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await warning.GetAsync(cancellationToken);
        return status.MissingYear is { } year
            ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"no holiday notice loaded for {year}; {status.ProvisionalClocks} running clocks use provisional dates"))
            : HealthCheckResult.Healthy("holiday notices loaded");
    }
}
