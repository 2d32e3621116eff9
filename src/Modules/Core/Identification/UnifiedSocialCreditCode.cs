using System.Globalization;
using System.Text;
using Registry.Core.Forms;

namespace Registry.Core.Identification;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose position 17 is the
/// GB 11714 organization-code check and position 18 the GB 32100 check. A value always passes both checks;
/// <c>default</c> is not a code and its parts throw.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    /// <summary>Error key: the text is empty or whitespace.</summary>
    public const string ErrorEmpty = "Uscc.Empty";

    /// <summary>Error key: the text is not 18 characters long.</summary>
    public const string ErrorLength = "Uscc.Length";

    /// <summary>Error key: a character is outside <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c>.</summary>
    public const string ErrorAlphabet = "Uscc.Alphabet";

    /// <summary>Error key: positions 3–8 (administrative division code) are not six digits.</summary>
    public const string ErrorDivisionCode = "Uscc.DivisionCode";

    /// <summary>Error key: position 17 (GB 11714 organization-code check) is wrong.</summary>
    public const string ErrorOrgCodeCheck = "Uscc.OrgCodeCheck";

    /// <summary>Error key: position 18 (GB 32100 check) is wrong.</summary>
    public const string ErrorCheck = "Uscc.Check";

    /// <summary>Detailed error key (<see cref="TryRead"/>): arguments are the length found and 18.</summary>
    public const string ErrorLengthOf = "Uscc.LengthOf";

    /// <summary>Detailed error key: a letter the code never uses (I, O, Z, S, V); arguments are its position and the letter.</summary>
    public const string ErrorUnusedLetter = "Uscc.UnusedLetter";

    /// <summary>Detailed error key: a character that is neither a digit nor a Latin letter; arguments are its position and the character.</summary>
    public const string ErrorCharacter = "Uscc.Character";

    /// <summary>The characters a code may contain; a character's value is its index here.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private const int CodeLength = 18;
    private const int OrganizationBodyLength = 8;

    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    private static readonly int[] CheckWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationCheckWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    private UnifiedSocialCreditCode(string value) => _value = value;

    /// <summary>The 18 characters, upper case; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Position 1: the registering department (<c>5</c> = civil affairs).</summary>
    public char DepartmentCode => Code[0];

    /// <summary>Position 2: the organization type within the department (e.g. <c>1</c> 社会团体).</summary>
    public char TypeCode => Code[1];

    /// <summary>Positions 3–8: the GB/T 2260 administrative division code.</summary>
    public string DivisionCode => Code[2..8];

    /// <summary>Positions 9–17: the GB 11714 organization code including its check character.</summary>
    public string OrganizationCode => Code[8..17];

    private string Code => _value ?? throw new InvalidOperationException("A default UnifiedSocialCreditCode holds no code.");

    /// <summary>
    /// The text as a code is compared: NFKC (full-width ＡＢ１ become AB1, the ideographic space a space), without
    /// spaces or hyphens anywhere (codes are often printed grouped, e.g. <c>5133020350000101-8P</c>), upper case.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && !IsHyphen(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Parses after <see cref="Normalize"/>; <paramref name="error"/> is a stable localization key (no arguments).</summary>
    public static bool TryParse(string? text, out UnifiedSocialCreditCode code, out string? error)
    {
        code = default;
        error = Validate(Normalize(text), out var candidate);
        if (error is not null)
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(candidate);
        return true;
    }

    /// <summary>
    /// Like <see cref="TryParse"/>, with a problem that says what is
    /// wrong in the normalized text: how many characters were found, which character at which position, or which check
    /// character. A full-width character is never the problem: normalization has already made it ASCII.
    /// </summary>
    public static bool TryRead(string? text, string field, out UnifiedSocialCreditCode code, out FormError? problem)
    {
        var normalized = Normalize(text);
        if (TryParse(normalized, out code, out var error))
        {
            problem = null;
            return true;
        }

        problem = error switch
        {
            ErrorLength => new FormError(field, ErrorLengthOf, normalized.Length, CodeLength),
            ErrorAlphabet => CharacterProblem(normalized, field),
            _ => new FormError(field, error!),
        };
        return false;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> whose message starts with the error key.</summary>
    public static UnifiedSocialCreditCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var code, out var error)
            ? code
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{error}: '{text}' is not a valid unified social credit code."));
    }

    /// <summary>True when the text (trimmed, any case) is a valid code.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    /// <summary>
    /// Builds a code from its parts, computing position 17 (GB 11714) and position 18 (GB 32100).
    /// <paramref name="organizationCodeBody"/> is positions 9–16 (8 characters).
    /// </summary>
    public static UnifiedSocialCreditCode Generate(char departmentCode, char typeCode, string divisionCode, string organizationCodeBody)
    {
        ArgumentNullException.ThrowIfNull(divisionCode);
        ArgumentNullException.ThrowIfNull(organizationCodeBody);

        departmentCode = char.ToUpperInvariant(departmentCode);
        typeCode = char.ToUpperInvariant(typeCode);
        var body = organizationCodeBody.ToUpperInvariant();

        if (!InAlphabet(departmentCode))
        {
            throw new ArgumentException($"Department code '{departmentCode}' is not in the code alphabet.", nameof(departmentCode));
        }

        if (!InAlphabet(typeCode))
        {
            throw new ArgumentException($"Type code '{typeCode}' is not in the code alphabet.", nameof(typeCode));
        }

        if (divisionCode.Length != 6 || divisionCode.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException($"Division code '{divisionCode}' must be six digits.", nameof(divisionCode));
        }

        if (body.Length != OrganizationBodyLength || !body.All(InAlphabet))
        {
            throw new ArgumentException(
                $"Organization code body '{organizationCodeBody}' must be {OrganizationBodyLength} characters from {Alphabet}.",
                nameof(organizationCodeBody));
        }

        var first17 = string.Create(CultureInfo.InvariantCulture, $"{departmentCode}{typeCode}{divisionCode}{body}{OrganizationCheck(body)}");
        return new UnifiedSocialCreditCode(first17 + Check(first17));
    }

    /// <summary>
    /// Positions 9–16 as <paramref name="prefix"/> followed by <paramref name="sequence"/> zero-padded in decimal.
    /// Throws when the sequence no longer fits, so a caller never wraps around into an issued code.
    /// </summary>
    public static string OrganizationCodeBodyFromSequence(string prefix, long sequence)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);

        var normalized = prefix.ToUpperInvariant();
        if (normalized.Length >= OrganizationBodyLength || !normalized.All(InAlphabet))
        {
            throw new ArgumentException(
                $"Prefix '{prefix}' must be at most {OrganizationBodyLength - 1} characters from {Alphabet}.",
                nameof(prefix));
        }

        var digits = OrganizationBodyLength - normalized.Length;
        var number = sequence.ToString(CultureInfo.InvariantCulture);
        if (number.Length > digits)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sequence),
                sequence,
                $"Sequence {sequence} does not fit in {digits} digits after prefix '{normalized}': the range is exhausted.");
        }

        return normalized + number.PadLeft(digits, '0');
    }

    /// <summary>The 18 characters.</summary>
    public override string ToString() => Value;

    /// <summary>
    /// Display form grouped by meaning: department, type, division, organization code with a hyphen before its
    /// check (the way GB 11714 codes are printed), overall check, e.g. <c>5 1 100000 50000924-7 D</c>.
    /// </summary>
    public string Format()
    {
        var code = Code;
        return string.Create(CultureInfo.InvariantCulture, $"{code[0]} {code[1]} {code[2..8]} {code[8..16]}-{code[16]} {code[17]}");
    }

    private static string? Validate(string? text, out string candidate)
    {
        candidate = text ?? string.Empty;
        if (candidate.Length == 0)
        {
            return ErrorEmpty;
        }

        if (candidate.Length != CodeLength)
        {
            return ErrorLength;
        }

        if (!candidate.All(InAlphabet))
        {
            return ErrorAlphabet;
        }

        if (candidate.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return ErrorDivisionCode;
        }

        if (candidate[16] != OrganizationCheck(candidate.AsSpan(8, OrganizationBodyLength)))
        {
            return ErrorOrgCodeCheck;
        }

        return candidate[17] != Check(candidate.AsSpan(0, 17)) ? ErrorCheck : null;
    }

    private static bool InAlphabet(char c) => Alphabet.Contains(c, StringComparison.Ordinal);

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    private static FormError CharacterProblem(string normalized, string field)
    {
        var position = normalized.AsSpan().IndexOfAnyExcept(AlphabetValues);
        var bad = char.IsHighSurrogate(normalized[position]) && position + 1 < normalized.Length
            ? normalized.Substring(position, 2)
            : normalized[position].ToString();
        // Only an ASCII letter can be one of the letters GB 32100 leaves out; anything else is simply not a code character.
        return char.IsAsciiLetterUpper(normalized[position])
            ? new FormError(field, ErrorUnusedLetter, position + 1, bad)
            : new FormError(field, ErrorCharacter, position + 1, bad);
    }

    // GB 11714: digits keep their value and letters count A=10 … Z=35, regardless of the GB 32100 alphabet.
    private static char OrganizationCheck(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < OrganizationCheckWeights.Length; i++)
        {
            var c = body[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganizationCheckWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var check => (char)('0' + check),
        };
    }

    private static char Check(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < CheckWeights.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * CheckWeights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
