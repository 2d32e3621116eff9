using System.Globalization;

namespace Registry.Core.Finance;

/// <summary>
/// An amount of renminbi in integer fen (分, 1/100 yuan). Arithmetic is checked: an overflow throws rather
/// than wrapping, and nothing here goes through binary floating point.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    /// <summary>Error key: the text is empty or not an amount.</summary>
    public const string ErrorInvalid = "Money.Invalid";

    /// <summary>Error key: the amount has more than two decimals (finer than a fen).</summary>
    public const string ErrorPrecision = "Money.Precision";

    /// <summary>Error key: the amount does not fit in 64-bit fen.</summary>
    public const string ErrorRange = "Money.Range";

    /// <summary>Error key: the amount is above the maximum configured for its field (<see cref="IMoneyLimits"/>).</summary>
    public const string ErrorTooLarge = "Money.TooLarge";

    private const int FenPerYuan = 100;

    /// <summary>No money.</summary>
    public static Money Zero => default;

    /// <summary>Whole yuan; throws <see cref="OverflowException"/> when it does not fit.</summary>
    public static Money FromYuan(long yuan) => new(checked(yuan * FenPerYuan));

    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    /// <summary>Same as <c>+</c>, for languages without operators.</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Same as <c>-</c>, for languages without operators.</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <inheritdoc />
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Display form with the yuan sign and thousands separators: <c>¥1,234.50</c>, <c>-¥1,234.50</c>.</summary>
    public string Format()
    {
        var (negative, yuan, fen) = Decompose();
        return string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : string.Empty)}¥{yuan:N0}.{fen:00}");
    }

    /// <summary>Plain decimal yuan for forms and exports: <c>1234.50</c>, <c>-3.00</c>.</summary>
    public string ToYuanString()
    {
        var (negative, yuan, fen) = Decompose();
        return string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : string.Empty)}{yuan}.{fen:00}");
    }

    /// <summary>Exact yuan for numeric spreadsheet cells and chart values (a decimal, so no binary rounding).</summary>
    public decimal ToYuan() => Fen / 100m;

    /// <summary>Same as <see cref="Format"/>.</summary>
    public override string ToString() => Format();

    /// <summary>
    /// Parses <c>1234</c>, <c>1234.5</c>, <c>1,234.50</c>, <c>¥1,234.50</c> (also full-width <c>￥</c>),
    /// <c>-3.00</c>, <c>-¥3</c>. Thousands separators must group by three. <paramref name="error"/> is one of the
    /// <c>Error*</c> keys.
    /// </summary>
    public static bool TryParse(string? text, out Money money, out string? error)
    {
        money = Zero;
        var s = (text ?? string.Empty).AsSpan().Trim();

        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }

        if (s.StartsWith('¥') || s.StartsWith('￥'))
        {
            s = s[1..];
        }

        var point = s.IndexOf('.');
        var integerPart = point < 0 ? s : s[..point];
        var fractionPart = point < 0 ? [] : s[(point + 1)..];

        if (!TryReadGroupedDigits(integerPart, out var digits)
            || (point >= 0 && (fractionPart.Length == 0 || fractionPart.ContainsAnyExceptInRange('0', '9'))))
        {
            error = ErrorInvalid;
            return false;
        }

        if (fractionPart.Length > 2)
        {
            error = ErrorPrecision;
            return false;
        }

        // Accumulate the magnitude in fen as decimal text; UInt128 holds any candidate that can still fit in a long.
        UInt128 magnitude = 0;
        foreach (var c in digits + fractionPart.ToString().PadRight(2, '0'))
        {
            magnitude = (magnitude * 10) + (uint)(c - '0');
            if (magnitude > (UInt128)long.MaxValue + 1)
            {
                error = ErrorRange;
                return false;
            }
        }

        // long.MinValue has no positive counterpart, so only a negative amount may use the extra unit.
        if (!negative && magnitude > long.MaxValue)
        {
            error = ErrorRange;
            return false;
        }

        money = new Money((long)(negative ? -(Int128)magnitude : (Int128)magnitude));
        error = null;
        return true;
    }

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to non-negative integer weights (e.g. 50/30/20 for grant
    /// tranches) by the largest-remainder method: the parts always add up exactly to the total, leftover fen go to
    /// the largest remainders and, on a tie, to the earlier part.
    /// </summary>
    public static IReadOnlyList<Money> Split(Money total, IReadOnlyList<int> percentWeights)
    {
        ArgumentNullException.ThrowIfNull(percentWeights);
        if (percentWeights.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(percentWeights));
        }

        long weightSum = 0;
        foreach (var weight in percentWeights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(percentWeights));
            weightSum += weight;
        }

        if (weightSum == 0)
        {
            throw new ArgumentException("The weights must not all be zero.", nameof(percentWeights));
        }

        // Split the magnitude and re-apply the sign, so a negative total splits as the mirror of a positive one.
        Int128 magnitude = Int128.Abs(total.Fen);
        var parts = new Int128[percentWeights.Count];
        var remainders = new Int128[percentWeights.Count];
        Int128 allotted = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var share = magnitude * percentWeights[i];
            parts[i] = share / weightSum;
            remainders[i] = share % weightSum;
            allotted += parts[i];
        }

        var order = Enumerable.Range(0, parts.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i);
        foreach (var i in order.Take((int)(magnitude - allotted)))
        {
            parts[i]++;
        }

        return [.. parts.Select(part => new Money((long)(total.Fen < 0 ? -part : part)))];
    }

    private (bool Negative, ulong Yuan, ulong Fen) Decompose()
    {
        // Via unsigned so long.MinValue formats instead of overflowing in Math.Abs.
        var magnitude = Fen < 0 ? (ulong)(-(Fen + 1)) + 1 : (ulong)Fen;
        return (Fen < 0, magnitude / FenPerYuan, magnitude % FenPerYuan);
    }

    private static bool TryReadGroupedDigits(ReadOnlySpan<char> integerPart, out string digits)
    {
        digits = string.Empty;
        if (integerPart.IsEmpty)
        {
            return false;
        }

        if (!integerPart.Contains(','))
        {
            if (integerPart.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            digits = integerPart.ToString();
            return true;
        }

        // With separators: a leading group of 1–3 digits, then groups of exactly 3.
        var groups = integerPart.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
        {
            return false;
        }

        digits = string.Concat(groups);
        return !digits.AsSpan().ContainsAnyExceptInRange('0', '9');
    }
}
