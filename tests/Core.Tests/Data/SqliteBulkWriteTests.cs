using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Registry.Core.Data;
using Shouldly;
using Xunit;

namespace Registry.Core.Tests.Data;

/// <summary>
/// A bulk write on SQLite: a wide cache and no checkpoint inside the commit; afterwards the connection's own settings
/// again and the log copied into the database in the background.
/// </summary>
public sealed class SqliteBulkWriteTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("registry-bulk-write-").FullName;

    private string DatabasePath => Path.Combine(_folder, "bulk.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    [Fact]
    public async Task BulkWrite_Committed_SettingsRestoredAndLogCheckpointedInTheBackground()
    {
        await using var db = new RowsContext(ConnectionString);
        await db.Database.EnsureCreatedAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", CancellationToken.None);
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            await using var bulkWrite = await db.BeginSqliteBulkWriteAsync(64, CancellationToken.None);
            Pragma(connection, "cache_size", transaction.GetDbTransaction()).ShouldBe(-64L * 1024);
            Pragma(connection, "wal_autocheckpoint", transaction.GetDbTransaction()).ShouldBe(0);
            db.Set<Row>().AddRange(Enumerable.Range(1, 3_000).Select(i => new Row { Text = new string('x', 500) + i }));
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);

            // Committed into the log only: SQLite's automatic checkpoint was off for this commit.
            new FileInfo(DatabasePath).Length.ShouldBeLessThan(200_000);
            await bulkWrite.DisposeAsync();
        }

        Pragma(connection, "cache_size").ShouldBe(-2000);
        Pragma(connection, "wal_autocheckpoint").ShouldBe(1000);
        await SqliteCheckpoints.DrainAsync(ConnectionString, CancellationToken.None);
        new FileInfo(DatabasePath).Length.ShouldBeGreaterThan(1_500_000);
        (await db.Set<Row>().CountAsync(CancellationToken.None)).ShouldBe(3_000);
    }

    [Fact]
    public async Task BulkWrite_RolledBack_SettingsRestoredNothingWritten()
    {
        await using var db = new RowsContext(ConnectionString);
        await db.Database.EnsureCreatedAsync(CancellationToken.None);
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            await using var bulkWrite = await db.BeginSqliteBulkWriteAsync(64, CancellationToken.None);
            db.Set<Row>().Add(new Row { Text = "never kept" });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        Pragma(connection, "cache_size").ShouldBe(-2000);
        Pragma(connection, "wal_autocheckpoint").ShouldBe(1000);
        db.ChangeTracker.Clear();
        (await db.Set<Row>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Checkpoint_DatabaseGone_NothingCreatedNoError()
    {
        var missing = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "gone.db") }.ToString();
        SqliteCheckpoints.Request(missing);
        await SqliteCheckpoints.DrainAsync(missing, CancellationToken.None);
        File.Exists(Path.Combine(_folder, "gone.db")).ShouldBeFalse();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private static long Pragma(SqliteConnection connection, string name, System.Data.Common.DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Row
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }

    private sealed class RowsContext(string connectionString) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite(connectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Row>();
    }
}
