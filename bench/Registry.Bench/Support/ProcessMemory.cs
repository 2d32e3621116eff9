using System.Globalization;

namespace Registry.Bench.Support;

/// <summary>Resident memory of a process from <c>/proc</c> (Linux); null where that is not available.</summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set (VmHWM) of a process, in bytes.</summary>
    public static long? PeakResidentBytes(int processId) => StatusField(processId, "VmHWM:");

    /// <summary>Current resident set (VmRSS) of a process, in bytes.</summary>
    public static long? ResidentBytes(int processId) => StatusField(processId, "VmRSS:");

    /// <summary>
    /// Restarts this process's peak-RSS count from its current RSS (writing 5 to <c>/proc/self/clear_refs</c>, Linux 4.0+),
    /// so a later <see cref="PeakResidentBytes"/> covers one phase only. False where that is not possible.
    /// </summary>
    public static bool TryResetOwnPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static long? StatusField(int processId, string field)
    {
        var status = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        try
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return long.TryParse(kib, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
