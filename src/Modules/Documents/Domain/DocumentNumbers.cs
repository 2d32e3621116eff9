using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Registry.Documents.Domain;

/// <summary>
/// 文号 patterns such as <c>海民社登〔{year}〕{seq}号</c>: <c>{year}</c> is the four-digit year, <c>{seq}</c> the kind's
/// gap-free number in that year, <c>{seq:N}</c> the same padded with zeros to N digits (1–6). Both placeholders are
/// required: numbers restart every year, so a pattern without the year would repeat numbers.
/// </summary>
public static partial class DocumentNumbers
{
    public const int MaxPatternLength = 60;

    /// <summary>Null when usable, else the localization key of what is wrong.</summary>
    public static string? Validate(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "Documents.Error.NumberFormatRequired";
        }

        if (pattern.Length > MaxPatternLength)
        {
            return "Documents.Error.NumberFormatTooLong";
        }

        var rest = Placeholder().Replace(pattern, "");
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            return "Documents.Error.NumberFormatUnknownPlaceholder";
        }

        var placeholders = Placeholder().Matches(pattern).Select(m => m.Groups["name"].Value).ToList();
        if (placeholders.Count(p => p == "year") != 1 || placeholders.Count(p => p == "seq") != 1)
        {
            return "Documents.Error.NumberFormatPlaceholders";
        }

        return null;
    }

    /// <summary>The number for <paramref name="sequence"/> (≥ 1) of <paramref name="year"/>; the pattern must be valid.</summary>
    public static string Format(string pattern, int year, long sequence)
    {
        if (Validate(pattern) is { } error)
        {
            throw new ArgumentException(error, nameof(pattern));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return Placeholder().Replace(pattern, m => m.Groups["name"].Value == "year"
            ? year.ToString(CultureInfo.InvariantCulture)
            : sequence.ToString(CultureInfo.InvariantCulture).PadLeft(m.Groups["width"].Success ? m.Groups["width"].Value[0] - '0' : 0, '0'));
    }

    [GeneratedRegex(@"\{(?<name>year|seq)(?::(?<width>[1-6]))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>Short verification codes (printed under the QR code, typed at /verify): 10 characters without look-alikes.</summary>
public static class VerificationCodes
{
    /// <summary>No 0/O, 1/I/L, so a code read off paper is typed right.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 10;

    public static string New()
    {
        var builder = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
        {
            builder.Append(Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>The code as typed (spaces, dashes and lower case forgiven), or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var code = new string([.. typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
