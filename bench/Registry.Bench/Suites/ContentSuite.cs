using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Registry.Bench.Measuring;
using Registry.Bench.Support;

namespace Registry.Bench.Suites;

/// <summary>
/// A published article under load: the published site (own process, SQLite, the demo recipe) loaded by wrk over loopback.
/// The article page is measured as visitors get it (from the page cache that publishing invalidates) and rendered fresh
/// (a new address per request, so the cache never answers), against the cheapest Razor page of the same run
/// (<c>/Directory/Check</c>, the layout and an empty form) and the theme's static stylesheet. Target: the article at
/// ≥ 50% of the cheapest page's throughput, both ways.
/// </summary>
internal sealed partial class ContentSuite : IBenchSuite
{
    private const int Threads = 2;
    private const int Connections = 16;
    private const double TargetShare = 0.5;

    public string Name => "content";

    public string Description => "a published article under wrk (from the page cache and rendered fresh) vs the cheapest Razor page and a static stylesheet";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wrk = Wrk.Locate();
        var appDirectory = await AppPublisher.PublishAsync(context, cancellationToken);
        var duration = context.Choose(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        var rounds = context.Choose(1, 3);
        var warmup = context.Choose(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        await using var app = await RegistryAppProcess.StartAsync(
            appDirectory, context.CreateScratchDirectory("content-data"), TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["Registry__Recipe"] = "demo.recipe.json" }, cancellationToken);
        var article = await FindArticleAsync(app, cancellationToken);

        (string Label, string Path, bool Unique)[] targets =
        [
            ("static css (baseline 1)", "/_content/Registry.Themes.Civic/css/civic.css", false),
            ("/Directory/Check, empty form (baseline 2: cheapest Razor page)", "/Directory/Check", false),
            (article + " (article, from the page cache)", article, false),
            (article + "?fresh=1&nocache=<unique> (article, rendered fresh)", article + "?fresh=1", true),
        ];
        var bodies = new Dictionary<string, long>();
        foreach (var (label, path, unique) in targets)
        {
            var url = new Uri(app.BaseAddress, path);
            bodies[label] = await CheckServedAsync(url, app, cancellationToken);
            await Wrk.RunAsync(wrk, url, Threads, Connections, warmup, cancellationToken, unique);
        }

        var runs = targets.ToDictionary(t => t.Label, _ => new List<WrkResult>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (label, path, unique) in targets)
            {
                var result = await Wrk.RunAsync(wrk, new Uri(app.BaseAddress, path), Threads, Connections, duration, cancellationToken, unique);
                if (result.Errors > 0)
                {
                    throw new InvalidOperationException(Invariant($"{label}: {result.Non2xxOr3xx} non-2xx/3xx responses and {result.SocketErrors} socket errors under load. The app's log:\n{app.LogTail()}"));
                }

                runs[label].Add(result);
            }
        }

        var css = Combine(runs[targets[0].Label]);
        var cheapest = Combine(runs[targets[1].Label]);
        var table = new ResultTable(
            Invariant($"content: the site over HTTP, wrk -t{Threads} -c{Connections} -d{duration.TotalSeconds:0}s --latency × {rounds} round(s), each target warmed up {warmup.TotalSeconds:0} s first"),
            "target", "body", "requests", "req/s", "p50", "p90", "p99", "req/s / css", "req/s / cheapest page", "req/s per round");
        var verdicts = new ResultTable("content: targets", "target", "limit", "measured", "verdict");
        foreach (var (label, path, _) in targets)
        {
            var result = Combine(runs[label]);
            var share = result.RequestsPerSecond / cheapest.RequestsPerSecond;
            table.AddRow(label, Units.Bytes(bodies[label]), Units.Count(result.Requests), Units.Rate(result.RequestsPerSecond), Units.Duration(result.P50), Units.Duration(result.P90), Units.Duration(result.P99),
                Invariant($"{result.RequestsPerSecond / css.RequestsPerSecond:0.0%}"), Invariant($"{share:0.0%}"), string.Join(" / ", runs[label].Select(r => Units.Rate(r.RequestsPerSecond))));
            if (path.StartsWith(article, StringComparison.Ordinal))
            {
                verdicts.AddRow(
                    Invariant($"throughput {label}"),
                    Invariant($"≥ {TargetShare:0%} of the cheapest Razor page"),
                    Invariant($"{share:0.0%} ({Units.Rate(result.RequestsPerSecond)} vs {Units.Rate(cheapest.RequestsPerSecond)} req/s)"),
                    share >= TargetShare ? "met" : Invariant($"MISSED ({TargetShare / share:0.00}x short)"));
            }
        }

        table.AddNote(Invariant($"app: published {BenchContext.BuildConfiguration}, Production, SQLite, started with the demo recipe; /health after {app.StartupTime.TotalSeconds:0.0} s; peak RSS {(app.PeakResidentBytes() is { } rss ? Units.Bytes(rss) : "n/a")}"));
        table.AddNote("anonymous GETs of a published item are answered from the content page cache (by address and culture, invalidated by publishing) after the first; a new query string per request misses it, so that row is the item read from the database and rendered every time");
        table.AddNote(Invariant($"req/s over all rounds, latency percentiles the median of the rounds'; wrk and the app share the machine's {Environment.ProcessorCount} cores; bodies uncompressed"));
        table.Write(context.Out);
        verdicts.Write(context.Out);
    }

    /// <summary>The demo's annual-inspection article as the news list links it (its year follows the demo's relative date).</summary>
    private static async Task<string> FindArticleAsync(RegistryAppProcess app, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var list = await client.GetStringAsync(new Uri("/news", UriKind.Relative), cancellationToken);
        var match = ArticleLink().Match(list);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"/news does not link the demo's article. The app's log:\n{app.LogTail()}");
    }

    private static WrkResult Combine(List<WrkResult> rounds)
    {
        double Median(Func<WrkResult, double> value) => rounds.Select(value).Order().ElementAt(rounds.Count / 2);
        var seconds = rounds.Sum(r => r.Requests / r.RequestsPerSecond);
        return new WrkResult(rounds.Sum(r => r.Requests), rounds.Sum(r => r.Requests) / seconds, Median(r => r.P50), Median(r => r.P90), Median(r => r.P99), rounds.Sum(r => r.Non2xxOr3xx), rounds.Sum(r => r.SocketErrors));
    }

    private static async Task<long> CheckServedAsync(Uri url, RegistryAppProcess app, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {body.Length} bytes; expected 200 with a body. The app's log:\n{app.LogTail()}");
        }

        return body.Length;
    }

    [GeneratedRegex("href=\"(/news/\\d{4}/annual-inspection-meeting)\"")]
    private static partial Regex ArticleLink();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
