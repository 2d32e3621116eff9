using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class InspectionCampaignTests
{
    [Fact]
    public void IsExempt_FoundedOn30June_TakesPart() => InspectionCampaign.IsExempt(2025, new DateOnly(2025, 6, 30)).ShouldBeFalse();

    [Fact]
    public void IsExempt_FoundedOn1July_IsExempt() => InspectionCampaign.IsExempt(2025, new DateOnly(2025, 7, 1)).ShouldBeTrue();

    [Fact]
    public void IsExempt_FoundedAfterTheYear_IsExempt() => InspectionCampaign.IsExempt(2025, new DateOnly(2026, 1, 2)).ShouldBeTrue();

    [Fact]
    public void DefaultDeadline_Is31MayOfTheFollowingYear() => InspectionCampaign.DefaultDeadline(2025).ShouldBe(new DateOnly(2026, 5, 31));
}
