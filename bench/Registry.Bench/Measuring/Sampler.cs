using System.Diagnostics;

namespace Registry.Bench.Measuring;

/// <summary>
/// How long to warm up before measuring: at least <see cref="MinRounds"/> and <see cref="MinTime"/> (tiered JIT
/// promotes hot code only after it has been quiet for ~100 ms), never more than <see cref="MaxRounds"/>.
/// </summary>
internal sealed record Warmup(int MinRounds, TimeSpan MinTime, int MaxRounds);

/// <summary>Stopwatch timing of a case against its baseline in the same run.</summary>
internal static class Sampler
{
    /// <summary>
    /// Warms both up, then takes <paramref name="samples"/> samples of each, alternating baseline and subject and
    /// flipping the order every round, so drift (page cache, WAL growth, a noisy neighbour) falls on both alike.
    /// Each unit returns how many operations it performed.
    /// </summary>
    public static async Task<(Stats Baseline, Stats Subject)> CompareAsync(
        Func<CancellationToken, ValueTask<int>> baseline,
        Func<CancellationToken, ValueTask<int>> subject,
        Warmup warmup,
        int samples,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(warmup);

        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < warmup.MaxRounds && (round < warmup.MinRounds || Stopwatch.GetElapsedTime(started) < warmup.MinTime); round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await baseline(cancellationToken);
            await subject(cancellationToken);
        }

        SettleGarbageCollector();
        var baselineSamples = new SampleSet();
        var subjectSamples = new SampleSet();
        for (var i = 0; i < samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 2 == 0)
            {
                await TimeAsync(baseline, baselineSamples, cancellationToken);
                await TimeAsync(subject, subjectSamples, cancellationToken);
            }
            else
            {
                await TimeAsync(subject, subjectSamples, cancellationToken);
                await TimeAsync(baseline, baselineSamples, cancellationToken);
            }
        }

        return (baselineSamples.Summarize(), subjectSamples.Summarize());
    }

    /// <summary>How many repetitions of <paramref name="unit"/> make one sample last about <paramref name="target"/> (at least 1).</summary>
    public static int RepetitionsFor(Action unit, TimeSpan target)
    {
        ArgumentNullException.ThrowIfNull(unit);
        const int Probes = 5;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Probes; i++)
        {
            unit();
        }

        var once = Stopwatch.GetElapsedTime(started) / Probes;
        return once <= TimeSpan.Zero ? 1_000_000 : (int)Math.Clamp(Math.Ceiling(target / once), 1, 1_000_000);
    }

    private static async ValueTask TimeAsync(Func<CancellationToken, ValueTask<int>> unit, SampleSet samples, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var operations = await unit(cancellationToken);
        samples.Add(Stopwatch.GetElapsedTime(started), operations);
    }

    private static void SettleGarbageCollector()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
