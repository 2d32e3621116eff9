using Microsoft.Playwright;
using Registry.Testing;

namespace Registry.Browser.Tests.Infrastructure;

/// <summary>
/// One real app (SQLite, test recipe) on a loopback port and one headless Debian chromium, shared by every test of a
/// collection: starting chromium costs ~2.5 s, the app a migration run. Each test opens its own <see cref="BrowserSession"/>
/// (a fresh browser context), so cookies and sign-ins never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
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
            _factory = new BrowserRegistryFactory(_database);
            BaseAddress = _factory.Start();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                // Debian's chromium: no `playwright install`, works offline.
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });

            // The first request of a fresh app may compile and warm up; assertions poll, so a longer wait costs nothing when green.
            Assertions.SetDefaultExpectTimeout(10_000);
        }
        catch
        {
            // xUnit does not dispose a fixture whose initialisation failed: stop what was started.
            await StopAsync();
            throw;
        }
    }

    /// <summary>A fresh browser context and page on the shared browser, addressed relative to the app.</summary>
    public Task<BrowserSession> OpenSessionAsync() =>
        BrowserSession.OpenAsync(_browser ?? throw new InvalidOperationException("The browser fixture is not initialised."), BaseAddress);

    public Task DisposeAsync() => StopAsync().AsTask();

    // Idempotent: xUnit may call both disposals.
    ValueTask IAsyncDisposable.DisposeAsync() => StopAsync();

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
