namespace Registry.Organizations.Domain;

/// <summary>
/// Names are [区划][字号][行业][组织形式]: two names clash when what remains after removing the district prefix and the
/// form suffix is the same (宁波市海曙区阳光养老服务中心 ≈ 阳光养老服务中心 ≈ 海曙区阳光养老协会).
/// </summary>
public sealed class NameRules(IEnumerable<string> districtPrefixes, IEnumerable<string> formSuffixes)
{
    public static readonly IReadOnlyList<string> DefaultSuffixes =
    [
        "服务中心", "发展中心", "研究会", "促进会", "联合会", "联谊会", "基金会", "协会", "商会", "学会", "中心", "服务社", "俱乐部", "服务站", "研究院", "研究所", "社", "院", "所", "站", "队", "团",
    ];

    private readonly string[] _prefixes = [.. districtPrefixes.Where(p => p.Length > 0).OrderByDescending(p => p.Length)];
    private readonly string[] _suffixes = [.. formSuffixes.Where(s => s.Length > 0).OrderByDescending(s => s.Length)];

    public string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Plain loops: the register import normalizes every row's name.
        Span<char> kept = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c))
            {
                kept[length++] = c;
            }
        }

        var core = length == name.Length ? name : new string(kept[..length]);
        bool stripped;
        do
        {
            stripped = false;
            foreach (var prefix in _prefixes)
            {
                if (core.StartsWith(prefix, StringComparison.Ordinal) && core.Length > prefix.Length)
                {
                    core = core[prefix.Length..];
                    stripped = true;
                    break;
                }
            }
        }
        while (stripped);

        foreach (var suffix in _suffixes)
        {
            if (core.EndsWith(suffix, StringComparison.Ordinal) && core.Length > suffix.Length)
            {
                core = core[..^suffix.Length];
                break;
            }
        }

        return UpperInvariant(core);
    }

    /// <summary>
    /// <see cref="string.ToUpperInvariant"/>, without asking ICU when every character is a CJK ideograph (no case) or
    /// ASCII other than a-z, as almost every name is.
    /// </summary>
    private static string UpperInvariant(string text)
    {
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' || (c >= '\u0080' && c is < '\u4E00' or > '\u9FFF'))
            {
                return text.ToUpperInvariant();
            }
        }

        return text;
    }

    /// <summary>Near clash: one contains the other, or they differ by one character.</summary>
    public static bool AreSimilar(string normalizedA, string normalizedB)
    {
        ArgumentNullException.ThrowIfNull(normalizedA);
        ArgumentNullException.ThrowIfNull(normalizedB);
        if (normalizedA.Length < 2 || normalizedB.Length < 2)
        {
            return false;
        }

        return normalizedA.Contains(normalizedB, StringComparison.Ordinal)
            || normalizedB.Contains(normalizedA, StringComparison.Ordinal)
            || EditDistanceAtMostOne(normalizedA, normalizedB);
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
