using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Registry.Core.Data;

/// <summary>
/// Inserts many new rows of one entity type without the change tracker, inside the caller's transaction: multi-row
/// INSERTs on both providers (on SQLite bound by position and stepped straight through SQLitePCL, since
/// Microsoft.Data.Sqlite looks every parameter up by name on every execution; on PostgreSQL up to
/// <see cref="MaxParameters"/> values per statement). Values go through the model's type mappings and converters, as
/// SaveChanges would write them. Store-generated keys are drawn first and written explicitly. For bulk paths (register
/// import) where SaveChanges' per-entity bookkeeping dominates.
/// A failed insert ends the caller's transaction on both providers (rolled back on SQLite, aborted on PostgreSQL): the
/// caller's all-or-nothing write then rolls back whole.
/// Limits, checked: no shadow or computed columns, no owned types; a store-generated key is the only generated column.
/// </summary>
public static class BulkInsert
{
    /// <summary>Bound values per PostgreSQL statement (its protocol allows 65,535).</summary>
    private const int MaxParameters = 30_000;

    /// <summary>
    /// Rows per SQLite statement (its bound-parameter limit, 32,766 in the bundled build, is checked too): enough to open
    /// each table's and index's cursors once per batch instead of once per row; larger statements gained nothing measurable.
    /// </summary>
    private const int MaxSqliteRows = 100;

    /// <summary>
    /// Inserts <paramref name="rows"/>; with <paramref name="assignKeys"/> their store-generated key is read back into each
    /// entity (needed when other rows refer to them). Requires an open transaction on <paramref name="db"/>.
    /// </summary>
    public static Task InsertAsync<T>(this DbContext db, IReadOnlyList<T> rows, bool assignKeys, CancellationToken cancellationToken)
        where T : class =>
        InsertCoreAsync(db, rows, assignKeys ? Keys.Draw : Keys.None, cancellationToken);

    /// <summary>
    /// Inserts <paramref name="rows"/> whose store-generated keys were drawn with <see cref="DrawKeysAsync{T}"/> and set on
    /// them (so rows that refer to them can be built before they are written). Requires an open transaction.
    /// </summary>
    public static Task InsertWithDrawnKeysAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class =>
        InsertCoreAsync(db, rows, Keys.Given, cancellationToken);

    /// <summary>
    /// <paramref name="count"/> store-generated keys of <typeparamref name="T"/>'s table, for rows then written with
    /// <see cref="InsertWithDrawnKeysAsync{T}"/> inside the same transaction. PostgreSQL: taken from the column's sequence
    /// (unused ones are gaps, as any rolled-back insert leaves). SQLite: the keys after the table's highest, which this
    /// transaction, the only writer, holds until its rows are inserted; draw once, insert, and only then draw again.
    /// </summary>
    public static async Task<IReadOnlyList<long>> DrawKeysAsync<T>(this DbContext db, int count, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Keys are drawn inside the transaction that inserts the rows.");
        var table = TableOf(db, typeof(T));
        if (table.Key is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no store-generated key.");
        }

        var keys = new long[count];
        if (count == 0)
        {
            return keys;
        }

        if (db.IsPostgreSql())
        {
            await DrawPostgreSqlKeysAsync(transaction, table, keys, cancellationToken);
        }
        else
        {
            var first = NextSqliteKey((SqliteConnection)transaction.Connection!, transaction, table);
            for (var i = 0; i < count; i++)
            {
                keys[i] = first + i;
            }
        }

        return keys;
    }

    /// <summary>How an insert treats a store-generated key: not written, drawn here and written, or already set and written.</summary>
    private enum Keys
    {
        None,
        Draw,
        Given,
    }

    private static async Task InsertCoreAsync<T>(DbContext db, IReadOnlyList<T> rows, Keys keys, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction (all-or-nothing).");
        var table = TableOf(db, typeof(T));
        if (keys != Keys.None && table.Key is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no store-generated key.");
        }

        if (db.IsPostgreSql())
        {
            await InsertMultiRowAsync(transaction, table, rows, keys, cancellationToken);
        }
        else
        {
            InsertSqlite(transaction, table, rows, keys, cancellationToken);
        }
    }

