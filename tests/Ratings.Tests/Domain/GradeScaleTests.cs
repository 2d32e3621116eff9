using Registry.Ratings.Domain;
using static Registry.Ratings.Tests.TestRubrics;

namespace Registry.Ratings.Tests.Domain;

public sealed class GradeScaleTests
{
    [Theory]
    [InlineData("1000", 5)]
    [InlineData("900", 5)]
    [InlineData("899.9", 4)]
    [InlineData("800", 4)]
    [InlineData("799.9", 3)]
    [InlineData("700", 3)]
    [InlineData("699.9", 2)]
    [InlineData("600", 2)]
    [InlineData("599.9", 1)]
    [InlineData("0", 1)]
    public void GradeFor_DefaultScale_EachThresholdIsInclusive(string total, int grade) =>
        new GradeScale().GradeFor(Number(total)).ShouldBe(grade);

    [Theory]
    [InlineData("900", 5)]
    [InlineData("899", 4)]
    [InlineData("600", 2)]
    [InlineData("599", 1)]
    [InlineData("500", 1)]
    [InlineData("499.9", 0)]
    [InlineData("499", 0)]
    [InlineData("0", 0)]
    public void GradeFor_CampaignWithA500Floor_BelowItNoGrade(string total, int grade) =>
        new GradeScale(OneA: 500).GradeFor(Number(total)).ShouldBe(grade);

    [Fact]
    public void HasFloor_DefaultScaleGradesEveryTotal_AFloorAboveZeroDoesNot()
    {
        new GradeScale().HasFloor.ShouldBeFalse();
        new GradeScale(OneA: 500).HasFloor.ShouldBeTrue();
    }

    [Fact]
    public void GradeFor_CustomThresholds_AreUsed() =>
        new GradeScale(FiveA: 950, FourA: 850).GradeFor(949.9m).ShouldBe(4);

    [Fact]
    public void IsOrdered_DefaultScale_Yes() => new GradeScale().IsOrdered.ShouldBeTrue();

    [Theory]
    [InlineData(800, 800, 700, 600, 0)]
    [InlineData(900, 700, 800, 600, 0)]
    [InlineData(900, 800, 700, 600, 600)]
    [InlineData(900, 800, 700, 600, -1)]
    public void IsOrdered_EqualSwappedOrNegativeThresholds_No(int fiveA, int fourA, int threeA, int twoA, int oneA) =>
        new GradeScale(fiveA, fourA, threeA, twoA, oneA).IsOrdered.ShouldBeFalse();
}
