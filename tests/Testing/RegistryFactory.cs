using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Testing;

/// <summary>
/// The real app on a real database (SQLite file or PostgreSQL), mail to the real SMTP sink, seeded by the test recipe.
/// With listenOnSocket it serves on a loopback port so a browser can reach it.
/// </summary>
public class RegistryFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public RegistryFactory(TestDatabase database, bool listenOnSocket = false, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        if (listenOnSocket)
        {
            // Must be set on this instance (not via WithWebHostBuilder, where it is silently ignored).
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }
    }

    public TestDatabase Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var values = new Dictionary<string, string?>
        {
            ["Registry:Database:Provider"] = Database.ProviderName,
            ["ConnectionStrings:Registry"] = Database.ConnectionString,
            ["Registry:Recipe"] = "test.recipe.json",
            ["Registry:AdminPassword"] = "Setup-admin-2026",
            ["Registry:Files:Root"] = Path.Combine(Database.Directory, "files"),
            ["Registry:Directory:IndexPath"] = Path.Combine(Database.Directory, "index"),
            ["Registry:Directory:PollInterval"] = "00:00:00.100",
            ["Registry:Content:Search:IndexPath"] = Path.Combine(Database.Directory, "site-index"),
            ["Registry:Content:Search:PollInterval"] = "00:00:00.100",
            ["Registry:Mail:Mode"] = "Smtp",
            ["Registry:Mail:Host"] = TestEnvironment.SmtpHost,
            ["Registry:Mail:Port"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registry:Mail:Security"] = "None",
            ["Registry:Mail:PollInterval"] = "00:00:00.200",
            ["Registry:Outbox:PollInterval"] = "00:00:00.100",
            ["Registry:RateLimit:AuthPermitsPerMinute"] = "1000",
            // Every test app starts in December without next year's notice: tests drive the weekly mail themselves.
            ["Registry:Calendar:WarningJob"] = "false",
        };
        foreach (var (key, value) in _settings)
        {
            values[key] = value;
        }

        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>Starts the app (migrations and the recipe run here) and returns the address to call.</summary>
    public Uri Start()
    {
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
