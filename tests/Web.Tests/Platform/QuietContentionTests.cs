using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Jobs;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// Issue 26 item 12: what is normal on a cluster is not logged as a failure. Nodes racing for a new job lease (one wins,
/// the others simply do not hold it) log nothing at Error; nor does a node starting on a fresh database and migrating it.
/// </summary>
public abstract class QuietContentionTests<TApp>(TApp app)
    where TApp : LogCapturingApp
{
    [Fact]
    public async Task TryAcquire_ManyRacingForNewLeases_OneWinsEachAndNothingIsLoggedAsAFailure()
    {
        app.Errors.Clear();
        for (var round = 0; round < 20; round++)
        {
            var name = $"test.contention-{Guid.NewGuid():N}";
            using var start = new SemaphoreSlim(0);
            var racers = Enumerable.Range(0, 6).Select(async _ =>
            {
                await using var scope = app.Scope();
                var leases = scope.ServiceProvider.GetRequiredService<IJobLeases>();
                await start.WaitAsync();
                return await leases.TryAcquireAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
            }).ToList();
            start.Release(racers.Count);
            var results = await Task.WhenAll(racers);

            // One process is one node: it holds the lease after the race whichever racer inserted it.
            results.ShouldContain(true);
        }

        app.Errors.ShouldBeEmpty(string.Join("\n", app.Errors));
    }

    [Fact]
    public async Task FirstStart_OnAFreshDatabase_LogsNoFailure()
    {
        await using var database = await TestDatabase.CreateAsync(app.Kind);
        await using var node = await AppProcess.StartAsync(database, "fresh");
        // Every background loop (sealer, outbox, mail, indexes, credit lists …) has run its first pass.
        var loops = Registry.Web.Hosting.ModuleCatalog.Discover().Assemblies.Append(typeof(PollingService).Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(PollingService)) && !t.IsAbstract)
            .Select(t => t.Name)
            .ToList();
        await Eventually.HoldsAsync(
            () => loops.All(loop => node.Log().Contains($"{loop} completed its first pass", StringComparison.Ordinal)),
            "every background loop of the new node has run once: " + string.Join(", ", loops));

        node.Log().Split('\n').Where(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            .ShouldBeEmpty(node.Log());
    }
}

/// <summary>The app with every log entry at Error or above kept for the test to read.</summary>
public abstract class LogCapturingApp(DatabaseKind kind) : AppFixture(kind)
{
    public ConcurrentQueue<string> Errors { get; } = new();

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, services: s => s.AddSingleton<ILoggerProvider>(new ErrorCapture(Errors)));

    private sealed class ErrorCapture(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    errors.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }
}

public sealed class LogCapturingSqliteApp() : LogCapturingApp(DatabaseKind.Sqlite);

public sealed class LogCapturingPostgreSqlApp() : LogCapturingApp(DatabaseKind.PostgreSql);

public sealed class QuietContentionTestsOnSqlite(LogCapturingSqliteApp app) : QuietContentionTests<LogCapturingSqliteApp>(app), IClassFixture<LogCapturingSqliteApp>;

public sealed class QuietContentionTestsOnPostgreSql(LogCapturingPostgreSqlApp app) : QuietContentionTests<LogCapturingPostgreSqlApp>(app), IClassFixture<LogCapturingPostgreSqlApp>;
