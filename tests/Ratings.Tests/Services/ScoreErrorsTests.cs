using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using static Registry.Ratings.Tests.TestRubrics;

namespace Registry.Ratings.Tests.Services;

public sealed class ScoreErrorsTests
{
    private static IReadOnlyList<Core.Forms.FormError> Errors(string code, string points) =>
        RatingApplicationService.ScoreErrors(TwoIndicators(), new Dictionary<string, decimal> { [code] = Number(points) });

    [Theory]
    [InlineData("A1", "0")]
    [InlineData("A1", "100")]
    [InlineData("A1", "99.5")]
    [InlineData("A2", "900")]
    [InlineData(RubricDefinition.BonusCode, "50")]
    public void ScoreErrors_WithinZeroToMaximumInTenths_None(string code, string points) => Errors(code, points).ShouldBeEmpty();

    [Theory]
    [InlineData("A1", "100.1")]
    [InlineData("A1", "-1")]
    [InlineData("A1", "-0.1")]
    [InlineData("A1", "10.25")]
    [InlineData(RubricDefinition.BonusCode, "50.1")]
    public void ScoreErrors_AboveMaximumNegativeOrTwoDecimals_RefusedOnThatIndicator(string code, string points)
    {
        var error = Errors(code, points).ShouldHaveSingleItem();

        (error.Field, error.Key).ShouldBe((code, "Rate.Error.PointsRange"));
    }

    [Fact]
    public void ScoreErrors_PointsRange_NamesTheMaximum() => Errors("A1", "101").Single().Args.ShouldBe(["A1", "100"]);

    [Fact]
    public void ScoreErrors_UnknownIndicator_Refused()
    {
        var error = Errors("Z9", "1").ShouldHaveSingleItem();

        (error.Field, error.Key).ShouldBe(("Z9", "Rate.Error.UnknownIndicator"));
    }

    [Fact]
    public void ScoreErrors_SeveralWrong_EachReported() =>
        RatingApplicationService.ScoreErrors(TwoIndicators(), new Dictionary<string, decimal> { ["A1"] = 101, ["A2"] = 1, ["Z9"] = 1 })
            .Select(e => e.Field).ShouldBe(["A1", "Z9"], ignoreOrder: true);
}
