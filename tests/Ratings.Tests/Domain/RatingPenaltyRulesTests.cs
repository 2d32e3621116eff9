using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Domain;
using Registry.Supervision.Contracts;

namespace Registry.Ratings.Tests.Domain;

/// <summary>Eligibility from the supervision module's penalty decisions (issue 21): "penalized within N years", and the 2010 measures' 第七条(三)(四).</summary>
public sealed class RatingPenaltyRulesTests
{
    private static readonly DateOnly On = new(2026, 5, 15);

    private static readonly ApplicantDeclaration Declared = new(NoPenalty: true, NotUnderInvestigation: true);

    private static OrganizationSummary Organization() =>
        new(1, "宁波市海曙区老年协会", OrganizationCodes.SocialGroup, "51330203500001026J", null, OrganizationCodes.Active, new DateOnly(2008, 3, 12), "海曙区", "南门街道", [], CreditStanding.Good, 0);

    private static OrganizationStanding Clean() => new(1, false, false, [new InspectionRecord(On.Year - 1, "Concluded", "Qualified", false)], []);

    private static PenaltyRecord Decision(DateOnly on, bool concluded = true, string number = "民罚决字〔2024〕1号") => new(1, number, on, ["Warning"], 0, "超范围活动", concluded);

    private static IEnumerable<string> Failed(RuleSet rules, PenaltyHistory penalties, int years = 2) =>
        RatingRules.Check(rules, EligibilityPolicy.Default, Organization(), Clean(), null, Declared, On, penalties, years).Where(c => !c.Passed).Select(c => c.Key);

    [Theory]
    [InlineData("2024-05-15", false)]
    [InlineData("2024-05-14", true)]
    [InlineData("2026-05-15", false)]
    public void PenaltyCheck_TwoYears_AnniversaryDayStillInside(string decidedOn, bool passes) =>
        RatingRules.PenaltyCheck(2, new PenaltyHistory([Decision(DateOnly.Parse(decidedOn, System.Globalization.CultureInfo.InvariantCulture))], false), On).Passed.ShouldBe(passes);

    [Fact]
    public void PenaltyCheck_Failed_NamesTheNewestDecision() =>
        RatingRules.PenaltyCheck(2, new PenaltyHistory([Decision(new DateOnly(2025, 1, 3), number: "民罚决字〔2025〕1号"), Decision(new DateOnly(2025, 9, 1), number: "民罚决字〔2025〕8号")], false), On)
            .Detail.ShouldBe("2025-09-01 民罚决字〔2025〕8号");

    [Fact]
    public void PenaltyCheck_DecisionAfterTheDay_NotCounted() =>
        RatingRules.PenaltyCheck(2, new PenaltyHistory([Decision(On.AddDays(1))], false), On).Passed.ShouldBeTrue();

    [Theory]
    [InlineData(RuleSet.Measures2010)]
    [InlineData(RuleSet.Revision2026)]
    public void Check_PenaltyWithinTheYears_FailsUnderBothRuleSets(RuleSet rules) =>
        Failed(rules, new PenaltyHistory([Decision(new DateOnly(2024, 9, 1))], false)).ShouldContain("Rate.Check.NoRecentPenalty");

    [Fact]
    public void Check_YearsZero_NoPenaltyCheck() =>
        RatingRules.Check(RuleSet.Revision2026, EligibilityPolicy.Default, Organization(), Clean(), null, Declared, On, new PenaltyHistory([Decision(On)], false), 0)
            .ShouldNotContain(c => c.Key == "Rate.Check.NoRecentPenalty");

    /// <summary>第七条(三): 行政处罚尚未执行完毕 bars however old the decision.</summary>
    [Fact]
    public void Check_Measures2010_OldDecisionNotYetCarriedOut_NoPenaltyFails() =>
        Failed(RuleSet.Measures2010, new PenaltyHistory([Decision(new DateOnly(2020, 3, 1), concluded: false)], false)).ShouldBe(["Rate.Check.NoPenalty"]);

    [Fact]
    public void Check_Measures2010_OldDecisionCarriedOut_Eligible() =>
        Failed(RuleSet.Measures2010, new PenaltyHistory([Decision(new DateOnly(2020, 3, 1))], false)).ShouldBeEmpty();

    /// <summary>第七条(四): an open penalty case fails the check even with the declaration made.</summary>
    [Fact]
    public void Check_Measures2010_OpenCase_NoInvestigationFailsDespiteTheDeclaration()
    {
        var check = RatingRules.Check(RuleSet.Measures2010, EligibilityPolicy.Default, Organization(), Clean(), null, Declared, On, new PenaltyHistory([], true), 2)
            .Single(c => c.Key == "Rate.Check.NoInvestigation");

        (check.Passed, check.DetailKey).ShouldBe((false, "Rate.Check.CaseOpen"));
    }

    [Fact]
    public void Check_Revision2026_OpenCase_NotABar() =>
        Failed(RuleSet.Revision2026, new PenaltyHistory([], true)).ShouldBeEmpty();
}
