using Registry.Core.Forms;

namespace Registry.Core.Tests.Forms;

/// <summary>Issue 26 items 7 and 12: the one date range of every typed date, and the one rule on direction controls.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2099-12-31", true)]
    [InlineData("2100-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    public void TryParseDate_AtAndBeyondEachEnd_AcceptsOnlyTheRange(string text, bool accepted)
    {
        InputLimits.TryParseDate(text, out var day, out var outOfRange).ShouldBe(accepted);
        outOfRange.ShouldBe(!accepted);
        if (accepted)
        {
            day.ShouldBe(DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void TryParseDate_NotADate_IsNotOutOfRange()
    {
        InputLimits.TryParseDate("2026-02-30", out _, out var outOfRange).ShouldBeFalse();
        outOfRange.ShouldBeFalse();
    }

    [Fact]
    public void TryParseDate_OtherFormats_AreReadWhenGiven() =>
        InputLimits.TryParseDate("2026/3/2", out _, out _, "yyyy-MM-dd", "yyyy/M/d").ShouldBeTrue();

    [Fact]
    public void MaxDate_IsTheLastDayTheWorkingDayCalendarCanCount() =>
        InputLimits.MaxDate.ShouldBe(new DateOnly(Registry.Core.Calendar.StatutoryHolidays.LastYear, 12, 31));

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    public void BidiControls_EachControl_IsFound(char control)
    {
        BidiControls.Contains($"invoice{control}fdp.exe").ShouldBeTrue();
        new NoBidiControlsAttribute().IsValid($"标题{control}").ShouldBeFalse();
    }

    [Theory]
    [InlineData("宁波市海曙区阳光养老服务中心")]
    [InlineData("Annual report 2026 – final.pdf")]
    [InlineData("\u2029\u2065\u206A\u2010\u200D")]
    [InlineData("")]
    public void BidiControls_OrdinaryText_IsAccepted(string text)
    {
        BidiControls.Contains(text).ShouldBeFalse();
        new NoBidiControlsAttribute().IsValid(text).ShouldBeTrue();
    }

    [Fact]
    public void NoBidiControls_NullOrNotText_IsValid()
    {
        new NoBidiControlsAttribute().IsValid(null).ShouldBeTrue();
        new NoBidiControlsAttribute().IsValid(42).ShouldBeTrue();
    }
}
