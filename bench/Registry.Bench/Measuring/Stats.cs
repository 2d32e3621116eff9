namespace Registry.Bench.Measuring;

/// <summary>Timings of one measured case, per operation: percentiles over samples, rate over the whole run.</summary>
internal sealed record Stats(int Samples, long Operations, double TotalSeconds, double P50, double P95, double P99)
{
    public double MeanSeconds => TotalSeconds / Operations;

    public double OperationsPerSecond => Operations / TotalSeconds;

    /// <summary>
    /// Median time per operation relative to the baseline's: 1 = as cheap, 3 = three times the cost. The median,
    /// because a few stalls (an fsync, another process) move the mean of one side more than the other.
    /// </summary>
    public double CostRatio(Stats baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return P50 / baseline.P50;
    }
}

/// <summary>Collects samples; each sample is one timed unit covering one or more operations.</summary>
internal sealed class SampleSet
{
    private readonly List<double> _secondsPerOperation = [];
    private long _operations;
    private double _seconds;

    public void Add(TimeSpan elapsed, int operations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operations);
        _secondsPerOperation.Add(elapsed.TotalSeconds / operations);
        _operations += operations;
        _seconds += elapsed.TotalSeconds;
    }

    public Stats Summarize()
    {
        if (_secondsPerOperation.Count == 0)
        {
            throw new InvalidOperationException("No sample was taken.");
        }

        var sorted = _secondsPerOperation.Order().ToArray();
        return new Stats(sorted.Length, _operations, _seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
    }

    /// <summary>Linear interpolation between closest ranks.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
