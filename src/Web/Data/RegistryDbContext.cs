using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Registry.Core.Data;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Web.Hosting;

namespace Registry.Web.Data;

/// <summary>The one database context, composed from every module's entity configurations.</summary>
public abstract class RegistryDbContext(DbContextOptions options, ModuleCatalog modules)
    : IdentityDbContext<RegistryUser, RegistryRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring every node shares (cookies, anti-forgery tokens, reset links).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<RegistryUser>().ToTable("Core_Users");
        builder.Entity<RegistryRole>().ToTable("Core_Roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("Core_UserRoles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("Core_UserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("Core_UserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("Core_UserTokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("Core_RoleClaims");
        builder.Entity<DataProtectionKey>().ToTable("Core_DataProtectionKeys");

        foreach (var assembly in modules.Assemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        // A query may ask for the China date of a stored instant (e.g. to group decisions by their day) in the database.
        var mappings = this.GetService<IRelationalTypeMappingSource>();
        builder.HasDbFunction(typeof(ChinaTime).GetMethod(nameof(ChinaTime.Date), [typeof(DateTime)])!)
            .HasTranslation(arguments => ChinaDate(arguments[0], mappings));
    }

    /// <summary>The date in China of the UTC instant <paramref name="utc"/>, in this database's SQL.</summary>
    protected abstract SqlExpression ChinaDate(SqlExpression utc, IRelationalTypeMappingSource mappings);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Times are stored in UTC; reading them back must say so (PostgreSQL's timestamptz insists, SQLite forgets).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>The embedded default: SQLite; its own migrations.</summary>
public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options, ModuleCatalog modules)
    : RegistryDbContext(options, modules)
{
    /// <summary><c>date(utc, '+8 hours')</c>: SQLite knows no time zones, and Beijing time has kept one offset since 1991.</summary>
    protected override SqlExpression ChinaDate(SqlExpression utc, IRelationalTypeMappingSource mappings) =>
        new SqlFunctionExpression(
            "date",
            [utc, new SqlFragmentExpression(string.Create(CultureInfo.InvariantCulture, $"'{ChinaTime.UtcOffsetHours:+0;-0} hours'"))],
            nullable: true,
            argumentsPropagateNullability: [true, false],
            typeof(DateOnly),
            mappings.FindMapping(typeof(DateOnly)));
}

/// <summary>Production: PostgreSQL; its own migrations.</summary>
public sealed class PostgreSqlRegistryDbContext(DbContextOptions<PostgreSqlRegistryDbContext> options, ModuleCatalog modules)
    : RegistryDbContext(options, modules)
{
    /// <summary><c>CAST(timezone('Asia/Shanghai', utc) AS date)</c>: the local time of the instant there, whatever the session's time zone.</summary>
    protected override SqlExpression ChinaDate(SqlExpression utc, IRelationalTypeMappingSource mappings) =>
        new SqlUnaryExpression(
            ExpressionType.Convert,
            new SqlFunctionExpression(
                "timezone",
                [new SqlFragmentExpression($"'{ChinaTime.TimeZoneId}'"), utc],
                nullable: true,
                argumentsPropagateNullability: [false, true],
                typeof(DateTime),
                mappings.FindMapping("timestamp without time zone")),
            typeof(DateOnly),
            mappings.FindMapping(typeof(DateOnly)));
}
