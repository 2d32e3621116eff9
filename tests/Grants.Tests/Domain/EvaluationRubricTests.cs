using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Tests.Domain;

public sealed class EvaluationRubricTests
{
    [Fact]
    public void Default_HundredPointsAndValid()
    {
        EvaluationRubric.Default.Sum(c => c.Weight).ShouldBe(100);
        EvaluationService.RubricErrors(EvaluationRubric.Default).ShouldBeEmpty();
    }

    [Fact]
    public void RubricErrors_NoCriteria_Refused() =>
        EvaluationService.RubricErrors([]).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.CriteriaCount");

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void RubricErrors_WeightOutOfRange_Refused(int weight) =>
        EvaluationService.RubricErrors([new RubricCriterion("E1", "目标达成", weight)]).ShouldHaveSingleItem().Field.ShouldBe("Criteria[0].Weight");

    [Fact]
    public void RubricErrors_NamelessCriterion_Refused() =>
        EvaluationService.RubricErrors([new RubricCriterion("E1", " ", 10)]).ShouldHaveSingleItem().Field.ShouldBe("Criteria[0].Name");

    [Fact]
    public void RubricErrors_RepeatedCode_Refused() =>
        EvaluationService.RubricErrors([new RubricCriterion("E1", "甲", 10), new RubricCriterion("E1", "乙", 10)]).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.CriterionCodes");

    [Fact]
    public void ScoreErrors_TheReviewRulesApply_PointsWithinTheWeight()
    {
        var rubric = EvaluationRubric.Default;

        ReviewService.ScoreErrors(rubric, new Dictionary<string, ScoreEntry> { ["E1"] = new(30, ""), ["E2"] = new(20.5m, "") })
            .ShouldHaveSingleItem().Key.ShouldBe("Grant.Error.PointsRange");
    }
}
