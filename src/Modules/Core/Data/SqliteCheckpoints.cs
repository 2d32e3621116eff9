using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Registry.Core.Data;

/// <summary>
/// Copies a SQLite database's write-ahead log into the database off the caller's path, as SQLite's documentation
/// advises for write-heavy work: after a bulk write's commit (<see cref="BulkInsert.BeginSqliteBulkWriteAsync"/>) the
/// log holds tens of megabytes, and the checkpoint that SQLite would otherwise run inside the commit, copying them and
/// syncing the database, is a few hundred milliseconds the clerk's import waited for. A passive checkpoint never blocks
/// readers or writers, and durability is the commit's (the log is synced before the commit returns). One checkpoint per
/// database at a time; a request while one runs makes it run once more.
/// </summary>
public static class SqliteCheckpoints
{
    private static readonly ConcurrentDictionary<string, Pending> Running = new(StringComparer.Ordinal);

    /// <summary>Asks for a checkpoint of the database of <paramref name="connectionString"/> and returns at once.</summary>
    public static void Request(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        // The database must exist: a checkpoint never creates one (a test may have deleted its file meanwhile).
        var target = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        var pending = Running.GetOrAdd(target, _ => new Pending());
        if (Interlocked.Exchange(ref pending.Requested, 1) == 0 && Interlocked.CompareExchange(ref pending.Running, 1, 0) == 0)
        {
            _ = Task.Run(() => RunAsync(target, pending));
        }
    }

    /// <summary>Waits until no checkpoint of the database runs or is asked for (tests and the bench read the files afterwards).</summary>
    public static async Task DrainAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        while (Running.TryGetValue(target, out var pending) && (Volatile.Read(ref pending.Running) == 1 || Volatile.Read(ref pending.Requested) == 1))
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    private static async Task RunAsync(string target, Pending pending)
    {
        do
        {
            while (Interlocked.Exchange(ref pending.Requested, 0) == 1)
            {
                try
                {
                    await using var connection = new SqliteConnection(target);
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    await command.ExecuteNonQueryAsync();
                }
                catch (SqliteException)
                {
                    // The database is gone or busy: the next commit's automatic checkpoint does the work instead.
                }
            }

            Volatile.Write(ref pending.Running, 0);
        }

        // A request that came after the last check and found this one still running.
        while (Volatile.Read(ref pending.Requested) == 1 && Interlocked.CompareExchange(ref pending.Running, 1, 0) == 0);
    }

    private sealed class Pending
    {
        public int Requested;
        public int Running;
    }
}
