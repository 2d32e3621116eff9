namespace Registry.Testing;

/// <summary>
/// The one way tests wait for background work (change feed, index, mail): poll until a condition holds, with a
/// deadline generous enough for a loaded 2-core CI machine. Tests assert outcome and order; latency belongs in bench/.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition may take before the test fails.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private static readonly object Reached = new();

    public static Task HoldsAsync(Func<bool> condition, string because, TimeSpan? deadline = null) =>
        HoldsAsync(() => Task.FromResult(condition()), because, deadline);

    /// <summary>Polls until <paramref name="condition"/> holds; <paramref name="interval"/> is longer where a probe is rate-limited (the public API).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string because, TimeSpan? deadline = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await ResultAsync(async () => await condition() ? Reached : null, because, deadline, interval);
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value, and returns it.</summary>
    public static async Task<T> ResultAsync<T>(Func<Task<T?>> probe, string because, TimeSpan? deadline = null, TimeSpan? interval = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not reached within {(deadline ?? Deadline).TotalSeconds:0} s: {because}");
            }

            await Task.Delay(interval ?? Interval);
        }
    }
}