    /// <summary>
    /// For a long bulk write on SQLite: call it before the transaction begins and dispose it after the commit. Until
    /// then the connection stays open with a page cache of <paramref name="mebibytes"/> (the default 2 MiB makes a large
    /// transaction spill and re-read index pages over and over) and statement journals kept in memory. A statement
    /// that could fail halfway (a foreign key or another constraint to check) keeps a journal of the pages it changes,
    /// so it can undo itself alone; past 64 KiB SQLite spills that journal to a temporary file (the audit sealer's
    /// UPDATEs wrote more than a page per entry; the inserts here keep none, see <see cref="InsertSqlite{T}"/>). SQLite
    /// decides where a transaction's journals go when the transaction begins, hence the order. In WAL mode the log's
    /// pages are copied into the database file on another thread meanwhile (<see cref="SqliteWalCheckpointer"/>).
    /// Nothing on PostgreSQL.
    /// </summary>
    public static async Task<IAsyncDisposable> SqliteBulkWriteAsync(this DbContext db, int mebibytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsPostgreSql())
        {
            return new Restore(null, 0, 0);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Prepare a bulk write before its transaction begins: SQLite places a transaction's statement journals when it begins.");
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        long previousCache, previousTemp;
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            previousCache = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA temp_store";
            previousTemp = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA cache_size = " + (-1024L * mebibytes).ToString(CultureInfo.InvariantCulture) + "; PRAGMA temp_store = MEMORY;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }

        // From here on every way out gives the pooled connection its settings back (also a failure to start the checkpointer).
        var restore = new Restore(db, previousCache, previousTemp);
        try
        {
            restore.Checkpointer = await SqliteWalCheckpointer.StartAsync((SqliteConnection)db.Database.GetDbConnection(), cancellationToken);
            return restore;
        }
        catch
        {
            await restore.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SQLite: multi-row INSERTs prepared once per shape, values bound by position (no parameter objects, no name
    /// lookups) and stepped directly; SQLite runs in-process, so nothing here waits. Tables with a column type the
    /// positional binder does not know go row by row through Microsoft.Data.Sqlite instead.
    /// A multi-row statement that a constraint could stop halfway keeps a statement journal (a copy of every page it
    /// changes, so it can undo itself alone): in a register import at a million organizations that copying was about
    /// two fifths of SQLite's time. None is kept when a failure rolls the whole transaction back (<c>OR ROLLBACK</c>:
    /// NOT NULL, UNIQUE, CHECK) or when the statement inserts one row. Foreign keys ignore <c>OR ROLLBACK</c>, so a
    /// table with one is inserted a row per statement, still checked by the database.
    /// </summary>
    private static void InsertSqlite<T>(DbTransaction transaction, Table table, IReadOnlyList<T> rows, Keys keys, CancellationToken cancellationToken)
        where T : class
    {
        if (!table.SqliteBindable || transaction.Connection is not SqliteConnection { Handle: { } handle } connection)
        {
            InsertRowByRow(transaction, table, rows, keys);
            return;
        }

        var columns = table.Columns;
        if (keys == Keys.Draw)
        {
            // Keys drawn first and written explicitly, as on PostgreSQL (the order of a multi-row RETURNING is unspecified).
            // This transaction is the only writer, and an AUTOINCREMENT table's sqlite_sequence follows explicit keys.
            var first = NextSqliteKey(connection, transaction, table);
            for (var i = 0; i < rows.Count; i++)
            {
                table.SetKey(rows[i], first + i);
            }
        }

        if (keys != Keys.None)
        {
            columns = [.. columns, table.KeyAsColumn!];
        }

        var limit = raw.sqlite3_limit(handle, raw.SQLITE_LIMIT_VARIABLE_NUMBER, -1);
        var perStatement = table.HasForeignKey ? 1 : Math.Clamp(limit / columns.Count, 1, MaxSqliteRows);
        var target = keys != Keys.None ? table.IntoWithKey : table.Into;
        sqlite3_stmt? full = null;
        sqlite3_stmt? tail = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(perStatement, rows.Count - start);
                var statement = count == perStatement
                    ? full ??= PrepareSqlite(handle, target, columns.Count, count)
                    : tail = PrepareSqlite(handle, target, columns.Count, count);
                var index = 1;
                for (var r = start; r < start + count; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        BindSqlite(statement, index++, columns[c].Read(rows[r]));
                    }
                }

                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_ROW)
                {
                    throw new InvalidOperationException("An INSERT returned rows.");
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            full?.Dispose();
            tail?.Dispose();
        }
    }

