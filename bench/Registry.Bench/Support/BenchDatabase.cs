using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Registry.Core.Data;
using Registry.Web.Data;
using Registry.Web.Hosting;

namespace Registry.Bench.Support;

/// <summary>
/// A migrated SQLite database in WAL mode behind the real <see cref="SqliteRegistryDbContext"/>, configured as the
/// host configures it (<c>DatabaseSetup.ConfigureSqlite</c>, which is internal): same history table, same interceptor.
/// </summary>
internal sealed class BenchDatabase
{
    private static readonly Lazy<ModuleCatalog> Modules = new(ModuleCatalog.Discover);

    private readonly DbContextOptions<SqliteRegistryDbContext> _options;

    private BenchDatabase(string path, DbContextOptions<SqliteRegistryDbContext> options)
    {
        FilePath = path;
        _options = options;
    }

    public string FilePath { get; }

    /// <summary>
    /// Set when the model has changes no migration covers yet (a module being written): the tables the bench uses
    /// exist all the same, so it measures on and says so instead of failing as the host would.
    /// </summary>
    public bool HasPendingModelChanges { get; private set; }

    /// <summary>Creates <c>registry.db</c> in <paramref name="directory"/>, applies every migration and switches to WAL (as the host's startup does).</summary>
    public static async Task<BenchDatabase> CreateAsync(string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, "registry.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString();
        // Options are built once and shared: EF caches its internal services per options instance.
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable("Core_Migrations").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(HostInterceptors())
            .ConfigureWarnings(w => w.Log(RelationalEventId.PendingModelChangesWarning))
            .Options;
        var database = new BenchDatabase(path, options);

        await using var db = database.NewContext();
        database.HasPendingModelChanges = db.Database.HasPendingModelChanges();
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return database;
    }

    /// <summary>The value of a SQLite pragma on a connection of this database, e.g. <c>journal_mode</c>.</summary>
    public async Task<string> PragmaAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name + ";";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A fresh context, as one request scope would get.</summary>
    public SqliteRegistryDbContext NewContext() => new(_options, Modules.Value);

    /// <summary>
    /// The interceptors the host adds. Core's <c>VersioningInterceptor</c> is internal; it is created by name so the
    /// bench measures the production pipeline without Core granting this assembly its internals.
    /// </summary>
    private static IInterceptor[] HostInterceptors()
    {
        const string VersioningInterceptor = "Registry.Core.Data.VersioningInterceptor";
        var type = typeof(IVersioned).Assembly.GetType(VersioningInterceptor)
            ?? throw new InvalidOperationException($"{VersioningInterceptor} not found in Registry.Core: update the bench's copy of the host's database options.");
        return [(IInterceptor)Activator.CreateInstance(type, nonPublic: true)!];
    }
}
