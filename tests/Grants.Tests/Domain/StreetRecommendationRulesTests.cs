using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class StreetRecommendationRulesTests
{
    [Fact]
    public void IsOpen_EveryStateAndStage_OnlySubmittedOrPassedBeforeTheShortlist()
    {
        foreach (var state in Enum.GetValues<GrantState>())
        {
            foreach (var stage in Enum.GetValues<RoundStage>())
            {
                var expected = state is GrantState.Submitted or GrantState.Passed && stage is RoundStage.Open or RoundStage.Screening;
                StreetRecommendationRules.IsOpen(state, stage).ShouldBe(expected, $"{state} at {stage}");
            }
        }
    }

    [Fact]
    public void Errors_NoChoice_AsksForOne()
    {
        StreetRecommendationRules.Errors(null, "辖区内服务对象集中，建议支持。").Select(e => e.Key).ShouldBe(["Grant.Street.Error.Choose"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Errors_BlankOpinion_RequiredWhateverTheChoice(bool recommended)
    {
        var error = StreetRecommendationRules.Errors(recommended, "   ").ShouldHaveSingleItem();

        error.Field.ShouldBe("Opinion");
        error.Key.ShouldBe("Validation.Required");
    }

    [Fact]
    public void Errors_OpinionAtTheLimit_Accepted_OneMore_Refused()
    {
        StreetRecommendationRules.Errors(false, new string('意', StreetRecommendationRules.OpinionMax)).ShouldBeEmpty();
        StreetRecommendationRules.Errors(false, new string('意', StreetRecommendationRules.OpinionMax + 1)).ShouldHaveSingleItem().Key.ShouldBe("Validation.MaxLength");
    }
}
