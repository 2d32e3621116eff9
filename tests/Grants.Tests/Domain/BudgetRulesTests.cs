using Registry.Grants.Domain;
using static Registry.Grants.Tests.TestRounds;

namespace Registry.Grants.Tests.Domain;

public sealed class BudgetRulesTests
{
    private static IEnumerable<string> Keys(GrantApplication application) => BudgetRules.Check(Haishu(), application).Select(e => e.Key);

    [Fact]
    public void Check_RequestExactlyAtTheCap_Accepted() =>
        Keys(Project((BudgetCategory.Activities, "社区活动", 5_000_000, 3_333_334))).ShouldBeEmpty();

    [Fact]
    public void Check_OneFenOverTheCap_Refused() =>
        Keys(Project((BudgetCategory.Activities, "社区活动", 5_000_001, 4_000_000))).ShouldBe(["Grant.Error.OverCap"]);

    [Fact]
    public void Check_GrantExactlySixtyPercent_Accepted() =>
        Keys(Project((BudgetCategory.Personnel, "社工补贴", 3_000_000, 0), (BudgetCategory.Activities, "活动", 0, 2_000_000))).ShouldBeEmpty();

    [Fact]
    public void Check_GrantOneFenOverSixtyPercent_Refused() =>
        Keys(Project((BudgetCategory.Personnel, "社工补贴", 3_000_001, 2_000_000))).ShouldBe(["Grant.Error.OverShare"]);

    [Fact]
    public void WithinShare_ThreeFenOfFive_ExactlySixtyPercentWithoutRounding()
    {
        BudgetRules.WithinShare(3, 5, 6000).ShouldBeTrue();
        BudgetRules.WithinShare(2, 3, 6000).ShouldBeFalse();
    }

    [Theory]
    [InlineData("购置固定资产（电脑）", "固定资产")]
    [InlineData("发放现金补贴", "现金")]
    [InlineData("节日礼品", "礼品")]
    [InlineData("超市购物卡", "购物卡")]
    public void Check_ForbiddenItemPaidByTheGrant_RefusedNamingTheWord(string item, string word)
    {
        var error = BudgetRules.Check(Haishu(), Project((BudgetCategory.Materials, item, 100_000, 1_000_000))).ShouldHaveSingleItem();

        (error.Key, error.Args[1]).ShouldBe(("Grant.Error.ForbiddenItem", word));
    }

    [Fact]
    public void Check_ForbiddenItemPaidFromMatchingFunds_Accepted() =>
        Keys(Project((BudgetCategory.Activities, "活动", 1_000_000, 0), (BudgetCategory.Materials, "固定资产（自筹）", 0, 1_000_000))).ShouldBeEmpty();

    [Theory]
    [InlineData("2026-07-01", "2026-12-31", true)]
    [InlineData("2026-07-01", "2026-12-30", false)]
    [InlineData("2026-07-01", "2027-06-30", true)]
    [InlineData("2026-07-01", "2027-07-01", false)]
    [InlineData("2026-07-15", "2027-01-14", true)]
    public void DurationWithin_SixToTwelveMonths_BoundariesInclusive(string start, string end, bool within) =>
        BudgetRules.DurationWithin(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), 6, 12).ShouldBe(within);

    [Fact]
    public void Check_ThirteenMonths_RefusedAsDuration()
    {
        var project = Project((BudgetCategory.Activities, "活动", 1_000_000, 1_000_000));
        project.EndOn = new DateOnly(2027, 7, 31);

        Keys(project).ShouldBe(["Grant.Error.Duration"]);
    }

    [Fact]
    public void Totals_ManyOneFenLines_AddUpExactly()
    {
        var lines = Enumerable.Range(0, 1001).Select(i => new BudgetLine { RequestedFen = 1, MatchingFen = i % 3 == 0 ? 1 : 0 }).ToList();

        BudgetRules.Totals(lines).ShouldBe(new BudgetTotals(1001, 334, 1335, 7498));
    }

    [Fact]
    public void Check_CategoryNotInTheRound_Refused()
    {
        var project = Project((BudgetCategory.Activities, "活动", 1_000_000, 1_000_000));
        project.Category = "文化体育";

        Keys(project).ShouldBe(["Grant.Error.Category"]);
    }

    [Fact]
    public void Check_NothingRequested_Refused() =>
        Keys(Project((BudgetCategory.Activities, "活动", 0, 1_000_000))).ShouldBe(["Grant.Error.NothingRequested"]);
}
