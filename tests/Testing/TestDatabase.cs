using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Registry.Testing;

/// <summary>The two supported providers; every integration test class runs on both.</summary>
public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>A fresh, empty database for one test fixture, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(DatabaseKind kind, string connectionString, string? postgresName, string directory)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        Directory = directory;
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>A private folder for the app's files, mail pickup and SQLite file.</summary>
    public string Directory { get; }

    public string ProviderName => Kind == DatabaseKind.PostgreSql ? "PostgreSql" : "Sqlite";

    /// <summary>Options for a test's own context on this database (a module's tables only), on its provider.</summary>
    public DbContextOptions<TContext> Options<TContext>()
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        return (Kind == DatabaseKind.PostgreSql
            ? options.UseNpgsql(ConnectionString)
            : options.UseSqlite(ConnectionString + ";Default Timeout=30")).Options;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var directory = Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (kind == DatabaseKind.Sqlite)
        {
            return new TestDatabase(kind, $"Data Source={Path.Combine(directory, "registry.db")}", null, directory);
        }

        var name = "registry_test_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin);
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        admin.Database = name;
        return new TestDatabase(kind, admin.ConnectionString, name, directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task: the temp folder is cleaned by the OS.
        }
    }
}
