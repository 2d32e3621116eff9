using System.Diagnostics;
using Registry.Bench.Support;

namespace Registry.Bench;

/// <summary>
/// Runs the selected suites. Several suites run one child process each, so no suite measures in a runtime another
/// one has warmed, filled or left compiling (the JIT's background queue, the GC heap, connection pools).
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationTokenSource cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cancellation);
        if (options.Help)
        {
            BenchOptions.WriteUsage(Console.Out);
            return 0;
        }

        if (options.List)
        {
            foreach (var suite in options.Suites)
            {
                Console.WriteLine($"{suite.Name,-12} {suite.Description}");
            }

            return 0;
        }

        if (options.Child)
        {
            WatchParent(cancellation);
        }
        else
        {
            MachineInfo.Write(Console.Out, options.Quick);
        }

        var total = Stopwatch.StartNew();
        var failed = new List<string>();
        foreach (var suite in options.Suites)
        {
            var exitCode = options.InProcess || options.Suites.Count == 1
                ? await RunHereAsync(suite, options.Quick, options.Size, cancellation.Token)
                : await RunInChildAsync(suite, options.Quick, options.Size, cancellation.Token);
            if (exitCode == 130 || cancellation.IsCancellationRequested)
            {
                return 130;
            }

            if (exitCode != 0)
            {
                failed.Add(suite.Name);
            }
        }

        if (!options.Child)
        {
            Console.WriteLine();
            Console.WriteLine($"{options.Suites.Count} suite(s) in {total.Elapsed.TotalSeconds:0.0} s" + (failed.Count > 0 ? $"; FAILED: {string.Join(", ", failed)}" : "; all completed"));
        }

        return failed.Count == 0 ? 0 : 1;
    }

    private static async Task<int> RunHereAsync(IBenchSuite suite, bool quick, int? size, CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine($"== {suite.Name}: {suite.Description}");
        var watch = Stopwatch.StartNew();
        await using var context = new BenchContext(quick, Console.Out, size);
        try
        {
            await suite.RunAsync(context, cancellationToken);
            Console.WriteLine($"({suite.Name} took {watch.Elapsed.TotalSeconds:0.0} s)");
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"{suite.Name}: cancelled");
            return 130;
        }
#pragma warning disable CA1031 // A failing suite is reported and the others still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.WriteLine($"{suite.Name}: FAILED: {ex}");
            return 1;
        }
    }

    /// <summary>This program again, for one suite; its output goes straight to ours. Closing its stdin cancels it.</summary>
    private static async Task<int> RunInChildAsync(IBenchSuite suite, bool quick, int? size, CancellationToken cancellationToken)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardInput = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }

        start.ArgumentList.Add(suite.Name);
        start.ArgumentList.Add(BenchOptions.ChildFlag);
        if (quick)
        {
            start.ArgumentList.Add("--quick");
        }

        if (size is { } n)
        {
            start.ArgumentList.Add(BenchOptions.SizeFlag);
            start.ArgumentList.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        try
        {
            await child.WaitForExitAsync(cancellationToken);
            return child.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // Let the child clean up (it stops the site it started), then make sure it is gone.
            child.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await child.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                ProcessRunner.Kill(child);
            }

            return 130;
        }
    }

    /// <summary>A child cancels when its stdin closes: the parent asked, or died.</summary>
    private static void WatchParent(CancellationTokenSource cancellation)
    {
        var watcher = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[64];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run already ended.
            }
        })
        {
            IsBackground = true,
            Name = "parent watcher",
        };
        watcher.Start();
    }
}
