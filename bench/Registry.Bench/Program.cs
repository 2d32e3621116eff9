using System.Globalization;
using System.Runtime.InteropServices;
using Registry.Bench;

// Registry.Bench [--quick] [--list] [--in-process] [suite ...]: runs the named suites (all when none is named).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (BenchOptions.Parse(args, out var error) is not { } options)
{
    await Console.Error.WriteLineAsync(error);
    BenchOptions.WriteUsage(Console.Error);
    return 2;
}

// Ctrl+C and SIGTERM cancel the run so suites stop what they started (the http suite kills its site).
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

return await BenchCommand.RunAsync(options, cancellation);
