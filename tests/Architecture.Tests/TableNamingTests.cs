using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Registry.Web.Data;
using Registry.Web.Hosting;

namespace Registry.Architecture.Tests;

/// <summary>DESIGN.md §1: one database, tables named &lt;Module&gt;_&lt;Entity&gt;.</summary>
public sealed class TableNamingTests
{
    private static readonly Lazy<IModel> Model = new(BuildModel);

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void EntityTypes_OfModule_MapToTablesPrefixedWithModuleName(string module)
    {
        var prefix = module + "_";
        var misnamed = Model.Value.GetEntityTypes()
            .Where(e => OwningModules(e).Contains(module))
            .Select(e => (Entity: e.DisplayName(), Table: e.GetTableName() ?? e.GetViewName()))
            .Where(e => e.Table is not null && !e.Table.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => $"{e.Entity} -> {e.Table}")
            .ToList();

        misnamed.ShouldBeEmpty($"entities of Registry.{module} whose table does not start with '{prefix}'");
    }

    [Fact]
    public void EntityTypes_FromIdentityFramework_MapToCoreTables()
    {
        var identity = Model.Value.GetEntityTypes().Where(IsFrameworkPlatform).ToList();
        identity.ShouldNotBeEmpty();

        identity.Where(e => e.GetTableName()?.StartsWith("Core_", StringComparison.Ordinal) != true)
            .Select(e => $"{e.DisplayName()} -> {e.GetTableName()}")
            .ShouldBeEmpty("Identity's and Data Protection's tables keep the Core_ prefix");
    }

    [Fact]
    public void EntityTypes_All_BelongToAModuleOrIdentity()
    {
        // The host holds no domain code; an entity nobody owns has no prefix to follow.
        var orphans = Model.Value.GetEntityTypes()
            .Where(e => OwningModules(e).Count == 0 && !IsFrameworkPlatform(e))
            .Select(e => $"{e.DisplayName()} ({e.ClrType.Assembly.GetName().Name})")
            .ToList();

        orphans.ShouldBeEmpty("entity types that belong to no module");
    }

    /// <summary>Entities of the framework the platform (Core) stands on: Identity's accounts and Data Protection's shared key ring.</summary>
    private static bool IsFrameworkPlatform(IEntityType entity) =>
        entity.ClrType.Namespace is { } ns
        && (ns.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));

    /// <summary>The module(s) an entity belongs to: by CLR assembly; owned types by their owner; join tables by the entities they join.</summary>
    private static IReadOnlyList<string> OwningModules(IEntityType entity)
    {
        var root = entity;
        while (root.FindOwnership() is { } ownership)
        {
            root = ownership.PrincipalEntityType;
        }

        if (root.HasSharedClrType && root.ClrType == typeof(Dictionary<string, object>))
        {
            return [.. root.GetForeignKeys().SelectMany(fk => OwningModules(fk.PrincipalEntityType)).Distinct()];
        }

        return ModuleOf(root.ClrType.Assembly) is { } module ? [module] : [];
    }

    private static string? ModuleOf(Assembly assembly) =>
        Solution.Catalog.Modules.FirstOrDefault(m => m.GetType().Assembly == assembly)?.Name;

    private static IModel BuildModel()
    {
        // The model is built, never connected: no database is needed.
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteRegistryDbContext(options, ModuleCatalog.Discover());
        return db.GetService<IDesignTimeModel>().Model;
    }
}
