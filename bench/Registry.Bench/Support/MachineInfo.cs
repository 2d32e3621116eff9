using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Registry.Bench.Measuring;

namespace Registry.Bench.Support;

/// <summary>What the figures were measured on, printed before any of them.</summary>
internal static class MachineInfo
{
    public static void Write(TextWriter writer, bool quick)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Registry benchmarks ({(quick ? "quick" : "full")} run, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)");
        writer.WriteLine($"  cpu:     {Environment.ProcessorCount} cores, {CpuModel()}");
        writer.WriteLine($"  memory:  {TotalMemory()}");
        writer.WriteLine($"  os:      {OperatingSystemName()} ({RuntimeInformation.OSArchitecture})");
        writer.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, build {BenchContext.BuildConfiguration}");
        if (LoadAverage() is { } load)
        {
            writer.WriteLine($"  load:    {load.ToString("0.00", CultureInfo.InvariantCulture)} (1-minute average) at start");
            if (load > Environment.ProcessorCount * 0.5)
            {
                writer.WriteLine("  WARNING: other work is competing for the cores: absolute figures will be noisy and slow; ratios less so, as baseline and subject alternate.");
            }
        }

        if (BenchContext.BuildConfiguration != "Release")
        {
            writer.WriteLine("  WARNING: a Debug build; its figures say little about production.");
        }

        writer.WriteLine("  every figure is printed next to a baseline measured in this same run, with their ratio (above 1 = costlier than the baseline)");
    }

    /// <summary>The 1-minute load average (/proc/loadavg), or null where that is not available.</summary>
    public static double? LoadAverage()
    {
        const string Path = "/proc/loadavg";
        var first = File.Exists(Path) ? File.ReadAllText(Path).Split(' ')[0] : null;
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    private static string CpuModel() =>
        ReadField("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string TotalMemory()
    {
        var kib = ReadField("/proc/meminfo", "MemTotal", ':')?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kib, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Units.Bytes(value * 1024)
            : Units.Bytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) + " available to the GC";
    }

    private static string OperatingSystemName()
    {
        const string KernelRelease = "/proc/sys/kernel/osrelease";
        var kernel = File.Exists(KernelRelease) ? File.ReadAllText(KernelRelease).Trim() : null;
        return kernel is null ? RuntimeInformation.OSDescription : $"{RuntimeInformation.OSDescription}, kernel {kernel}";
    }

    /// <summary>The value of the first "key: value" (or key=value) line, or null when the file or key is missing.</summary>
    private static string? ReadField(string path, string key, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == key)
            {
                return line[(at + 1)..].Trim();
            }
        }

        return null;
    }
}
