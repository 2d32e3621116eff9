using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Registry.Core.Data;

namespace Registry.Bench.Support;

/// <summary>
/// Writes many new rows of one entity type straight into the bench's SQLite database: one prepared single-row INSERT
/// re-bound per row inside one transaction, values through the model's converters as SaveChanges would write them.
/// Unlike Core's <see cref="BulkInsert"/> it flattens owned types stored in the owner's table (an annual report's
/// content); store-generated keys are left to SQLite (rows get ascending ids in the order given).
/// </summary>
internal static class SqliteRows
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = new List<(string Name, Func<object, object?> Read)>();
        var entity = Expression.Parameter(typeof(object), "entity");
        var typed = Expression.Convert(entity, typeof(T));
        AddColumns(entityType, typed, store, entity, columns, owned: false);

        await using var bulk = await db.SqliteBulkWriteAsync(256, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{store.Name}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < columns.Count; c++)
            {
                parameters[c].Value = columns[c].Read(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void AddColumns(ITypeBase type, Expression instance, StoreObjectIdentifier store, ParameterExpression entity, List<(string, Func<object, object?>)> columns, bool owned)
    {
        foreach (var property in type.GetProperties())
        {
            // The owner's generated key is SQLite's to assign; an owned type's key is the owner's (the same column).
            if (property.IsPrimaryKey() && (owned || property.ValueGenerated == ValueGenerated.OnAdd))
            {
                continue;
            }

            if (property.PropertyInfo is null)
            {
                throw new NotSupportedException($"{type.DisplayName()}.{property.Name}: a shadow column is not written by the bench.");
            }

            var read = Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(instance, property.PropertyInfo), typeof(object)), entity).Compile();
            var converter = property.GetTypeMapping().Converter;
            columns.Add((property.GetColumnName(store)!, value => Provider(read(value), converter)));
        }

        if (type is IEntityType entityType)
        {
            foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
            {
                AddColumns(navigation.TargetEntityType, Expression.Property(instance, navigation.PropertyInfo!), store, entity, columns, owned: true);
            }
        }
    }

    private static object? Provider(object? value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) => value switch
    {
        null => null,
        _ when converter is not null => converter.ConvertToProvider(value),
        Enum e => Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
