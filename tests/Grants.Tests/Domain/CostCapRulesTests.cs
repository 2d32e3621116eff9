using Registry.Grants.Domain;
using static Registry.Grants.Tests.TestRounds;

namespace Registry.Grants.Tests.Domain;

/// <summary>Issue 16: a round caps personnel and administrative costs as shares of the grant, in basis points, compared exactly.</summary>
public sealed class CostCapRulesTests
{
    /// <summary>Personnel ≤ 30% and administrative ≤ 5% of the grant requested.</summary>
    private static GrantRound Capped()
    {
        var round = Haishu();
        round.MaxPersonnelShareBasisPoints = 3000;
        round.MaxAdministrativeShareBasisPoints = 500;
        return round;
    }

    private static List<Registry.Core.Forms.FormError> Errors(GrantRound round, GrantApplication application) =>
        [.. BudgetRules.Check(round, application).Where(e => e.Key == "Grant.Error.OverCostCap")];

    [Fact]
    public void Check_PersonnelExactlyThirtyPercentOfTheGrant_Accepted() =>
        Errors(Capped(), Project((BudgetCategory.Personnel, "项目人员补贴", 900_000, 0), (BudgetCategory.Activities, "活动", 2_100_000, 2_000_000))).ShouldBeEmpty();

    [Fact]
    public void Check_PersonnelOneFenOverThirtyPercent_RefusedOnTheLine()
    {
        var error = Errors(Capped(), Project((BudgetCategory.Activities, "活动", 2_099_999, 2_000_000), (BudgetCategory.Personnel, "项目人员补贴", 900_001, 0))).ShouldHaveSingleItem();

        // Grant 3,000,000 fen: 30% is 900,000; the message names the row, the item, the category total, the cap and the most allowed.
        (error.Field, error.Args[0], error.Args[1], error.Args[2], error.Args[3], error.Args[4], error.Args[5])
            .ShouldBe(("Lines[1].Requested", (object)2, (object)"项目人员补贴", (object)"Grant.Budget.Personnel", (object)"¥9,000.01", (object)"30", (object)"¥9,000.00"));
    }

    [Fact]
    public void Check_TwoPersonnelLinesOverTheCapTogether_EachLineNamed()
    {
        var errors = Errors(Capped(), Project((BudgetCategory.Personnel, "督导费", 500_000, 0), (BudgetCategory.Activities, "活动", 2_000_000, 2_000_000), (BudgetCategory.Personnel, "社工补贴", 500_000, 0)));

        errors.Select(e => e.Field).ShouldBe(["Lines[0].Requested", "Lines[2].Requested"]);
    }

    [Fact]
    public void Check_PersonnelPaidFromMatchingFunds_NotCapped() =>
        Errors(Capped(), Project((BudgetCategory.Personnel, "人员（自筹）", 0, 2_000_000), (BudgetCategory.Activities, "活动", 3_000_000, 0))).ShouldBeEmpty();

    [Fact]
    public void Check_AdministrativeExactlyFivePercent_Accepted() =>
        Errors(Capped(), Project((BudgetCategory.Administrative, "管理费", 150_000, 0), (BudgetCategory.Activities, "活动", 2_850_000, 2_000_000))).ShouldBeEmpty();

    [Fact]
    public void Check_AdministrativeOneFenOverFivePercent_Refused() =>
        Errors(Capped(), Project((BudgetCategory.Administrative, "管理费", 150_001, 0), (BudgetCategory.Activities, "活动", 2_849_999, 2_000_000)))
            .ShouldHaveSingleItem().Args[2].ShouldBe("Grant.Budget.Administrative");

    [Fact]
    public void Check_ShareThatNeedsRounding_ComparedExactly()
    {
        // 12.5% of a grant of 1,000,001 fen is 125,000.125 fen: 125,000 fits, 125,001 does not.
        var round = Haishu();
        round.MaxPersonnelShareBasisPoints = 1250;

        Errors(round, Project((BudgetCategory.Personnel, "人员", 125_000, 0), (BudgetCategory.Activities, "活动", 875_001, 1_000_000))).ShouldBeEmpty();
        Errors(round, Project((BudgetCategory.Personnel, "人员", 125_001, 0), (BudgetCategory.Activities, "活动", 875_000, 1_000_000))).ShouldHaveSingleItem();
    }

    [Fact]
    public void Check_RoundWithoutCaps_AllPersonnelAccepted() =>
        Errors(Haishu(), Project((BudgetCategory.Personnel, "人员", 3_000_000, 2_000_000))).ShouldBeEmpty();

    [Theory]
    [InlineData(3_000_000, 3000, 900_000)]
    [InlineData(1_000_001, 1250, 125_000)]
    [InlineData(7, 5000, 3)]
    public void MaxOfGrant_Share_RoundedDownToTheFen(long grant, int basisPoints, long expected) =>
        BudgetRules.MaxOfGrant(grant, basisPoints).ShouldBe(expected);

    [Theory]
    [InlineData("30", true, 3000)]
    [InlineData("12.5", true, 1250)]
    [InlineData("7.25%", true, 725)]
    [InlineData("100", true, 10000)]
    [InlineData("0.01", true, 1)]
    [InlineData("0", false, 0)]
    [InlineData("100.01", false, 0)]
    [InlineData("12.345", false, 0)]
    [InlineData("三十", false, 0)]
    public void TryBasisPoints_TypedPercent_ExactBasisPointsOrRefused(string text, bool ok, int expected)
    {
        (BudgetRules.TryBasisPoints(text, out var basisPoints), basisPoints).ShouldBe((ok, expected));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(0, false)]
    [InlineData(10_001, false)]
    public void RoundRules_PersonnelCap_WithinOneBasisPointAndAHundredPercent(int? cap, bool valid)
    {
        var round = Haishu();
        round.MaxPersonnelShareBasisPoints = cap;

        RoundRules.Check(round).Any(e => e.Field == "MaxPersonnelShare").ShouldBe(!valid);
    }

    [Theory]
    [InlineData(2000, 1000, 6667)]
    [InlineData(1, 2, 3333)]
    [InlineData(59_999, 40_001, 6000)]
    [InlineData(59_995, 40_005, 6000)]
    [InlineData(59_994, 40_006, 5999)]
    public void Totals_GrantShare_RoundedHalfUpToTheBasisPoint(long requested, long matching, int expected) =>
        BudgetRules.Totals([new BudgetLine { RequestedFen = requested, MatchingFen = matching }]).GrantShareBasisPoints.ShouldBe(expected);

    [Theory]
    [InlineData(6000, "60.00%")]
    [InlineData(5999, "59.99%")]
    [InlineData(6667, "66.67%")]
    public void PercentOf_BasisPoints_TwoDecimals(int basisPoints, string expected) =>
        BudgetRules.PercentOf(basisPoints).ShouldBe(expected);
}
