using System.Globalization;
using Registry.Core.Localization;

namespace Registry.Core.Tests.Localization;

/// <summary>Issue 25 item 13: English counts agree with their noun ("1 project", "2 projects"), whatever the argument's type.</summary>
public sealed class PluralFormatTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(1, "1 project")]
    [InlineData(0, "0 projects")]
    [InlineData(2, "2 projects")]
    [InlineData(1L, "1 project")]
    [InlineData(21L, "21 projects")]
    public void Format_Count_PicksTheFormByWhetherItIsOne(object count, string expected) =>
        string.Format(new PluralFormat(English), "{0} {0:project|projects}", count).ShouldBe(expected);

    [Theory]
    [InlineData("1", "1 working day left")]
    [InlineData("3", "3 working days left")]
    [InlineData("—", "— working days left")]
    public void Format_AlreadyFormattedText_IsReadAsANumber(string count, string expected) =>
        string.Format(new PluralFormat(English), "{0} working {0:day|days} left", count).ShouldBe(expected);

    [Fact]
    public void Format_OrdinaryFormats_AreTheCulturesOwn() =>
        string.Format(new PluralFormat(English), "{0:N0} fen on {1:yyyy-MM-dd}", 1234567, new DateOnly(2026, 3, 1)).ShouldBe("1,234,567 fen on 2026-03-01");
}
