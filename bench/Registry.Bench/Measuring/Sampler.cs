using System.Diagnostics;
using System.Runtime;

namespace Registry.Bench.Measuring;

/// <summary>
/// How long to warm up: at least <see cref="MinRounds"/> and <see cref="MinTime"/>, then until the JIT has been quiet
/// for a while (tiered compilation promotes hot code in the background, ~100 ms after it last compiled anything),
/// but never past <see cref="MaxTime"/> or <see cref="MaxRounds"/>.
/// </summary>
internal sealed record Warmup(int MinRounds, TimeSpan MinTime, TimeSpan MaxTime, int MaxRounds = 100_000);

/// <summary>How a warm-up ended: <see cref="JitSettled"/> is false when it hit its limit with the JIT still compiling.</summary>
internal sealed record WarmupOutcome(int Rounds, TimeSpan Time, bool JitSettled);

/// <summary>A case and its baseline, measured in the same run.</summary>
internal sealed record Comparison(Stats Baseline, Stats Subject, WarmupOutcome Warmup);

/// <summary>Stopwatch timing of a case against its baseline in the same run.</summary>
internal static class Sampler
{
    /// <summary>No method compiled for this long means tiering has caught up with the code being run.</summary>
    private static readonly TimeSpan JitQuietPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Warms both up, then takes <paramref name="samples"/> samples of each, alternating baseline and subject and
    /// flipping the order every round, so drift (page cache, WAL growth, a noisy neighbour) falls on both alike.
    /// Each unit returns how many operations it performed.
    /// </summary>
    public static async Task<Comparison> CompareAsync(
        Func<CancellationToken, ValueTask<int>> baseline,
        Func<CancellationToken, ValueTask<int>> subject,
        Warmup warmup,
        int samples,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(subject);

        var outcome = await WarmUpAsync([baseline, subject], warmup, cancellationToken);
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

        return new Comparison(baselineSamples.Summarize(), subjectSamples.Summarize(), outcome);
    }

    /// <summary>Runs every unit once per round until <paramref name="warmup"/> says the code is warm.</summary>
    public static async Task<WarmupOutcome> WarmUpAsync(IReadOnlyList<Func<CancellationToken, ValueTask<int>>> units, Warmup warmup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(warmup);

        var started = Stopwatch.GetTimestamp();
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompile = started;
        var rounds = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var unit in units)
            {
                await unit(cancellationToken);
            }

            rounds++;
            var now = Stopwatch.GetTimestamp();
            var count = JitInfo.GetCompiledMethodCount();
            if (count != compiled)
            {
                compiled = count;
                lastCompile = now;
            }

            var elapsed = Stopwatch.GetElapsedTime(started, now);
            var settled = Stopwatch.GetElapsedTime(lastCompile, now) >= JitQuietPeriod;
            if ((rounds >= warmup.MinRounds && elapsed >= warmup.MinTime && settled) || elapsed >= warmup.MaxTime || rounds >= warmup.MaxRounds)
            {
                return new WarmupOutcome(rounds, elapsed, settled);
            }
        }
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
