using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Directory.Caching;
using Registry.Directory.Contracts;
using Registry.Directory.OpenData;
using Registry.Directory.Search;

namespace Registry.Directory;

/// <summary>The public directory: Chinese full-text search, certificate check and open data.</summary>
public sealed class DirectoryModule : IModule
{
    public const string ApiRateLimitPolicy = "directory-api";

    public string Name => "Directory";

    public IEnumerable<Permission> Permissions => [];

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Directory.Search", DirectoryLinks.Search(), null, 10, NavigationGroups.Organizations),
        new(NavigationArea.Public, "Nav.Directory.Check", DirectoryLinks.Check, null, 40, NavigationGroups.Services),
        new(NavigationArea.Public, "Nav.Directory.OpenData", DirectoryLinks.OpenData, null, 50, NavigationGroups.Disclosure),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectoryOptions>().Bind(configuration.GetSection(DirectoryOptions.Section));
        services.AddSingleton<DirectoryIndex>();
        services.AddSingleton<DirectorySearch>();
        services.AddSingleton<IChineseTextAnalysis, ChineseTextAnalysis>();
        services.AddSingleton<IOrganizationSearch, OrganizationSearch>();
        services.AddSingleton<DirectoryResponseCache>();
        services.AddSingleton<AnonymousPageCacheFilter>();
        services.AddSingleton<DirectoryIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectoryIndexer>());
        services.AddScoped<DirectoryExport>();
        services.AddHealthChecks().AddCheck<DirectoryIndexHealthCheck>("directory-index");
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>>(sp => new ConfigureOptions<RateLimiterOptions>(o =>
        {
            var permits = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.ApiPermitsPerMinute;
            o.AddPolicy(ApiRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
        }));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/directory/search", SearchApi)
            .AllowAnonymous()
            .RequireRateLimiting(ApiRateLimitPolicy);
        endpoints.MapGet("/open-data/directory.csv", (HttpContext context, DirectoryExport export) => export.WriteCsvAsync(context.Response, context.RequestAborted)).AllowAnonymous();
        endpoints.MapGet("/open-data/directory.json", (HttpContext context, DirectoryExport export) => export.WriteJsonAsync(context.Response, context.RequestAborted)).AllowAnonymous();
    }

    /// <summary>The search as JSON; the same for every visitor, so cached per address and index generation.</summary>
    private static IResult SearchApi(HttpContext context, DirectorySearch search, DirectoryResponseCache cache, IOptions<JsonOptions> json)
    {
        var key = cache.Key(context, byCulture: false);
        if (key is null || !cache.TryGet(key, out var parts))
        {
            parts = [JsonSerializer.SerializeToUtf8Bytes(search.Search(DirectoryQueryBinder.From(context.Request.Query)), json.Value.SerializerOptions)];
            if (key is not null && cache.ShouldKeep(key))
            {
                cache.Set(key, parts);
            }
        }

        return Results.Bytes(parts[0], "application/json; charset=utf-8");
    }
}

/// <summary>Healthy once this node's index is open; degraded while it is being (re)built.</summary>
internal sealed class DirectoryIndexHealthCheck(DirectoryIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy($"at change-feed event {index.LastEventId}")
            : HealthCheckResult.Degraded("index is being built"));
}
