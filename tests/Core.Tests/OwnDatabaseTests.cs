using Microsoft.EntityFrameworkCore;
using Registry.Testing;

namespace Registry.Core.Tests;

/// <summary>
/// A test class whose every test has a fresh database of its own on <paramref name="kind"/>'s provider, holding only the
/// tables of <typeparamref name="TContext"/> (a module's tables, configured as the application configures them).
/// </summary>
public abstract class OwnDatabaseTests<TContext>(DatabaseKind kind) : IAsyncLifetime
    where TContext : DbContext
{
    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(kind);
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected TContext NewContext() => Create(Database.Options<TContext>());

    protected abstract TContext Create(DbContextOptions<TContext> options);
}
