using System.Diagnostics;
using System.Runtime.InteropServices;
using Registry.Bench;
using Registry.Bench.Support;

// Registry.Bench [--quick] [--list] [suite ...]: runs the named suites (all when none is named).
var suites = SuiteCatalog.Discover();
var quick = false;
var list = false;
var names = new List<string>();
foreach (var arg in args)
{
    switch (arg)
    {
        case "--quick":
            quick = true;
            break;
        case "--list":
            list = true;
            break;
        case "-h" or "--help":
            Usage(Console.Out);
            return 0;
        case var option when option.StartsWith('-'):
            await Console.Error.WriteLineAsync($"unknown option {option}");
            Usage(Console.Error);
            return 2;
        default:
            names.Add(arg.ToLowerInvariant());
            break;
    }
}

if (list)
{
    foreach (var suite in suites)
    {
        Console.WriteLine($"{suite.Name,-12} {suite.Description}");
    }

    return 0;
}

var unknown = names.Where(n => suites.All(s => s.Name != n)).ToList();
if (unknown.Count > 0)
{
    await Console.Error.WriteLineAsync($"unknown suite(s): {string.Join(", ", unknown)}; available: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}

var selected = names.Count == 0 ? suites : [.. suites.Where(s => names.Contains(s.Name))];

// Ctrl+C and SIGTERM cancel the run so suites stop what they started (the http suite kills its app).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    cancellation.Cancel();
});

MachineInfo.Write(Console.Out, quick);
var total = Stopwatch.StartNew();
var failed = new List<string>();
await using (var context = new BenchContext(quick, Console.Out))
{
    foreach (var suite in selected)
    {
        Console.WriteLine();
        Console.WriteLine($"== {suite.Name}: {suite.Description}");
        var watch = Stopwatch.StartNew();
        try
        {
            await suite.RunAsync(context, cancellation.Token);
            Console.WriteLine($"({suite.Name} took {watch.Elapsed.TotalSeconds:0.0} s)");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.WriteLine($"{suite.Name}: cancelled");
            return 130;
        }
#pragma warning disable CA1031 // One failing suite is reported and the others still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failed.Add(suite.Name);
            Console.WriteLine($"{suite.Name}: FAILED: {ex}");
        }
    }
}

Console.WriteLine();
Console.WriteLine($"{selected.Count} suite(s) in {total.Elapsed.TotalSeconds:0.0} s" + (failed.Count > 0 ? $"; FAILED: {string.Join(", ", failed)}" : ""));
return failed.Count == 0 ? 0 : 1;

static void Usage(TextWriter writer)
{
    writer.WriteLine("usage: Registry.Bench [--quick] [--list] [suite ...]");
    writer.WriteLine("  --quick  shorter runs (all suites within a minute); figures are noisier");
    writer.WriteLine("  --list   print the suites and exit");
    writer.WriteLine("  suites:  " + string.Join(", ", SuiteCatalog.Discover().Select(s => s.Name)));
}
