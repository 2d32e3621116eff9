using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Core.Recipes;
using Registry.Testing;

namespace Registry.Browser.Tests.Infrastructure;

/// <summary>
/// One real app (SQLite, test recipe) on a loopback port and one headless Debian chromium, shared by every test of a
/// collection: starting chromium costs ~2.5 s, the app a migration run. Each test opens its own <see cref="BrowserSession"/>
/// (a fresh browser context), so cookies and sign-ins never leak between tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>How many organizations Recipes/test-register.recipe.json (the demo district register) holds.</summary>
    public const int DemoRegisterSize = 37;

    private static readonly Uri DirectoryApi = new("/api/directory/search", UriKind.Relative);

    private readonly Lock _demoRegisterLock = new();
    private Task? _demoRegister;
    private TestDatabase? _database;
    private BrowserRegistryFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            // Read first: a missing chromium fails every test loudly before anything is started.
            var chromium = TestEnvironment.Chromium;
            _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
            _factory = CreateFactory(_database);
            BaseAddress = _factory.Start();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                // Debian's chromium: no `playwright install`, works offline.
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });

            // The first request of a fresh app may compile and warm up, and CI runs the test projects side by side on 2 cores;
            // assertions and actions poll, so a longer wait costs nothing when green.
            Assertions.SetDefaultExpectTimeout(BrowserSession.WaitMilliseconds);
        }
        catch
        {
            // xUnit does not dispose a fixture whose initialisation failed: stop what was started.
            await StopAsync();
            throw;
        }
    }

    /// <summary>The recipe <see cref="EnsureDemoRegisterAsync"/> loads (it holds the demo district register).</summary>
    protected virtual string DemoRegisterRecipe => "test-register.recipe.json";

    /// <summary>A fresh browser context and page on the shared browser, addressed relative to the app.</summary>
    public Task<BrowserSession> OpenSessionAsync() =>
        BrowserSession.OpenAsync(_browser ?? throw new InvalidOperationException("The browser fixture is not initialised."), BaseAddress);

    /// <summary>
    /// Loads the demo district register (Recipes/test-register.recipe.json, or <see cref="DemoRegisterRecipe"/> that
    /// includes it: 37 organizations of 宁波市海曙区) into the app,
    /// once per fixture, and waits until the directory's index has caught up from the change feed. Journeys that only
    /// need the test recipe never call this, so they do not pay for it.
    /// </summary>
    public Task EnsureDemoRegisterAsync()
    {
        lock (_demoRegisterLock)
        {
            return _demoRegister ??= LoadDemoRegisterAsync();
        }
    }

    public Task DisposeAsync() => StopAsync().AsTask();

    /// <summary>Runs <paramref name="action"/> on a fresh scope of the app: a journey's arrangement that is another journey's subject.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var factory = _factory ?? throw new InvalidOperationException("The browser fixture is not initialised.");
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private async Task LoadDemoRegisterAsync()
    {
        var factory = _factory ?? throw new InvalidOperationException("The browser fixture is not initialised.");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeRunner>()
                .RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", DemoRegisterRecipe), CancellationToken.None);
        }

        // The index follows the change feed (polled every 100 ms here); the public API is what a visitor's search sees.
        // Polled at 2/s, within the API's 120 requests a minute per address.
        using var client = new HttpClient { BaseAddress = BaseAddress };
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync(DirectoryApi);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return json.RootElement.GetProperty("total").GetInt32() >= DemoRegisterSize;
            },
            $"{DirectoryApi} reports at least {DemoRegisterSize} organizations after the demo register loads",
            interval: TimeSpan.FromMilliseconds(500));
    }

    private protected virtual BrowserRegistryFactory CreateFactory(TestDatabase database) => new(database);

    // Idempotent: xUnit may call both disposals.
    ValueTask IAsyncDisposable.DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return StopAsync();
    }

    private async ValueTask StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
    }
}
