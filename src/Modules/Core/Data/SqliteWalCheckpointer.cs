using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Registry.Core.Data;

/// <summary>
/// During a bulk write on a SQLite database in WAL mode: copies the log's committed pages into the database file on a
/// connection and thread of its own, while the writer's connection checkpoints nothing itself. Otherwise the commit
/// that takes the log past its 1,000 pages copies every page the transaction wrote into the database file and syncs
/// it, on the writer's thread (a quarter of a register import file's time, growing with the file). Nothing else changes:
/// the commit still syncs the log, and pages reach the database file in the same order, only on another thread.
/// When the bulk write ends the writer's automatic checkpoints resume, and this goes on until the log is copied, then
/// closes its connection.
/// </summary>
internal sealed class SqliteWalCheckpointer
{
    /// <summary>How long to wait before looking again when everything committed is copied (the writer commits per file).</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Log file size past which it is emptied once copied, when no other bulk write has started for <see cref="Quiet"/> and
    /// nothing is using it. A writer starts the log afresh only when everything in it has been copied, so bulk writes in
    /// quick succession (the files of a large import, the audit sealer's batches) append to it meanwhile: it grew to about
    /// a gigabyte over 1,000,000 imported rows. It is not emptied between them, nor below this size: overwriting the file is
    /// faster than growing it again (emptying it after every import file made the import about a tenth slower).
    /// </summary>
    internal static long LogFileBound { get; set; } = 512L << 20;

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The latest bulk write started on each database file: one started on the same file after this one's end means more
    /// are coming (bulk writes on other files, such as other tenants' or tests', say nothing about this log).
    /// </summary>
    private static readonly ConcurrentDictionary<string, SqliteWalCheckpointer> LatestByFile = new(StringComparer.Ordinal);

    private readonly SqliteConnection _writer;
    private readonly long _previousAutomatic;
    private readonly SqliteConnection _own;
    private readonly string _logFile;
    private readonly TaskCompletionSource _finishing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SqliteWalCheckpointer(SqliteConnection writer, long previousAutomatic, SqliteConnection own)
    {
        _writer = writer;
        _previousAutomatic = previousAutomatic;
        _own = own;
        _logFile = Path.GetFullPath(writer.DataSource) + "-wal";
        LatestByFile[_logFile] = this;
    }

    /// <summary>Starts on a database file in WAL mode, outside any transaction of the writer's; null otherwise (nothing to do).</summary>
    public static async Task<SqliteWalCheckpointer?> StartAsync(SqliteConnection writer, CancellationToken cancellationToken)
    {
        if (!string.Equals(Convert.ToString(await ScalarAsync(writer, "PRAGMA journal_mode", cancellationToken), CultureInfo.InvariantCulture), "wal", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var previous = Convert.ToInt64(await ScalarAsync(writer, "PRAGMA wal_autocheckpoint", cancellationToken), CultureInfo.InvariantCulture);
        // Not from the pool: a connection of its own for the background, never waiting for a lock.
        var own = new SqliteConnection(new SqliteConnectionStringBuilder(writer.ConnectionString) { Pooling = false }.ToString());
        try
        {
            await own.OpenAsync(cancellationToken);
            await ScalarAsync(own, "PRAGMA busy_timeout = 0", cancellationToken);
            await ScalarAsync(writer, "PRAGMA wal_autocheckpoint = 0", cancellationToken);
        }
        catch
        {
            await own.DisposeAsync();
            throw;
        }

        var checkpointer = new SqliteWalCheckpointer(writer, previous, own);
        _ = Task.Run(checkpointer.RunAsync, CancellationToken.None);
        return checkpointer;
    }

    /// <summary>Gives the writer back its automatic checkpoints; the copying goes on in the background until the log is copied.</summary>
    /// <param name="transaction">The writer's open transaction, if it ends in a failure before its commit.</param>
    public async Task StopAsync(SqliteTransaction? transaction)
    {
        try
        {
            if (_writer.State == System.Data.ConnectionState.Open)
            {
                await ScalarAsync(_writer, "PRAGMA wal_autocheckpoint = " + _previousAutomatic.ToString(CultureInfo.InvariantCulture), CancellationToken.None, transaction);
            }
        }
        finally
        {
            _finishing.TrySetResult();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                // PASSIVE: copies what no reader still needs, never waits for a lock, and leaves the writer alone.
                await using var command = _own.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                long busy, logged, copied;
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
                {
                    await reader.ReadAsync(CancellationToken.None);
                    (busy, logged, copied) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                }

                var caughtUp = busy != 0 || copied >= logged;
                if (caughtUp && _finishing.Task.IsCompleted)
                {
                    if (new FileInfo(_logFile) is { Exists: true } log && log.Length > LogFileBound)
                    {
                        await Task.Delay(Quiet);
                        await TruncateWhileLatestAsync();
                    }

                    return;
                }

                if (caughtUp)
                {
                    await Task.WhenAny(_finishing.Task, Task.Delay(Idle));
                }
            }
        }
        catch (SqliteException)
        {
            // The database went away or is locked in a way a passive checkpoint cannot pass: the writers' automatic
            // checkpoints, restored by then or soon, take over.
        }
        finally
        {
            // Only while it is still the latest on its file, so the map holds no entry per file ever written in bulk.
            LatestByFile.TryRemove(new KeyValuePair<string, SqliteWalCheckpointer>(_logFile, this));
            await _own.DisposeAsync();
        }
    }

    /// <summary>
    /// Empties the log when no one is writing or reading an older state. A reader or writer in the way is waited out for
    /// up to <see cref="Quiet"/> (without blocking anyone: the connection never waits for a lock), then left for another
    /// time; so is a log another bulk write on the file has started using meanwhile.
    /// </summary>
    private async Task TruncateWhileLatestAsync()
    {
        for (var attempt = Quiet / Idle; attempt > 0; attempt--)
        {
            if (!LatestByFile.TryGetValue(_logFile, out var latest) || latest != this)
            {
                return;
            }

            var busy = Convert.ToInt64(await ScalarAsync(_own, "PRAGMA wal_checkpoint(TRUNCATE)", CancellationToken.None), CultureInfo.InvariantCulture);
            if (busy == 0)
            {
                return;
            }

            await Task.Delay(Idle);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
