using Registry.Core.Finance;

namespace Registry.Core.Tests.Finance;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0L, "¥0.00")]
    [InlineData(5L, "¥0.05")]
    [InlineData(123_450L, "¥1,234.50")]
    [InlineData(-123_450L, "-¥1,234.50")]
    [InlineData(5_000_000L, "¥50,000.00")]
    [InlineData(long.MinValue, "-¥92,233,720,368,547,758.08")]
    public void Format_Amount_ShowsYuanSignAndSeparators(long fen, string expected)
    {
        new Money(fen).Format().ShouldBe(expected);
    }

    [Theory]
    [InlineData(123_450L, "1234.50")]
    [InlineData(-300L, "-3.00")]
    [InlineData(7L, "0.07")]
    [InlineData(-7L, "-0.07")]
    public void ToYuanString_Amount_IsPlainDecimal(long fen, string expected)
    {
        new Money(fen).ToYuanString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(215_340_000L, "2153400")]
    [InlineData(7L, "0.07")]
    [InlineData(-123_450L, "-1234.5")]
    public void ToYuan_Amount_IsExactDecimal(long fen, string expected)
    {
        new Money(fen).ToYuan().ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1234", 123_400L)]
    [InlineData("1234.5", 123_450L)]
    [InlineData("1,234.50", 123_450L)]
    [InlineData("¥1,234.50", 123_450L)]
    [InlineData("￥1,234.50", 123_450L)]
    [InlineData("-3.00", -300L)]
    [InlineData("-¥3", -300L)]
    [InlineData(" 0.05 ", 5L)]
    [InlineData("1,000,000", 100_000_000L)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    [InlineData("-92233720368547758.08", long.MinValue)]
    public void TryParse_AcceptedForm_ReadsExactFen(string text, long expectedFen)
    {
        Money.TryParse(text, out var money, out var error).ShouldBeTrue(error);

        money.ShouldBe(new Money(expectedFen));
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("1,234.567")]
    [InlineData("0.001")]
    public void TryParse_MoreThanTwoDecimals_FailsWithPrecision(string text)
    {
        Money.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe(Money.ErrorPrecision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("¥")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("12a")]
    [InlineData("--1")]
    [InlineData("1,23")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    [InlineData("1e3")]
    public void TryParse_Garbage_FailsWithInvalid(string? text)
    {
        Money.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe(Money.ErrorInvalid);
    }

    [Theory]
    [InlineData("92233720368547758.08")]
    [InlineData("-92233720368547758.09")]
    [InlineData("99999999999999999999999999999999")]
    public void TryParse_BeyondLongFen_FailsWithRange(string text)
    {
        Money.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe(Money.ErrorRange);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-99L)]
    [InlineData(123_456_789L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void TryParse_FormattedAmount_RoundTrips(long fen)
    {
        Money.TryParse(new Money(fen).Format(), out var money, out _).ShouldBeTrue();

        money.Fen.ShouldBe(fen);
    }

    [Fact]
    public void FromYuan_WholeYuan_IsHundredFen()
    {
        Money.FromYuan(50_000).ShouldBe(new Money(5_000_000));
    }

    [Fact]
    public void FromYuan_TooLarge_ThrowsOverflow()
    {
        Should.Throw<OverflowException>(() => Money.FromYuan(long.MaxValue / 10));
    }

    [Fact]
    public void Addition_TwoAmounts_AddsFen()
    {
        (new Money(150) + new Money(275)).ShouldBe(new Money(425));
    }

    [Fact]
    public void Subtraction_LargerFromSmaller_IsNegative()
    {
        (new Money(150) - new Money(275)).ShouldBe(new Money(-125));
    }

    [Fact]
    public void Addition_Overflow_Throws()
    {
        Should.Throw<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
    }

    [Fact]
    public void Subtraction_Overflow_Throws()
    {
        Should.Throw<OverflowException>(() => new Money(long.MinValue) - new Money(1));
    }

    [Fact]
    public void ComparisonOperators_DifferentAmounts_OrderByFen()
    {
        var small = new Money(-1);
        var large = new Money(1);

        (small < large).ShouldBeTrue();
        (large > small).ShouldBeTrue();
        (small <= new Money(-1)).ShouldBeTrue();
        (large >= small).ShouldBeTrue();
        (large < small).ShouldBeFalse();
    }

    [Fact]
    public void CompareTo_UnsortedList_SortsAscending()
    {
        Money[] amounts = [new(300), Money.Zero, new(-5)];

        amounts.Order().ShouldBe([new Money(-5), Money.Zero, new Money(300)]);
    }

    [Fact]
    public void Split_OddFenByFiftyThirtyTwenty_GivesLeftoverToLargestRemainder()
    {
        var parts = Money.Split(new Money(100_001), [50, 30, 20]);

        parts.ShouldBe([new Money(50_001), new Money(30_000), new Money(20_000)]);
    }

    [Theory]
    [InlineData(100_001L, new[] { 50, 30, 20 })]
    [InlineData(100L, new[] { 1, 1, 1 })]
    [InlineData(1L, new[] { 1, 1, 1 })]
    [InlineData(-100_001L, new[] { 50, 30, 20 })]
    [InlineData(long.MaxValue, new[] { 33, 33, 34 })]
    [InlineData(long.MinValue, new[] { 7, 0, 13 })]
    [InlineData(9_999_999L, new[] { 60, 40 })]
    public void Split_AnyTotal_PartsSumExactly(long totalFen, int[] weights)
    {
        var parts = Money.Split(new Money(totalFen), weights);

        parts.Count.ShouldBe(weights.Length);
        parts.Aggregate(Int128.Zero, (sum, part) => sum + part.Fen).ShouldBe((Int128)totalFen);
    }

    [Fact]
    public void Split_EqualWeights_EarlierPartTakesTheTie()
    {
        Money.Split(new Money(100), [1, 1, 1]).ShouldBe([new Money(34), new Money(33), new Money(33)]);
    }

    [Fact]
    public void Split_NegativeTotal_MirrorsPositive()
    {
        Money.Split(new Money(-100_001), [50, 30, 20]).ShouldBe([new Money(-50_001), new Money(-30_000), new Money(-20_000)]);
    }

    [Fact]
    public void Split_ZeroWeight_GetsNothing()
    {
        Money.Split(new Money(101), [1, 0, 1]).ShouldBe([new Money(51), Money.Zero, new Money(50)]);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 50, -10, 60 })]
    public void Split_UnusableWeights_Throws(int[] weights)
    {
        Should.Throw<ArgumentException>(() => Money.Split(new Money(100), weights));
    }
}
