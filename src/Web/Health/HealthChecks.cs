using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registry.Core.Mail;
using Registry.Web.Data;

namespace Registry.Web.Health;

/// <summary>/health: database reachable, mail outbox not backing up, disk not full, holiday notices loaded.</summary>
internal static class HealthSetup
{
    public static void AddRegistryHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<RegistryDbContext>("database")
            .AddCheck<MailBacklogHealthCheck>("mail-outbox")
            .AddCheck<DiskSpaceHealthCheck>("disk")
            .AddCheck<CalendarHealthCheck>("calendar");

    public static void MapRegistryHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}

internal sealed class MailBacklogHealthCheck(RegistryDbContext db, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var staleBefore = clock.GetUtcNow().UtcDateTime.AddMinutes(-configuration.GetValue("Registry:Health:MailStaleMinutes", 15));
        var pending = await db.Set<MailMessage>().CountAsync(m => m.Status == MailStatus.Pending, cancellationToken);
        var stale = await db.Set<MailMessage>().CountAsync(m => m.Status == MailStatus.Pending && m.CreatedAt < staleBefore, cancellationToken);
        var failed = await db.Set<MailMessage>().CountAsync(m => m.Status == MailStatus.Failed, cancellationToken);
        var description = $"pending {pending}, older than threshold {stale}, failed {failed}";
        return stale > 0 || failed > 0 ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}

internal sealed class DiskSpaceHealthCheck(IHostEnvironment environment, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(environment.ContentRootPath))!);
        var freeMiB = drive.AvailableFreeSpace / (1024 * 1024);
        var minimum = configuration.GetValue("Registry:Health:MinFreeDiskMiB", 512L);
        var description = $"{freeMiB} MiB free";
        return Task.FromResult(freeMiB < minimum ? HealthCheckResult.Unhealthy(description) : HealthCheckResult.Healthy(description));
    }
}
