using Registry.Grants.Domain;
using static Registry.Grants.Tests.TestRounds;

namespace Registry.Grants.Tests.Domain;

public sealed class GrantRoundTests
{
    [Fact]
    public void IsOpenAt_OneSecondBeforeTheClosingInstant_Open() =>
        Haishu().IsOpenAt(ClosesAt.AddSeconds(-1)).ShouldBeTrue();

    [Fact]
    public void IsOpenAt_TheClosingInstant_Closed() =>
        Haishu().IsOpenAt(ClosesAt).ShouldBeFalse();

    [Fact]
    public void IsOpenAt_OneSecondAfterTheClosingInstant_Closed() =>
        Haishu().IsOpenAt(ClosesAt.AddSeconds(1)).ShouldBeFalse();

    [Fact]
    public void IsOpenAt_BeforeTheOpeningInstant_Closed()
    {
        var round = Haishu();

        round.IsOpenAt(round.OpensAt.AddSeconds(-1)).ShouldBeFalse();
    }

    [Fact]
    public void CopyFor_NextYear_SameRulesWindowAYearLaterNothingOfTheOutcome()
    {
        var round = Haishu();
        round.Stage = RoundStage.Awarded;
        round.ShortlistNoticeId = 7;

        var copy = round.CopyFor(1, "2027年海曙区公益创投", DateTime.UnixEpoch);

        (copy.Year, copy.ClosesAt, copy.Stage, copy.ShortlistNoticeId).ShouldBe((2027, ClosesAt.AddYears(1), RoundStage.Open, (int?)null));
        (copy.CategoriesJson, copy.RubricJson, copy.TranchePlanJson, copy.ProjectCapFen).ShouldBe((round.CategoriesJson, round.RubricJson, round.TranchePlanJson, round.ProjectCapFen));
    }

    [Fact]
    public void Check_TheHaishuRound_NoProblems() =>
        RoundRules.Check(Haishu()).ShouldBeEmpty();

    [Fact]
    public void Check_TranchesNotAddingUpToAHundred_Refused()
    {
        var round = Haishu();
        round.TranchePlan = [50, 30, 10];

        RoundRules.Check(round).Select(e => e.Key).ShouldBe(["Grant.Error.TranchePlan"]);
    }

    [Fact]
    public void Check_ClosingBeforeOpening_Refused()
    {
        var round = Haishu();
        round.ClosesAt = round.OpensAt;

        RoundRules.Check(round).Select(e => e.Key).ShouldBe(["Grant.Error.Window"]);
    }

    [Fact]
    public void Check_DuplicateCategory_Refused()
    {
        var round = Haishu();
        round.Categories = [new RoundCategory("为老服务"), new RoundCategory("为老服务")];

        RoundRules.Check(round).Select(e => e.Key).ShouldBe(["Grant.Error.Categories"]);
    }

    [Fact]
    public void MaxPoints_FourCriteria_SumOfTheWeights() =>
        Haishu().MaxPoints.ShouldBe(100);
}
