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

    private static InspectionCampaign Campaign2025() => new()
    {
        Year = 2025,
        Deadline = new DateOnly(2026, 5, 31),
        OrganizationTypes = "SocialGroup,PrivateNonEnterprise,Foundation",
        TypeDeadlines = new Dictionary<string, DateOnly> { ["Foundation"] = new DateOnly(2026, 3, 31) },
    };

    /// <summary>基金会管理条例 第三十六条: foundations report by 31 March; 社团 and 民非 keep 31 May.</summary>
    [Theory]
    [InlineData("Foundation", "2026-03-31")]
    [InlineData("SocialGroup", "2026-05-31")]
    [InlineData("PrivateNonEnterprise", "2026-05-31")]
    [InlineData("", "2026-05-31")]
    public void DeadlineFor_Type_FoundationBy31MarchOthersBy31May_Art36(string typeCode, string deadline) =>
        Campaign2025().DeadlineFor(typeCode).ShouldBe(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void LastDeadline_IsTheLatestOfItsTypes() => Campaign2025().LastDeadline.ShouldBe(new DateOnly(2026, 5, 31));

    [Fact]
    public void TypeDeadlines_RoundTripThroughJson() =>
        new InspectionCampaign { TypeDeadlinesJson = Campaign2025().TypeDeadlinesJson }.TypeDeadlines.ShouldBe(new Dictionary<string, DateOnly> { ["Foundation"] = new DateOnly(2026, 3, 31) });

    [Fact]
    public void DefaultFoundationDeadline_Is31MarchOfTheFollowingYear_Art36() => InspectionCampaign.DefaultFoundationDeadline(2025).ShouldBe(new DateOnly(2026, 3, 31));

    [Fact]
    public void DeadlineDefaults_ForFoundationOnly_Gives31March() =>
        new Registry.Inspections.Services.CampaignDeadlineDefaults().For(2025, ["SocialGroup", "Foundation"])
            .ShouldBe(new Dictionary<string, DateOnly> { ["Foundation"] = new DateOnly(2026, 3, 31) });
}
