using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Registry.Core.Data;
using Registry.Testing;

namespace Registry.Core.Tests.Data;

/// <summary>
/// <see cref="BulkInsert.SqliteBulkWriteAsync"/> on a SQLite file in WAL mode: the writer's connection copies nothing
/// into the database file itself while the bulk write lasts, the committed pages get there all the same (and the log file
/// is emptied), and the connection's settings come back afterwards, also after a rollback.
/// </summary>
public sealed class SqliteBulkWriteTests : IAsyncLifetime
{
    private const long SqliteDefaultAutomaticCheckpoint = 1000;

    private readonly long _logFileBound = SqliteWalCheckpointer.LogFileBound;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        // Any log file is past this bound, so the test sees it emptied.
        SqliteWalCheckpointer.LogFileBound = 0;
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public async Task DisposeAsync()
    {
        SqliteWalCheckpointer.LogFileBound = _logFileBound;
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BulkWrite_Committed_WriterCheckpointsNothingAndTheLogStillReachesTheFile()
    {
        await using var db = NewContext();
        await db.Database.OpenConnectionAsync();
        await using (await db.SqliteBulkWriteAsync(16, CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await PragmaAsync(db, "wal_autocheckpoint")).ShouldBe(0);
            db.AddRange(Enumerable.Range(1, 300).Select(i => new Blob { Data = new byte[8_000] }));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        (await PragmaAsync(db, "wal_autocheckpoint")).ShouldBe(SqliteDefaultAutomaticCheckpoint);
        await Eventually.HoldsAsync(
            async () => new FileInfo(DatabaseFile).Length == await PragmaAsync(db, "page_count") * await PragmaAsync(db, "page_size"),
            "every committed page is copied from the log into the database file");
        await Eventually.HoldsAsync(() => new FileInfo(DatabaseFile + "-wal").Length == 0, "a log file past its bound is emptied once it is copied and unused");
        await using var other = NewContext();
        (await other.Set<Blob>().CountAsync()).ShouldBe(300);
    }

    /// <summary>
    /// Bulk writes on other database files (other tests', running alongside) say nothing about whether more are coming to
    /// this file's log: it is emptied all the same.
    /// </summary>
    [Fact]
    public async Task BulkWrite_AnotherFileWrittenInBulkMeanwhile_ThisLogIsStillEmptied()
    {
        await using var db = NewContext();
        await using (await db.SqliteBulkWriteAsync(16, CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(Enumerable.Range(1, 50).Select(i => new Blob { Data = new byte[8_000] }));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var elsewhere = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using (var other = new BlobContext(new DbContextOptionsBuilder<BlobContext>().UseSqlite(elsewhere.ConnectionString).Options))
        {
            await other.Database.EnsureCreatedAsync();
            await other.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await using (await other.SqliteBulkWriteAsync(16, CancellationToken.None))
            {
                await using var transaction = await other.Database.BeginTransactionAsync();
                other.Add(new Blob { Data = new byte[100] });
                await other.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }

        await Eventually.HoldsAsync(() => new FileInfo(DatabaseFile + "-wal").Length == 0, "this file's log is emptied though another file was written in bulk after it");
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task BulkWrite_RolledBack_NothingWrittenAndTheConnectionGetsItsSettingsBack()
    {
        await using var db = NewContext();
        await db.Database.OpenConnectionAsync();
        var cache = await PragmaAsync(db, "cache_size");
        await using (await db.SqliteBulkWriteAsync(16, CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(Enumerable.Range(1, 10).Select(i => new Blob { Data = new byte[100] }));
            await db.SaveChangesAsync();
        }

        (await PragmaAsync(db, "wal_autocheckpoint")).ShouldBe(SqliteDefaultAutomaticCheckpoint);
        (await PragmaAsync(db, "cache_size")).ShouldBe(cache);
        db.ChangeTracker.Clear();
        (await db.Set<Blob>().CountAsync()).ShouldBe(0);
    }

    /// <summary>
    /// What the register import's clash lookups on a second connection rely on: EF's transaction on SQLite is BEGIN
    /// IMMEDIATE, so from its begin nothing else commits until it ends (another writer is refused, not interleaved).
    /// </summary>
    [Fact]
    public async Task Transaction_HoldsTheWriteLockFromItsBegin()
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var other = new SqliteConnection(_database.ConnectionString + ";Default Timeout=1");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "INSERT INTO \"Blob\" (\"Data\") VALUES (x'00');";

        (await Should.ThrowAsync<SqliteException>(() => command.ExecuteNonQueryAsync())).SqliteErrorCode.ShouldBe(SQLitePCL.raw.SQLITE_BUSY);
    }

    private string DatabaseFile => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;

    private static async Task<long> PragmaAsync(BlobContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private BlobContext NewContext() => new(new DbContextOptionsBuilder<BlobContext>().UseSqlite(_database.ConnectionString).Options);

    private sealed class Blob
    {
        public int Id { get; set; }

        public byte[] Data { get; set; } = [];
    }

    private sealed class BlobContext(DbContextOptions<BlobContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Blob>();
    }
}
