using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Registry.Core.Data;

/// <summary>
/// Inserts many new rows of one entity type without the change tracker, inside the caller's transaction: on SQLite one
/// prepared statement run per row (in-process, no round trip), on PostgreSQL multi-row INSERTs of up to
/// <see cref="MaxParameters"/> values each. Values go through the model's type mappings and converters, as SaveChanges
/// would write them. For bulk paths (register import) where SaveChanges' per-entity bookkeeping dominates.
/// Limits, checked: no shadow or computed columns, no owned types; a store-generated key is the only generated column.
/// </summary>
public static class BulkInsert
{
    /// <summary>Bound values per PostgreSQL statement (its protocol allows 65,535).</summary>
    private const int MaxParameters = 30_000;

    /// <summary>
    /// Inserts <paramref name="rows"/>; with <paramref name="assignKeys"/> their store-generated key is read back into each
    /// entity (needed when other rows refer to them). Requires an open transaction on <paramref name="db"/>.
    /// </summary>
    public static async Task InsertAsync<T>(this DbContext db, IReadOnlyList<T> rows, bool assignKeys, CancellationToken cancellationToken)
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
        if (db.IsPostgreSql())
        {
            await InsertMultiRowAsync(transaction, table, rows, assignKeys, cancellationToken);
        }
        else
        {
            await InsertRowByRowAsync(transaction, table, rows, assignKeys, cancellationToken);
        }
    }

    /// <summary>
    /// For a long bulk write on SQLite: a page cache of <paramref name="mebibytes"/> on this connection until disposed (the
    /// default 2 MiB makes a large transaction spill and re-read index pages over and over); nothing on PostgreSQL.
    /// </summary>
    public static async Task<IAsyncDisposable> WidenSqliteCacheAsync(this DbContext db, int mebibytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsPostgreSql() || db.Database.CurrentTransaction is null)
        {
            return new Restore(null, null, 0);
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction.GetDbTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA cache_size = " + (-1024L * mebibytes).ToString(CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new Restore(connection, transaction, previous);
    }

    /// <summary>
    /// Inserts every entity the change tracker holds as Added (grouped by type, in the order first seen) and stops
    /// tracking them: for rows recorded through services that add to the context (audit entries, change-feed events).
    /// </summary>
    public static async Task InsertAddedAsync(this DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        foreach (var group in added.GroupBy(e => e.Entity.GetType()))
        {
            var entities = group.Select(e => e.Entity).ToList();
            await InsertObjectsAsync(db, group.Key, entities, cancellationToken);
        }

        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }
    }

    private static Task InsertObjectsAsync(DbContext db, Type type, List<object> entities, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction (all-or-nothing).");
        var table = TableOf(db, type);
        return db.IsPostgreSql()
            ? InsertMultiRowAsync(transaction, table, entities, assignKeys: false, cancellationToken)
            : InsertRowByRowAsync(transaction, table, entities, assignKeys: false, cancellationToken);
    }

    private static Task InsertRowByRowAsync<T>(DbTransaction transaction, Table table, IReadOnlyList<T> rows, bool assignKeys, CancellationToken cancellationToken)
        where T : class
    {
        // SQLite runs in-process and its async methods complete synchronously anyway: plain calls, no state machines.
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(table.InsertHead).Append(" VALUES (");
        var parameters = new DbParameter[table.Columns.Count];
        for (var c = 0; c < table.Columns.Count; c++)
        {
            // Named with the placeholder's prefix: Microsoft.Data.Sqlite then finds each at once instead of trying prefixes
            // on every execution (8% of the import's time in a trace).
            var name = table.Placeholder("p" + c.ToString(CultureInfo.InvariantCulture));
            parameters[c] = table.Columns[c].Mapping.CreateParameter(command, name, null, table.Columns[c].Nullable);
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
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = table.Columns[c].Read(row) ?? DBNull.Value;
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

        return Task.CompletedTask;
    }

    private static async Task InsertMultiRowAsync<T>(DbTransaction transaction, Table table, IReadOnlyList<T> rows, bool assignKeys, CancellationToken cancellationToken)
        where T : class
    {
        var connection = transaction.Connection!;
        var columns = table.Columns;
        if (assignKeys)
        {
            // Keys drawn from the column's own sequence first, then written explicitly: no reliance on RETURNING's order.
            await using var draw = connection.CreateCommand();
            draw.Transaction = transaction;
            draw.CommandText = "SELECT nextval(pg_get_serial_sequence(@t, @c)) FROM generate_series(1, @n)";
            AddValue(draw, "t", table.QualifiedName);
            AddValue(draw, "c", table.KeyColumnName);
            AddValue(draw, "n", rows.Count);
            await using var reader = await draw.ExecuteReaderAsync(cancellationToken);
            var index = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                table.SetKey(rows[index++], reader.GetInt64(0));
            }

            columns = [.. columns, table.KeyAsColumn!];
        }

        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        var head = assignKeys ? table.InsertHeadWithKey : table.InsertHead;
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

    private static void AddValue(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static Table TableOf(DbContext db, Type type)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var helper = db.GetService<ISqlGenerationHelper>();
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
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

            columns.Add(new Column(property, helper.DelimitIdentifier(property.GetColumnName(store)!)));
        }

        var qualified = helper.DelimitIdentifier(tableName, entityType.GetSchema());
        var names = string.Join(", ", columns.Select(c => c.Delimited));
        var keyColumn = key is null ? null : helper.DelimitIdentifier(key.GetColumnName(store)!);
        return new Table(
            qualified,
            $"INSERT INTO {qualified} ({names})",
            key is null ? "" : $"INSERT INTO {qualified} ({names}, {keyColumn})",
            columns,
            key,
            keyColumn ?? "",
            key?.GetColumnName(store) ?? "",
            key is null ? null : new Column(key, keyColumn!),
            helper);
    }

    private sealed class Column(IProperty property, string delimited)
    {
        private readonly PropertyInfo _info = property.PropertyInfo!;
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;

        public string Delimited { get; } = delimited;

        public RelationalTypeMapping Mapping { get; } = (RelationalTypeMapping)property.GetRelationalTypeMapping();

        public bool Nullable { get; } = property.IsNullable;

        /// <summary>The value as the database stores it (through the property's converter).</summary>
        public object? Read(object entity)
        {
            return _info.GetValue(entity) switch
            {
                null => null,
                var value when _converter is not null => _converter.ConvertToProvider(value),
                Enum value => Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture),
                var value => value,
            };
        }

        /// <summary>The entity's own value, for <see cref="RelationalTypeMapping.CreateParameter"/>, which converts it.</summary>
        public object? ReadModelValue(object entity) => _info.GetValue(entity);
    }

    private sealed record Table(
        string QualifiedName,
        string InsertHead,
        string InsertHeadWithKey,
        List<Column> Columns,
        IProperty? Key,
        string KeyColumn,
        string KeyColumnName,
        Column? KeyAsColumn,
        ISqlGenerationHelper Helper)
    {
        public string Placeholder(string name) => Helper.GenerateParameterNamePlaceholder(name);

        public void SetKey(object entity, object? value)
        {
            var key = Key ?? throw new InvalidOperationException("The entity has no store-generated key to read back.");
            key.PropertyInfo!.SetValue(entity, Convert.ChangeType(value, key.ClrType, CultureInfo.InvariantCulture));
        }
    }

    private sealed class Restore(DbConnection? connection, DbTransaction? transaction, long previous) : IAsyncDisposable
    {
        private DbConnection? _connection = connection;

        /// <summary>
        /// Gives the connection back its usual cache; call it before the commit (the connection may close with the
        /// transaction and return to the pool still holding the wide cache). Once only; also on the way out of a failure.
        /// </summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _connection, null) is { State: System.Data.ConnectionState.Open } open)
            {
                await using var command = open.CreateCommand();
                command.Transaction = transaction?.Connection is null ? null : transaction;
                command.CommandText = "PRAGMA cache_size = " + previous.ToString(CultureInfo.InvariantCulture);
                await command.ExecuteNonQueryAsync();
            }
        }
    }
}
