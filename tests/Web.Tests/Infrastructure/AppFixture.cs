using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Testing;

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
