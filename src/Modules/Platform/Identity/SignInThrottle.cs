using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Registry.Platform.Identity;

/// <summary>
/// Failed sign-ins per account and client together (on top of the per-client auth limiter): one client cannot try
/// many passwords on one account, and a stranger elsewhere does not use up the owner's attempts. Successful sign-ins
/// are not counted.
/// </summary>
public sealed class SignInThrottle(IConfiguration configuration) : IDisposable
{
    public const string PermitsKey = "Registry:RateLimit:SignInPermitsPerAccountPerMinute";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue(PermitsKey, 10)),
            Window = TimeSpan.FromMinutes(1),
        }));

    /// <summary>False when this client has used up its failures on this account (known or not) in the current minute.</summary>
    public bool IsAllowed(string account, string client)
    {
        // Zero permits: asks whether any are left without using one.
        using var lease = _limiter.AttemptAcquire(Key(account, client), 0);
        return lease.IsAcquired;
    }

    public void RecordFailure(string account, string client)
    {
        using var lease = _limiter.AttemptAcquire(Key(account, client));
    }

    private static string Key(string account, string client) => account.Trim().ToUpperInvariant() + "\n" + client;

    public void Dispose() => _limiter.Dispose();
}
