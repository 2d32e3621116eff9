using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Registry.Core.Data;
using Registry.Web.Hosting;

namespace Registry.Web.Data;

/// <summary>Chooses the provider from configuration: <c>Registry:Database:Provider</c> = Sqlite (default) or PostgreSql.</summary>
internal static class DatabaseSetup
{
    public const string ProviderKey = "Registry:Database:Provider";
    public const string PostgreSql = "PostgreSql";

    public static void AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration[ProviderKey] ?? "Sqlite";
        // Modules' interceptors (IInterceptor singletons, e.g. the inspection figures' tallies) run after Core's versioning.
        // The options are built once (singleton), not per request: building them (provider, interceptors) cost about a
        // twentieth of a simple page's time, and every page that renders the layout opens a context.
        if (provider.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Registry")
                ?? throw new InvalidOperationException("ConnectionStrings:Registry is required for PostgreSQL.");
            connectionString = PostgreSqlConnectionString(connectionString);
            services.AddDbContext<RegistryDbContext, PostgreSqlRegistryDbContext>((sp, o) => ConfigurePostgreSql(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = SqliteConnectionString(configuration.GetConnectionString("Registry"), environment.ContentRootPath);
            services.AddDbContext<RegistryDbContext, SqliteRegistryDbContext>((sp, o) => ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            throw new InvalidOperationException($"{ProviderKey} '{provider}' is not supported: use Sqlite or PostgreSql.");
        }

        services.AddScoped<DbContext>(sp => sp.GetRequiredService<RegistryDbContext>());
    }

    /// <summary>Relative SQLite paths are under the content root; the folder is created.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/registry.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Waits longer than Npgsql's defaults for a pooled connection and for a command (<see cref="PostgreSqlConnectionString"/>).</summary>
    public const int RushTimeoutSeconds = 120;

    /// <summary>
    /// In a call's last minute a thousand applicants submit at once: with Npgsql's defaults a request that waits 15 s for
    /// one of the pool's connections fails (a 500) and a command queued behind the others' locks times out after 30 s. A
    /// request should queue instead, so both waits are raised where the connection string leaves them at Npgsql's default
    /// (a value set explicitly is kept). The pool's size stays Npgsql's 100: on a small server more connections only
    /// contend for the same cores.
    /// </summary>
    public static string PostgreSqlConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = RushTimeoutSeconds;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = RushTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// A list in a query (<c>ids.Contains(x)</c>) goes to SQLite as one array parameter, as it does to PostgreSQL. EF Core 10's
    /// default of a parameter per element makes SQLite bind each by name against the others, about n²/2 comparisons: long
    /// lists (a feed batch, an import chunk, the register's stream) spent most of their time there.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("Core_Migrations").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(new VersioningInterceptor());

    public static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("Core_Migrations"))
            .AddInterceptors(new VersioningInterceptor());
}

/// <summary>Design-time factory for <c>dotnet ef migrations add … --context SqliteRegistryDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    public SqliteRegistryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteRegistryDbContext(options.Options, ModuleCatalog.Discover());
    }
}

/// <summary>Design-time factory for the PostgreSQL migrations (no server needed to add a migration).</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRegistryDbContext>
{
    public PostgreSqlRegistryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlRegistryDbContext>();
        DatabaseSetup.ConfigurePostgreSql(options, "Host=localhost;Database=registry_design");
        return new PostgreSqlRegistryDbContext(options.Options, ModuleCatalog.Discover());
    }
}
