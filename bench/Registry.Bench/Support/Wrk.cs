using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Registry.Bench.Support;

/// <summary>One wrk run's figures (from <c>--latency</c> output); latencies in seconds.</summary>
internal sealed record WrkResult(long Requests, double RequestsPerSecond, double P50, double P90, double P99, long Non2xxOr3xx, long SocketErrors)
{
    public long Errors => Non2xxOr3xx + SocketErrors;
}

/// <summary>Runs the <c>wrk</c> HTTP load generator (Debian package <c>wrk</c>) against a loopback address.</summary>
internal static partial class Wrk
{
    /// <summary>The wrk executable, or an error saying how to get it.</summary>
    public static string Locate() =>
        ProcessRunner.FindOnPath("wrk")
        ?? throw new InvalidOperationException("wrk is not installed: apt-get install wrk (bench/run.sh installs it when missing).");

    /// <summary>
    /// wrk script making every request's address unique with an extra <c>nocache</c> parameter (run, thread and request
    /// number): the site ignores the parameter, but response caches keyed by the address never hit. The run's own
    /// prefix keeps a later run (a measured round after the warm-up) from asking the addresses of an earlier one again,
    /// which the directory's cache would keep on the second asking and answer on the third.
    /// </summary>
    private const string UniqueAddressScript = """
        local threads = 0
        function setup(thread)
            threads = threads + 1
            thread:set("id", threads)
        end
        function init(args)
            n = 0
        end
        function request()
            n = n + 1
            return wrk.format(nil, wrk.path .. "&nocache={run}-" .. id .. "-" .. n)
        end
        """;

    public static async Task<WrkResult> RunAsync(string wrk, Uri url, int threads, int connections, TimeSpan duration, CancellationToken cancellationToken, bool uniqueAddresses = false)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsLoopback)
        {
            // Load is only ever sent to this machine.
            throw new ArgumentException($"wrk targets loopback addresses only, not {url}.", nameof(url));
        }

        if (uniqueAddresses && string.IsNullOrEmpty(url.Query))
        {
            throw new ArgumentException($"Unique addresses extend a query string; {url} has none.", nameof(url));
        }

        var script = uniqueAddresses ? Path.GetTempFileName() : null;
        List<string> arguments =
        [
            $"-t{threads.ToString(CultureInfo.InvariantCulture)}",
            $"-c{connections.ToString(CultureInfo.InvariantCulture)}",
            $"-d{Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", "10s",
            "--latency",
        ];
        if (script is not null)
        {
            await File.WriteAllTextAsync(script, UniqueAddressScript.Replace("{run}", RandomNumberGenerator.GetHexString(8, lowercase: true), StringComparison.Ordinal), cancellationToken);
            arguments.AddRange(["-s", script]);
        }

        // Percent-encoded: wrk puts the target on the request line as given, and Chinese query text must be escaped.
        arguments.Add(url.AbsoluteUri);
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(wrk, arguments, Environment.CurrentDirectory, duration + TimeSpan.FromSeconds(30), cancellationToken);
        }
        finally
        {
            if (script is not null)
            {
                File.Delete(script);
            }
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with code {result.ExitCode}:\n{result.Output}");
        }

        return Parse(result.Output);
    }

    /// <summary>Reads wrk's text report; throws if a figure this bench relies on is missing.</summary>
    internal static WrkResult Parse(string output)
    {
        var requests = RequestsLine().Match(output);
        var rate = RateLine().Match(output);
        if (!requests.Success || !rate.Success)
        {
            throw new FormatException($"Unexpected wrk output:\n{output}");
        }

        var latencies = LatencyLine().Matches(output).ToDictionary(m => m.Groups["p"].Value, m => Seconds(m.Groups["v"].Value, m.Groups["u"].Value));
        if (!latencies.TryGetValue("50", out var p50) || !latencies.TryGetValue("90", out var p90) || !latencies.TryGetValue("99", out var p99))
        {
            throw new FormatException($"wrk printed no latency distribution (is --latency supported?):\n{output}");
        }

        var non2xx = Non2xxLine().Match(output);
        var socket = SocketErrorsLine().Match(output);
        var socketErrors = socket.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkResult(
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            p50,
            p90,
            p99,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors);
    }

    private static double Seconds(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1e6,
            "ms" => number / 1e3,
            "s" => number,
            "m" => number * 60,
            _ => throw new FormatException($"Unknown wrk latency unit '{unit}'."),
        };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s+(?<p>\d+)%\s+(?<v>[\d.]+)(?<u>us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
