using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Outbox;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Infrastructure;

/// <summary>One running app on a fresh database per test class; the concrete fixtures pick the provider.</summary>
public abstract class AppFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    private RegistryFactory? _factory;

    public RegistryFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialized");

    public DatabaseKind Kind => kind;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        _factory = CreateFactory(_database);
        _ = _factory.Server;
    }

    protected virtual RegistryFactory CreateFactory(TestDatabase database) => new(database);

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert on them).</summary>
    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInClientAsync((string Email, string Password) account)
    {
        var client = Client();
        await client.SignInAsync(account.Email, account.Password);
        return client;
    }

    public AsyncServiceScope Scope() => Factory.Services.CreateAsyncScope();

    /// <summary>
    /// Drives the change-feed dispatcher, pass after pass, until <paramref name="condition"/> holds: the test waits for an
    /// outcome, not for the background worker's timing. Each pass first lets the grace for gaps in ids pass (<see cref="PassGapGrace"/>).
    /// </summary>
    public Task DispatchUntilAsync(Func<Task<bool>> condition, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Eventually.HoldsAsync(async () =>
        {
            PassGapGrace();
            try
            {
                await using var scope = Scope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // The app's own dispatcher took the same message at the same moment; the next pass goes on from its checkpoint.
            }

            return await condition();
        }, because);
    }

    /// <summary>Dispatches until <paramref name="consumer"/>'s checkpoint passed <paramref name="messageId"/>.</summary>
    public Task DispatchThroughAsync(string consumer, long messageId) =>
        DispatchUntilAsync(async () => await CheckpointAsync(consumer) >= messageId, $"the checkpoint of {consumer} passes message {messageId}");

    /// <summary>The last message <paramref name="consumer"/> acknowledged (0: none yet).</summary>
    public async Task<long> CheckpointAsync(string consumer)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<OutboxCheckpoint>()
            .Where(c => c.Consumer == consumer).Select(c => (long?)c.LastId).SingleOrDefaultAsync() ?? 0;
    }

    /// <summary>On the real clock the grace for gaps in ids passes by itself; an app on a held clock moves it.</summary>
    protected virtual void PassGapGrace()
    {
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteApp() : AppFixture(DatabaseKind.Sqlite);

public sealed class PostgreSqlApp() : AppFixture(DatabaseKind.PostgreSql);
