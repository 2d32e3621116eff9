using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Tests.Domain;

public sealed class IndexSchemeTests
{
    [Fact]
    public void Format_DefaultScheme_GivesTheSeedsShape() =>
        IndexScheme.Format(IndexScheme.Default, "002943993", 2016, 61430).ShouldBe("002943993/2016-61430");

    [Fact]
    public void Format_SmallSequence_IsPaddedToTheSchemesWidth() =>
        IndexScheme.Format(IndexScheme.Default, "002943993", 2026, 7).ShouldBe("002943993/2026-00007");

    [Fact]
    public void Format_OtherScheme_FillsEachPlaceholder() =>
        IndexScheme.Format("MZ-{year}/{orgCode}/{seq:000}", "11330203", 2026, 12).ShouldBe("MZ-2026/11330203/012");

    [Fact]
    public void Format_SchemeWithoutSequence_IsRefused() =>
        Should.Throw<ArgumentException>(() => IndexScheme.Format("{orgCode}/{year}", "002943993", 2026, 1));
}
