using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Registry.Testing;

namespace Registry.Web.Tests.Infrastructure;

/// <summary>
/// The real site in its own process (<c>dotnet Registry.Web.dll</c> from the test's output, Production environment)
/// on a free loopback port, with its own home folder: what a second server behind a load balancer is. Disposing kills it.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts a node on <paramref name="database"/>; <paramref name="settings"/> are configuration keys (<c>A:B</c>).</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var folder = Path.Combine(database.Directory, name);
        var home = Path.Combine(folder, "home");
        System.IO.Directory.CreateDirectory(home);
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Registry.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        var environment = start.Environment;
        environment.Remove("ASPNETCORE_URLS");
        environment.Remove("DOTNET_ENVIRONMENT");
        // Each node its own home folder: Data Protection's default key store lives there.
        environment["HOME"] = home;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var values = new Dictionary<string, string>
        {
            ["Registry:PublicBaseUrl"] = "https://shzz.example.gov.cn",
            ["Registry:Audit:ChainKey"] = TestEnvironment.ProductionAuditChainKey,
            ["Registry:Database:Provider"] = database.ProviderName,
            ["ConnectionStrings:Registry"] = database.ConnectionString,
            ["Registry:Recipe"] = "test.recipe.json",
            ["Registry:AdminPassword"] = "Setup-admin-2026",
            ["Registry:Files:Root"] = Path.Combine(database.Directory, "files"),
            ["Registry:Directory:IndexPath"] = Path.Combine(folder, "index"),
            ["Registry:Content:Search:IndexPath"] = Path.Combine(folder, "site-index"),
            ["Registry:Mail:Mode"] = "Pickup",
            ["Registry:Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Registry:RateLimit:AuthPermitsPerMinute"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        foreach (var (key, value) in values)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Write(e.Data);
        process.ErrorDataReceived += (_, e) => app.Write(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilServingAsync(TimeSpan.FromSeconds(180));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>A browser-like client on this node sharing <paramref name="cookies"/> (cookies ignore the port, as in a browser behind one address).</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

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
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The node exited with code {_process.ExitCode}. Its log:\n{Log()}");
                }

                try
                {
                    // Any answer means it serves; the health status may still be degraded while the node builds its index.
                    using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    return false; // Slow first answer while migrations run.
                }
            }, "the node answers", timeout, TimeSpan.FromMilliseconds(250));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}. Its log:\n{Log()}", e);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