    private static long NextSqliteKey(SqliteConnection connection, DbTransaction transaction, Table table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'";
        var sequence = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0
            ? "(SELECT seq FROM sqlite_sequence WHERE name = $t)"
            : "0";
        command.CommandText = $"SELECT max(ifnull({sequence}, 0), ifnull((SELECT max({table.KeyColumn}) FROM {table.QualifiedName}), 0))";
        command.Parameters.AddWithValue("$t", table.TableName);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) + 1;
    }

    private static sqlite3_stmt PrepareSqlite(sqlite3 handle, string target, int columns, int rows)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        var sql = "INSERT OR ROLLBACK " + target + " VALUES " + string.Join(", ", Enumerable.Repeat(row, rows));
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, handle);
        }

        return statement ?? throw new InvalidOperationException("SQLite prepared no statement.");
    }

    [ThreadStatic]
    private static byte[]? Utf8Buffer;

    /// <summary>
    /// Text encoded into a reused buffer (SQLite copies it while binding) instead of a new UTF-8 array per value; the empty
    /// string goes the ordinary way (an empty span would bind NULL).
    /// </summary>
    private static int BindText(sqlite3_stmt statement, int index, string text)
    {
        if (text.Length == 0)
        {
            return raw.sqlite3_bind_text(statement, index, text);
        }

        var buffer = Utf8Buffer;
        var most = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (buffer is null || buffer.Length < most)
        {
            Utf8Buffer = buffer = new byte[Math.Max(most, 4096)];
        }

        var length = System.Text.Encoding.UTF8.GetBytes(text, buffer);
        return raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, length));
    }

    [ThreadStatic]
    private static (DateTime At, string Text)? LastInstant;

    /// <summary>
    /// Microsoft.Data.Sqlite's text form of an instant; the last one is kept, since a bulk write stamps every row (and its
    /// revision, audit entry and event) with the same instant.
    /// </summary>
    private static string TextOf(DateTime at)
    {
        if (LastInstant is { } last && last.At == at)
        {
            return last.Text;
        }

        var text = at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        LastInstant = (at, text);
        return text;
    }

    /// <summary>What Microsoft.Data.Sqlite binds for these provider values (its text forms of dates included).</summary>
    private static void BindSqlite(sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => BindText(statement, index, text),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double real when !double.IsNaN(real) => raw.sqlite3_bind_double(statement, index, real),
            DateTime at => BindText(statement, index, TextOf(at)),
            DateOnly day => BindDay(statement, index, day),
            _ => throw new NotSupportedException($"BulkInsert cannot bind a {value.GetType().Name} on SQLite."),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused a bound value (code {rc}).");
        }
    }

    /// <summary>Microsoft.Data.Sqlite's text form of a day, formatted as UTF-8 on the stack (SQLite copies it while binding).</summary>
    private static int BindDay(sqlite3_stmt statement, int index, DateOnly day)
    {
        Span<byte> text = stackalloc byte[16];
        return day.TryFormat(text, out var length, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(statement, index, text[..length])
            : raw.sqlite3_bind_text(statement, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
    }

    private static void InsertRowByRow<T>(DbTransaction transaction, Table table, IReadOnlyList<T> rows, Keys keys)
        where T : class
    {
        var assignKeys = keys == Keys.Draw;
        List<Column> columns = keys == Keys.Given ? [.. table.Columns, table.KeyAsColumn!] : table.Columns;
        // SQLite runs in-process and its async methods complete synchronously anyway: plain calls, no state machines.
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT ").Append(keys == Keys.Given ? table.IntoWithKey : table.Into).Append(" VALUES (");
        var parameters = new DbParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            // Named with the placeholder's prefix: Microsoft.Data.Sqlite then finds each at once instead of trying prefixes
            // on every execution (8% of the import's time in a trace).
            var name = table.Placeholder("p" + c.ToString(CultureInfo.InvariantCulture));
            parameters[c] = columns[c].Mapping.CreateParameter(command, name, null, columns[c].Nullable);
            // Made with a null value; -1 (as EF sets for long values) so no provider cuts a later, longer value to a size.
            parameters[c].Size = -1;
            command.Parameters.Add(parameters[c]);
            sql.Append(c == 0 ? "" : ", ").Append(name);
        }

        sql.Append(')');
        if (assignKeys)
        {
            sql.Append(" RETURNING ").Append(table.KeyColumn);
        }

        command.CommandText = sql.ToString();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = columns[c].Read(row) ?? DBNull.Value;
            }

            if (assignKeys)
            {
                table.SetKey(row, command.ExecuteScalar());
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }
    }

    private static async Task InsertMultiRowAsync<T>(DbTransaction transaction, Table table, IReadOnlyList<T> rows, Keys keys, CancellationToken cancellationToken)
        where T : class
    {
        var connection = transaction.Connection!;
        var columns = table.Columns;
        if (keys == Keys.Draw)
        {
            // Keys drawn from the column's own sequence first, then written explicitly: no reliance on RETURNING's order.
            var drawn = new long[rows.Count];
            await DrawPostgreSqlKeysAsync(transaction, table, drawn, cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                table.SetKey(rows[i], drawn[i]);
            }
        }

        if (keys != Keys.None)
        {
            columns = [.. columns, table.KeyAsColumn!];
        }

        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        var head = "INSERT " + (keys != Keys.None ? table.IntoWithKey : table.Into);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(head).Append(" VALUES ");
            var n = 0;
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "p" + n++.ToString(CultureInfo.InvariantCulture);
                    // The mapping converts the model value itself (enum to its stored string and so on).
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, columns[c].ReadModelValue(rows[start + r]), columns[c].Nullable));
                    sql.Append(c == 0 ? "" : ", ").Append(table.Placeholder(name));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Fills <paramref name="keys"/> from the key column's sequence (one round trip).</summary>
    private static async Task DrawPostgreSqlKeysAsync(DbTransaction transaction, Table table, long[] keys, CancellationToken cancellationToken)
    {
        await using var draw = transaction.Connection!.CreateCommand();
        draw.Transaction = transaction;
        draw.CommandText = "SELECT nextval(pg_get_serial_sequence(@t, @c)) FROM generate_series(1, @n)";
        AddValue(draw, "t", table.QualifiedName);
        AddValue(draw, "c", table.KeyColumnName);
        AddValue(draw, "n", keys.Length);
        await using var reader = await draw.ExecuteReaderAsync(cancellationToken);
        var index = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[index++] = reader.GetInt64(0);
        }
    }

    private static void AddValue(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Per entity type of a model (each provider has its own model): the columns' compiled getters are made once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEntityType, Table> Tables = [];

    private static Table TableOf(DbContext db, Type type)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        return Tables.GetValue(entityType, e => Describe(db, e));
    }

    private static Table Describe(DbContext db, IEntityType entityType)
    {
        var type = entityType.ClrType;
        var names = StoreNames.Of(db, entityType);
        if (entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entityType.IsOwned())
        {
            throw new NotSupportedException($"{type.Name}: owned types are not bulk-inserted.");
        }

        var key = entityType.FindPrimaryKey()?.Properties is [var single] && single.ValueGenerated == ValueGenerated.OnAdd ? single : null;
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property == key)
            {
                continue;
            }

            if (property.IsShadowProperty() || property.PropertyInfo is null || property.GetComputedColumnSql() is not null)
            {
                throw new NotSupportedException($"{type.Name}.{property.Name}: shadow and computed columns are not bulk-inserted.");
            }

            columns.Add(new Column(property, names.Column(property)));
        }

        var columnList = string.Join(", ", columns.Select(c => c.Delimited));
        var keyColumn = key is null ? null : names.Column(key);
        return new Table(
            names.TableName,
            names.Table,
            $"INTO {names.Table} ({columnList})",
            key is null ? "" : $"INTO {names.Table} ({columnList}, {keyColumn})",
            columns,
            key,
            keyColumn ?? "",
            key is null ? "" : names.ColumnName(key),
            key is null ? null : new Column(key, keyColumn!),
            entityType.GetForeignKeys().Any(),
            names.Sql);
    }

    private sealed class Column(IProperty property, string delimited)
    {
        private static readonly HashSet<Type> SqliteTypes =
            [typeof(string), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(DateTime), typeof(DateOnly)];

        private readonly Func<object, object?> _get = Getter(property.PropertyInfo!);
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;

        public string Delimited { get; } = delimited;

        public RelationalTypeMapping Mapping { get; } = (RelationalTypeMapping)property.GetRelationalTypeMapping();

        public bool Nullable { get; } = property.IsNullable;

        /// <summary>The provider value's type (after the converter; an enum's underlying type) is one the SQLite binder knows.</summary>
        public bool SqliteBindable { get; } = SqliteTypes.Contains(ProviderType(property));

        /// <summary>The value as the database stores it (through the property's converter).</summary>
        public object? Read(object entity)
        {
            return _get(entity) switch
            {
                null => null,
                var value when _converter is not null => _converter.ConvertToProvider(value),
                Enum value => Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture),
                var value => value,
            };
        }

        /// <summary>The entity's own value, for <see cref="RelationalTypeMapping.CreateParameter"/>, which converts it.</summary>
        public object? ReadModelValue(object entity) => _get(entity);

        private static Type ProviderType(IProperty property)
        {
            var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
            type = System.Nullable.GetUnderlyingType(type) ?? type;
            return type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        }

        /// <summary>A compiled getter: reflection's GetValue showed in the import's profile.</summary>
        private static Func<object, object?> Getter(PropertyInfo info)
        {
            var entity = Expression.Parameter(typeof(object), "entity");
            var read = Expression.Property(Expression.Convert(entity, info.DeclaringType!), info);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), entity).Compile();
        }
    }

    private sealed record Table(
        string TableName,
        string QualifiedName,
        string Into,
        string IntoWithKey,
        List<Column> Columns,
        IProperty? Key,
        string KeyColumn,
        string KeyColumnName,
        Column? KeyAsColumn,
        bool HasForeignKey,
        ISqlGenerationHelper Helper)
    {
        /// <summary>Every column (the key too) has a provider type <see cref="BindSqlite"/> knows.</summary>
        public bool SqliteBindable { get; } = Columns.All(c => c.SqliteBindable) && KeyAsColumn?.SqliteBindable != false;

        public string Placeholder(string name) => Helper.GenerateParameterNamePlaceholder(name);

        public void SetKey(object entity, object? value)
        {
            var key = Key ?? throw new InvalidOperationException("The entity has no store-generated key to read back.");
            key.PropertyInfo!.SetValue(entity, Convert.ChangeType(value, key.ClrType, CultureInfo.InvariantCulture));
        }
    }

    private sealed class Restore(DbContext? db, long previousCache, long previousTemp) : IAsyncDisposable
    {
        private DbContext? _db = db;

        /// <summary>Copies the log in the background while the bulk write lasts (WAL mode only); stopped first.</summary>
        public SqliteWalCheckpointer? Checkpointer { get; set; }

        /// <summary>
        /// Gives the connection back its usual cache, temporary storage and automatic checkpoints, then closes it (back
        /// to the pool). Once only; also on the way out of a failure.
        /// </summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _db, null) is not { } open)
            {
                return;
            }

            try
            {
                var transaction = open.Database.CurrentTransaction?.GetDbTransaction();
                if (Checkpointer is not null)
                {
                    await Checkpointer.StopAsync((SqliteTransaction?)transaction);
                }

                if (open.Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } connection)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = "PRAGMA cache_size = " + previousCache.ToString(CultureInfo.InvariantCulture)
                        + "; PRAGMA temp_store = " + previousTemp.ToString(CultureInfo.InvariantCulture) + ";";
                    await command.ExecuteNonQueryAsync();
                }
            }
            finally
            {
                await open.Database.CloseConnectionAsync();
            }
        }
    }
}
