using Microsoft.Extensions.Options;

namespace Registry.Core.Finance;

/// <summary>
/// The money fields people type (forms, imports, APIs), by the name their maximum is configured under
/// (<c>Registry:Money:Max:&lt;Field&gt;</c>, in yuan).
/// </summary>
public static class MoneyField
{
    /// <summary>开办资金 / 活动资金 / 原始基金 of an organization (application, register, import).</summary>
    public const string ActivityFunds = "ActivityFunds";

    /// <summary>A figure of an annual report's finances (income, expenditure, assets …).</summary>
    public const string AnnualReport = "AnnualReport";

    /// <summary>A line of a venture-fund budget: the amount requested or the matching funds.</summary>
    public const string GrantBudgetLine = "GrantBudgetLine";

    /// <summary>A round's money settings: the fund's total, the per-project cap.</summary>
    public const string GrantRound = "GrantRound";

    /// <summary>An amount awarded or cut to at allocation.</summary>
    public const string GrantAward = "GrantAward";

    /// <summary>A tranche, payment, refund or repayment of an agreement.</summary>
    public const string GrantPayment = "GrantPayment";

    /// <summary>Spending reported in a progress report.</summary>
    public const string GrantSpending = "GrantSpending";
}

/// <summary>
/// Maximum amount per money field (issue 26 item 7): an absurd amount is a validation message at the edge, never an
/// overflow in a rule that adds amounts up. Values in whole yuan.
/// </summary>
public sealed class MoneyLimitOptions
{
    public const string Section = "Registry:Money";

    /// <summary>
    /// No configured maximum may exceed 10^12 yuan (10^14 fen): then even 90,000 amounts at their maximum add up inside a
    /// 64-bit fen total, so the checked sums in the rules cannot overflow on accepted input.
    /// </summary>
    public const long CeilingYuan = 1_000_000_000_000;

    /// <summary>Maximum of a field without its own entry.</summary>
    public long DefaultMaxYuan { get; set; } = 10_000_000_000;

    /// <summary>Per-field maxima, by <see cref="MoneyField"/> name; configured entries replace these defaults.</summary>
    public Dictionary<string, long> Max { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [MoneyField.ActivityFunds] = 10_000_000_000,
        [MoneyField.AnnualReport] = 100_000_000_000,
        [MoneyField.GrantBudgetLine] = 100_000_000,
        [MoneyField.GrantRound] = 10_000_000_000,
        [MoneyField.GrantAward] = 100_000_000,
        [MoneyField.GrantPayment] = 100_000_000,
        [MoneyField.GrantSpending] = 100_000_000,
    };
}

/// <summary>Refuses to start with a maximum that is not positive or above <see cref="MoneyLimitOptions.CeilingYuan"/>, and says which.</summary>
internal sealed class MoneyLimitOptionsValidator : IValidateOptions<MoneyLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, MoneyLimitOptions options)
    {
        var bad = options.Max.Where(m => m.Value is <= 0 or > MoneyLimitOptions.CeilingYuan).Select(m => $"{MoneyLimitOptions.Section}:Max:{m.Key}").ToList();
        if (options.DefaultMaxYuan is <= 0 or > MoneyLimitOptions.CeilingYuan)
        {
            bad.Add($"{MoneyLimitOptions.Section}:DefaultMaxYuan");
        }

        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{string.Join(", ", bad)} must be a whole number of yuan from 1 to {MoneyLimitOptions.CeilingYuan}.");
    }
}

/// <summary>The one way an amount typed by a person or read from an import is turned into money: parsed, then bounded by its field's maximum.</summary>
public interface IMoneyLimits
{
    /// <summary>The largest amount (in magnitude) <paramref name="field"/> accepts.</summary>
    Money MaxFor(string field);

    /// <summary>
    /// <see cref="Money.TryParse(string?, out Money, out string?)"/>, then the field's maximum: a larger amount (either sign),
    /// including one too long even for 64-bit fen, fails with <see cref="Money.ErrorTooLarge"/>. <paramref name="errorKey"/> is a localization key.
    /// </summary>
    bool TryParse(string? text, string field, out Money money, out string? errorKey);
}

/// <summary>The configured limits (<see cref="MoneyLimitOptions"/>).</summary>
public sealed class MoneyLimits(IOptions<MoneyLimitOptions> options) : IMoneyLimits
{
    public Money MaxFor(string field) =>
        // Validated on start to lie in 1..CeilingYuan yuan, so this never overflows.
        Money.FromYuan(options.Value.Max.TryGetValue(field, out var max) ? max : options.Value.DefaultMaxYuan);

    public bool TryParse(string? text, string field, out Money money, out string? errorKey)
    {
        if (!Money.TryParse(text, out money, out errorKey))
        {
            // An amount beyond 64-bit fen is above every field's maximum: one message for "too large", whatever the digits.
            if (errorKey == Money.ErrorRange)
            {
                errorKey = Money.ErrorTooLarge;
            }

            return false;
        }

        if (Exceeds(money, MaxFor(field)))
        {
            money = Money.Zero;
            errorKey = Money.ErrorTooLarge;
            return false;
        }

        return true;
    }

    // long.MinValue has no positive counterpart: compare magnitudes without negating it.
    private static bool Exceeds(Money money, Money max) => money.Fen > max.Fen || money.Fen < -max.Fen;
}
