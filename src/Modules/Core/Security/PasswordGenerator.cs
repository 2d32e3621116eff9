using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Registry.Core.Security;

/// <summary>
/// Random passwords that satisfy the configured Identity password policy by construction: one character of every
/// required class, enough distinct characters, then cryptographically shuffled. A generated password that the policy
/// refused once made a newcomer's first start fail (the setup recipe's administrator).
/// </summary>
public static class PasswordGenerator
{
    // No look-alikes (0/O, 1/l/I), so a printed password can be typed back.
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!#%+=";
    private const int MinimumLength = 16;

    public static string Generate(PasswordOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        // Every character comes from a 65-symbol alphabet, all classes included, so the result passes any policy
        // Identity can express (the classes are all present, uniqueness is forced below).
        var alphabet = Lower + Upper + Digits + Symbols;
        var length = Math.Max(Math.Max(MinimumLength, policy.RequiredLength), policy.RequiredUniqueChars + 4);
        if (policy.RequiredUniqueChars > alphabet.Length)
        {
            throw new ArgumentException($"A policy asking for {policy.RequiredUniqueChars} distinct characters cannot be met from {alphabet.Length}.", nameof(policy));
        }

        var chars = new List<char> { Pick(Lower), Pick(Upper), Pick(Digits), Pick(Symbols) };
        // Distinct characters first, so RequiredUniqueChars holds whatever the random draw below gives.
        var unused = alphabet.Except(chars).ToList();
        while (chars.Distinct().Count() < policy.RequiredUniqueChars)
        {
            var index = RandomNumberGenerator.GetInt32(unused.Count);
            chars.Add(unused[index]);
            unused.RemoveAt(index);
        }

        while (chars.Count < length)
        {
            chars.Add(Pick(alphabet));
        }

        var result = chars.ToArray();
        RandomNumberGenerator.Shuffle(result.AsSpan());
        return new string(result);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
