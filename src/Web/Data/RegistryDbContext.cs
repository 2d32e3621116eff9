using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Registry.Core.Data;
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
    }

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
    : RegistryDbContext(options, modules);

/// <summary>Production: PostgreSQL; its own migrations.</summary>
public sealed class PostgreSqlRegistryDbContext(DbContextOptions<PostgreSqlRegistryDbContext> options, ModuleCatalog modules)
    : RegistryDbContext(options, modules);
