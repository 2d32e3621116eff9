using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Registry.Core.Data;

/// <summary>Helpers shared by modules' services.</summary>
public static class DbContextExtensions
{
    /// <summary>
    /// Declares the version the user saw (from the form) so saving fails with
    /// <see cref="DbUpdateConcurrencyException"/> if someone else saved in between.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, long seenVersion)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(e => e.Version).OriginalValue = seenVersion;
    }

    /// <summary>True when the configured provider is PostgreSQL (for the few provider-specific statements).</summary>
    public static bool IsPostgreSql(this DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
    }

    /// <summary>
    /// Begins a transaction unless the caller already has one open (e.g. a recipe run); then returns null and the
    /// caller's commit covers this work too. Use with <c>await using</c> and commit with <see cref="CommitOwnAsync"/>.
    /// </summary>
    public static async Task<IDbContextTransaction?> BeginOwnTransactionAsync(this DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
    }

    public static Task CommitOwnAsync(this IDbContextTransaction? transaction, CancellationToken cancellationToken) =>
        transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;
}
