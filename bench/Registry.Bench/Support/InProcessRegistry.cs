using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Web.Hosting;

namespace Registry.Bench.Support;

/// <summary>
/// The site's own composition (<c>AddRegistry</c>: every module's services, the SQLite database as the host configures
/// it) in this process, prepared as the app's first start prepares it (<c>PrepareAsync</c>: migrations, WAL, the setup
/// recipe with the bureau's registration rules), but never started: no hosted service runs and nothing listens.
/// Suites use its scopes to call services exactly as a request would. The database is
/// <see cref="RegistryAppProcess.DatabasePath"/> of the data folder given, so the published app can be started
/// on it afterwards.
/// </summary>
internal sealed class InProcessRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessRegistry(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>The audit chain's key for a data directory: derived from its path, as the directory is reused across runs and processes.</summary>
    public static string ChainKey(string dataDirectory) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("registry bench " + dataDirectory)));

    /// <summary>Composes and prepares the site on a database in <paramref name="dataDirectory"/>; <paramref name="settings"/> adds configuration.</summary>
    public static async Task<InProcessRegistry> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = RegistryHost.HostArguments([]),
            EnvironmentName = Environments.Production,
            ContentRootPath = dataDirectory,
            ApplicationName = typeof(RegistryHost).Assembly.GetName().Name,
        });
        var configuration = new Dictionary<string, string?>
        {
            ["Registry:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Registry"] = $"Data Source={RegistryAppProcess.DatabasePath(dataDirectory)}",
            ["Registry:Recipe"] = "setup.recipe.json",
            ["Registry:AdminPassword"] = RegistryAppProcess.AdminPassword,
            ["Registry:Mail:Mode"] = "Pickup",
            ["Registry:Mail:PickupDirectory"] = Path.Combine(dataDirectory, "mail"),
            ["Registry:Files:Root"] = Path.Combine(dataDirectory, "files"),
            // Production needs the audit chain's key; the data directory is reused across runs, so derive it from its path.
            ["Registry:Audit:ChainKey"] = ChainKey(dataDirectory),
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        // The host logs every SQL command at Information unless appsettings.json says otherwise; here only problems.
        // The model scan's note about a module without entity configurations (Directory) is noise here.
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Model", LogLevel.Error);
        builder.AddRegistry();
        var app = builder.Build();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await app.PrepareAsync();
            return new InProcessRegistry(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A request-like scope: one <c>DbContext</c>, one of each scoped service.</summary>
    public AsyncServiceScope CreateScope() => _app.Services.CreateAsyncScope();

    /// <summary>Disposes the container: singletons such as the directory index close their files.</summary>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
