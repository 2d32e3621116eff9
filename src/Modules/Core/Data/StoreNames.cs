using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Registry.Core.Data;

/// <summary>
/// An entity's table and columns as the provider quotes them in hand-written SQL, taken from the model (so a renamed
/// table or column, or another provider's quoting, needs no change where the SQL is written).
/// </summary>
internal sealed class StoreNames
{
    private readonly StoreObjectIdentifier _table;

    private StoreNames(IEntityType entityType, ISqlGenerationHelper sql)
    {
        EntityType = entityType;
        Sql = sql;
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.ClrType.Name} has no table.");
        _table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        Table = sql.DelimitIdentifier(tableName, entityType.GetSchema());
    }

    public IEntityType EntityType { get; }

    public ISqlGenerationHelper Sql { get; }

    /// <summary>The table's name without schema or quotes.</summary>
    public string TableName => _table.Name;

    /// <summary>The table, schema-qualified and quoted.</summary>
    public string Table { get; }

    public static StoreNames Of(DbContext db, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        return Of(db, entityType);
    }

    public static StoreNames Of(DbContext db, IEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(entityType, db.GetService<ISqlGenerationHelper>());
    }

    /// <summary>The property's column name without quotes.</summary>
    public string ColumnName(IProperty property) => property.GetColumnName(_table)!;

    /// <summary>The property's column, quoted.</summary>
    public string Column(IProperty property) => Sql.DelimitIdentifier(ColumnName(property));

    /// <summary>The named property's column, quoted.</summary>
    public string Column(string propertyName) =>
        Column(EntityType.FindProperty(propertyName) ?? throw new InvalidOperationException($"{EntityType.ClrType.Name}.{propertyName} is not mapped."));
}
