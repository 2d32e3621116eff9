using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Registry.Core.Auditing;

/// <summary>
/// The secret the audit chain is keyed with (HMAC-SHA256). It lives outside the database (<see cref="ConfigKey"/>), so
/// someone who can write the tables cannot seal a forged entry nor recompute the chain after an edit.
/// </summary>
public sealed class AuditKey
{
    public const string ConfigKey = "Registry:Audit:ChainKey";

    private const int MinimumBytes = 32;

    private readonly byte[] _key;

    public AuditKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumBytes)
        {
            throw new ArgumentException($"The audit chain key needs at least {MinimumBytes} bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>Development and tests only: derived from a fixed label, so it protects nothing but needs no setup.</summary>
    public static AuditKey Development { get; } = new(SHA256.HashData(Encoding.UTF8.GetBytes("Registry audit chain: development key, not for production")));

    /// <summary>Why <see cref="ConfigKey"/> cannot be used, in one line, or null (a missing key is a problem only outside Development and Testing).</summary>
    public static string? Problem(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration[ConfigKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? null
                : $"{ConfigKey} is required in {environment.EnvironmentName}: the audit chain is keyed with it, kept outside the database; set e.g. Registry__Audit__ChainKey=$(openssl rand -base64 32)";
        }

        return TryDecode(configured) is null ? $"{ConfigKey} must be base64 of at least {MinimumBytes} bytes (e.g. the output of openssl rand -base64 32)." : null;
    }

    /// <summary>The configured key, or the development key where <see cref="Problem"/> allows its absence.</summary>
    public static AuditKey FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        if (Problem(configuration, environment) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var configured = configuration[ConfigKey];
        return string.IsNullOrWhiteSpace(configured) ? Development : new AuditKey(TryDecode(configured)!);
    }

    /// <summary>HMAC-SHA256 of <paramref name="text"/> (UTF-8), lower-case hex.</summary>
    public string Mac(string text) => Mac(Encoding.UTF8.GetBytes(text));

    /// <summary>HMAC-SHA256 of <paramref name="utf8"/>, lower-case hex: <see cref="Mac(string)"/> of the text these bytes encode.</summary>
    internal string Mac(ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, utf8, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Compares the MAC of <paramref name="utf8"/> with <paramref name="mac"/> in constant time, without building the text or the MAC as strings.</summary>
    internal bool Verify(ReadOnlySpan<byte> utf8, string? mac)
    {
        if (mac is null)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, utf8, hash);
        Span<char> hex = stackalloc char[2 * HMACSHA256.HashSizeInBytes];
        Convert.TryToHexStringLower(hash, hex, out _);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes<char>(hex), MemoryMarshal.AsBytes(mac.AsSpan()));
    }

    /// <summary>Compares the MAC of <paramref name="text"/> (UTF-8) with <paramref name="mac"/> in constant time.</summary>
    public bool Verify(string text, string? mac) => Verify(Encoding.UTF8.GetBytes(text), mac);

    private static byte[]? TryDecode(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written >= MinimumBytes ? buffer[..written] : null;
    }
}
