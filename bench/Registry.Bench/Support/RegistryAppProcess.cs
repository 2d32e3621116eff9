using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Registry.Bench.Support;

/// <summary>
/// The real site in its own process (<c>dotnet Registry.Web.dll</c>, Production environment, SQLite in a scratch
/// folder) on a free loopback port. Disposing kills it, whatever happened before.
/// </summary>
internal sealed class RegistryAppProcess : IAsyncDisposable
{
    public const string AdminPassword = "Bench-admin-2026";

    private readonly Process _process;
    private readonly ProcessLog _log;
    private readonly long _launchedAt;

    private RegistryAppProcess(Process process, ProcessLog log, Uri baseAddress, long launchedAt)
    {
        _process = process;
        _log = log;
        _launchedAt = launchedAt;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Time from process start until <c>/health</c> first answered 200.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// Starts the app and waits for <c>/health</c>; retries on another port if the first one was taken meanwhile.
    /// <paramref name="environment"/> adds or overrides configuration (<c>Registry__Section__Key</c> names).
    /// </summary>
    public static async Task<RegistryAppProcess> StartAsync(
        string appDirectory, string dataDirectory, TimeSpan startupTimeout, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var app = Launch(appDirectory, dataDirectory, FreeLoopbackPort(), attempt, environment);
            try
            {
                await app.WaitUntilHealthyAsync(startupTimeout, cancellationToken);
                return app;
            }
            catch (InvalidOperationException) when (attempt < Attempts && app.LostItsPort())
            {
                await app.DisposeAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>The process's peak resident set (VmHWM in /proc/PID/status), or null where that is not available.</summary>
    public long? PeakResidentBytes() => ProcessMemory.PeakResidentBytes(_process.Id);

    /// <summary>Another process bound the port between our probe and the app's start.</summary>
    private bool LostItsPort() =>
        _process.HasExited && _log.Tail(30).Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last lines the app wrote, for error messages.</summary>
    public string LogTail() => _log.Tail(30);

    /// <summary>"running", or how the process ended (code 143 = SIGTERM, 137 = SIGKILL), for error messages.</summary>
    public string State() => _process.HasExited ? $"exited with code {_process.ExitCode} at {_process.ExitTime:HH:mm:ss}" : "running";

    /// <summary>Whether the app has written <paramref name="text"/> to its output so far.</summary>
    public bool LogContains(string text) => _log.Tail(int.MaxValue).Contains(text, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        ProcessRunner.Kill(_process);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed but not reaped in time: nothing more to do from here.
            }
        }

        _process.Dispose();
        _log.Dispose();
    }

    /// <summary>The database file the app uses in <paramref name="dataDirectory"/> (created and migrated on first start).</summary>
    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, "bench.db");

    private static RegistryAppProcess Launch(string appDirectory, string dataDirectory, int port, int attempt, IReadOnlyDictionary<string, string>? overrides)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDirectory, "Registry.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));

        var environment = start.Environment;
        environment.Remove("ASPNETCORE_URLS");
        environment.Remove("DOTNET_ENVIRONMENT");
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Registry__Database__Provider"] = "Sqlite";
        environment["ConnectionStrings__Registry"] = $"Data Source={DatabasePath(dataDirectory)}";
        environment["Registry__Mail__PickupDirectory"] = Path.Combine(dataDirectory, "mail");
        environment["Registry__Files__Root"] = Path.Combine(dataDirectory, "files");
        environment["Registry__AdminPassword"] = AdminPassword;
        // Production refuses to start without its public address (links in mails never follow the Host header).
        environment["Registry__PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/');
        // ... nor without the audit chain's key: the one the data was written with in process, or the sealing job
        // would refuse the chain (and log it every pass) while the suite measures.
        environment["Registry__Audit__ChainKey"] = InProcessRegistry.ChainKey(dataDirectory);
        // The suites read the health checks' detail (e.g. the directory index), which anonymous callers do not get.
        environment["Registry__Health__DetailsFrom"] = "127.0.0.1";
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var log = new ProcessLog(Path.Combine(dataDirectory, $"app-{attempt.ToString(CultureInfo.InvariantCulture)}.log"));
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        var launchedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RegistryAppProcess(process, log, baseAddress, launchedAt);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before answering /health. Its log:\n{LogTail()}");
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"/health did not answer 200 within {timeout.TotalSeconds:0} s. The app's log:\n{LogTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    StartupTime = Stopwatch.GetElapsedTime(_launchedAt);
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer while migrations run.
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
