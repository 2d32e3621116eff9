using Microsoft.Extensions.Options;
using Registry.Core.Finance;

namespace Registry.Core.Tests.Finance;

/// <summary>Issue 26 item 7: each money field has a configured maximum; the one parser refuses what exceeds it.</summary>
public sealed class MoneyLimitsTests
{
    private static MoneyLimits Limits(Action<MoneyLimitOptions>? configure = null)
    {
        var options = new MoneyLimitOptions();
        configure?.Invoke(options);
        return new MoneyLimits(Options.Create(options));
    }

    [Fact]
    public void TryParse_AtTheFieldMaximum_IsAccepted()
    {
        Limits().TryParse("100000000.00", MoneyField.GrantBudgetLine, out var money, out var error).ShouldBeTrue();
        (money, error).ShouldBe((Money.FromYuan(100_000_000), null));
    }

    [Fact]
    public void TryParse_OneFenAboveTheFieldMaximum_IsTooLarge()
    {
        Limits().TryParse("100000000.01", MoneyField.GrantBudgetLine, out var money, out var error).ShouldBeFalse();
        (money, error).ShouldBe((Money.Zero, Money.ErrorTooLarge));
    }

    [Fact]
    public void TryParse_NegativeBeyondTheMaximum_IsTooLarge()
    {
        Limits().TryParse("-100000000.01", MoneyField.GrantBudgetLine, out _, out var error).ShouldBeFalse();
        error.ShouldBe(Money.ErrorTooLarge);
    }

    [Fact]
    public void TryParse_NegativeAtTheMaximum_IsAccepted() =>
        Limits().TryParse("-100000000", MoneyField.GrantBudgetLine, out _, out _).ShouldBeTrue();

    [Fact]
    public void TryParse_TwentyNines_IsTooLargeNotAnOverflow()
    {
        Limits().TryParse("99999999999999999999", MoneyField.AnnualReport, out _, out var error).ShouldBeFalse();
        error.ShouldBe(Money.ErrorTooLarge);
    }

    [Fact]
    public void TryParse_NegativeTwentyNines_IsTooLargeNotAnOverflow()
    {
        Limits().TryParse("-99999999999999999999", MoneyField.AnnualReport, out _, out var error).ShouldBeFalse();
        error.ShouldBe(Money.ErrorTooLarge);
    }

    [Fact]
    public void TryParse_Unparsable_KeepsTheParserError()
    {
        Limits().TryParse("1.234", MoneyField.ActivityFunds, out _, out var error).ShouldBeFalse();
        error.ShouldBe(Money.ErrorPrecision);
    }

    [Fact]
    public void MaxFor_UnknownField_IsTheDefault() =>
        Limits(o => o.DefaultMaxYuan = 5).MaxFor("SomethingNew").ShouldBe(Money.FromYuan(5));

    [Fact]
    public void MaxFor_ConfiguredField_ReplacesTheDefaultOfThatFieldOnly()
    {
        var limits = Limits(o => o.Max[MoneyField.GrantPayment] = 1_000);
        limits.MaxFor(MoneyField.GrantPayment).ShouldBe(Money.FromYuan(1_000));
        limits.MaxFor(MoneyField.GrantBudgetLine).ShouldBe(Money.FromYuan(100_000_000));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(MoneyLimitOptions.CeilingYuan, true)]
    [InlineData(MoneyLimitOptions.CeilingYuan + 1, false)]
    public void Validate_FieldMaximum_MustLieBetweenOneYuanAndTheCeiling(long max, bool valid)
    {
        var options = new MoneyLimitOptions();
        options.Max[MoneyField.GrantRound] = max;

        var result = new MoneyLimitOptionsValidator().Validate(null, options);

        result.Succeeded.ShouldBe(valid);
        if (!valid)
        {
            result.FailureMessage!.ShouldContain("Registry:Money:Max:GrantRound");
        }
    }

    [Fact]
    public void Ceiling_NinetyThousandAmountsAtTheCeiling_StillAddUpWithoutOverflow()
    {
        // The point of the ceiling: the checked sums in the rules cannot overflow on accepted input.
        var total = Money.Zero;
        for (var i = 0; i < 90_000; i++)
        {
            total += Money.FromYuan(MoneyLimitOptions.CeilingYuan);
        }

        total.Fen.ShouldBe(90_000 * MoneyLimitOptions.CeilingYuan * 100);
    }
}
