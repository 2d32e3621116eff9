using System.Globalization;
using System.Net;
using Registry.Bench.Measuring;
using Registry.Bench.Support;

namespace Registry.Bench.Suites;

/// <summary>
/// The real site under load: published Release build in its own process, loaded by wrk from another process over
/// loopback. Baseline: a static stylesheet (the cheapest thing the site serves); against it the home and login pages.
/// </summary>
internal sealed class HttpSuite : IBenchSuite
{
    private const int Threads = 2;
    private const int Connections = 16;

    private static readonly (string Label, string Path)[] Targets =
    [
        ("static css (baseline)", "/_content/Registry.Themes.Civic/css/civic.css"),
        ("home page /", "/"),
        ("login page /Account/Login", "/Account/Login"),
    ];

    public string Name => "http";

    public string Description => "the site over HTTP (wrk on loopback): home and login pages vs a static stylesheet";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wrk = Wrk.Locate();
        var appDirectory = await AppPublisher.PublishAsync(context, cancellationToken);
        var duration = context.Choose(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        var warmup = context.Choose(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

        await using var app = await RegistryAppProcess.StartAsync(appDirectory, context.CreateScratchDirectory("http-data"), TimeSpan.FromSeconds(90), environment: null, cancellationToken);
        var afterStartup = app.PeakResidentBytes();

        var table = new ResultTable(
            Invariant($"http: wrk -t{Threads} -c{Connections} -d{duration.TotalSeconds:0}s --latency, after a {warmup.TotalSeconds:0} s warm-up each"),
            "target", "body", "requests", "req/s", "p50", "p90", "p99", "errors", "app peak RSS", "baseline req/s / req/s");
        WrkResult? baseline = null;
        foreach (var (label, path) in Targets)
        {
            var url = new Uri(app.BaseAddress, path);
            var body = await CheckServedAsync(url, app, cancellationToken);
            await Wrk.RunAsync(wrk, url, Threads, Connections, warmup, cancellationToken);
            var result = await Wrk.RunAsync(wrk, url, Threads, Connections, duration, cancellationToken);
            if (result.Errors > 0)
            {
                throw new InvalidOperationException(Invariant($"{path}: {result.Non2xxOr3xx} non-2xx/3xx responses and {result.SocketErrors} socket errors under load. The app's log:\n{app.LogTail()}"));
            }

            baseline ??= result;
            table.AddRow(
                label,
                Units.Bytes(body),
                Units.Count(result.Requests),
                Units.Rate(result.RequestsPerSecond),
                Units.Duration(result.P50),
                Units.Duration(result.P90),
                Units.Duration(result.P99),
                Units.Count(result.Errors),
                app.PeakResidentBytes() is { } peak ? Units.Bytes(peak) : "n/a",
                Units.Ratio(baseline.RequestsPerSecond / result.RequestsPerSecond));
        }

        table.AddNote(Invariant($"app: dotnet Registry.Web.dll (published {BenchContext.BuildConfiguration}, Production, SQLite), /health answered after {app.StartupTime.TotalSeconds:0.0} s, peak RSS then {(afterStartup is { } rss ? Units.Bytes(rss) : "n/a")}"));
        table.AddNote("peak RSS is the app's VmHWM after each target's run, so it only grows");
        table.AddNote(Invariant($"wrk and the app share this machine's {Environment.ProcessorCount} cores; wrk sends no Accept-Encoding, so bodies are uncompressed"));
        table.Write(context.Out);
    }

    /// <summary>One plain request first: the target must answer 200 with a body, or the load figures mean nothing.</summary>
    private static async Task<long> CheckServedAsync(Uri url, RegistryAppProcess app, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {body.Length} bytes; expected 200 with a body. The app's log:\n{app.LogTail()}");
        }

        return body.Length;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
