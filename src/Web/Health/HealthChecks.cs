using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registry.Core;
using Registry.Core.Mail;
using Registry.Core.Security;
using Registry.Web.Hosting;
using Registry.Web.Data;

namespace Registry.Web.Health;

/// <summary>
/// /health: database reachable, mail outbox not backing up, disk not full, holiday notices loaded. Anyone gets the bare status (and the status
/// code a load balancer reads); the checks' detail only admins (audit permission) and the monitoring addresses in
/// <c>Registry:Health:DetailsFrom</c>.
/// </summary>
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

    public const string DetailsFromKey = "Registry:Health:DetailsFrom";

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        if (!MaySeeDetails(context))
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }

    private static bool MaySeeDetails(HttpContext context)
    {
        if (context.User.HasPermission(CorePermissions.ViewAudit))
        {
            return true;
        }

        var remote = context.Connection.RemoteIpAddress;
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        return remote is not null && HostSecurity.ListValues(configuration, DetailsFromKey)
            .Any(v => System.Net.IPAddress.TryParse(v, out var allowed) && (allowed.Equals(remote) || (remote.IsIPv4MappedToIPv6 && allowed.Equals(remote.MapToIPv4()))));
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
