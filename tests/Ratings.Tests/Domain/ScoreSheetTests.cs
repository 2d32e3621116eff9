using Registry.Ratings.Domain;

namespace Registry.Ratings.Tests.Domain;

public sealed class ScoreSheetTests
{
    private static readonly string[] Panel = ["e1", "e2", "e3"];

    private static ExpertScore Score(string expert, string code, decimal points) => new() { ReviewerUserId = expert, IndicatorCode = code, Points = points };

    /// <summary>Each expert's points on one indicator, in the order of <see cref="Panel"/>.</summary>
    private static IEnumerable<ExpertScore> Scores(string code, params decimal[] points) => points.Select((p, i) => Score(Panel[i], code, p));

    private static ScoreSheet Compute(IEnumerable<ExpertScore> scores, IReadOnlyCollection<string>? counting = null) =>
        ScoreSheet.Compute(TestRubrics.TwoIndicators(), [.. scores], counting ?? Panel);

    private static IndicatorScores Indicator(ScoreSheet sheet, string code) => sheet.Indicators.Single(i => i.Code == code);

    [Fact]
    public void Compute_ThreeExperts_MeanPerIndicatorAndTotal()
    {
        var sheet = Compute(Scores("A1", 80, 90, 100).Concat(Scores("A2", 600, 601, 602)));

        (Indicator(sheet, "A1").Mean, Indicator(sheet, "A2").Mean).ShouldBe((90m, 601m));
        (sheet.BaseTotal, sheet.Total).ShouldBe((691m, 691m));
    }

    [Fact]
    public void Compute_EveryExpertsPoints_KeptByExpert() =>
        Indicator(Compute(Scores("A1", 80, 90, 100)), "A1").ByExpert.ShouldBe(new Dictionary<string, decimal> { ["e1"] = 80, ["e2"] = 90, ["e3"] = 100 });

    [Fact]
    public void Compute_MeansRoundedOnlyAtTheEnd_TotalToOneDecimal()
    {
        // 10.333… + 600.333… = 610.666… → 610.7; rounding each mean first would give 610.6.
        var sheet = Compute(Scores("A1", 10, 10, 11).Concat(Scores("A2", 600, 600, 601)));

        sheet.Total.ShouldBe(610.7m);
    }

    [Fact]
    public void Compute_SpreadAtTwentyPercentOfTheMaximum_NoDisagreement()
    {
        var a1 = Indicator(Compute(Scores("A1", 70, 80, 90)), "A1");

        (a1.Spread, a1.Disagreement).ShouldBe((20m, false));
    }

    [Fact]
    public void Compute_SpreadAboveTwentyPercentOfTheMaximum_FlagsDisagreement()
    {
        var a1 = Indicator(Compute(Scores("A1", 69.9m, 80, 90)), "A1");

        (a1.Spread, a1.Disagreement).ShouldBe((20.1m, true));
    }

    [Fact]
    public void Compute_BonusMeanAboveTheCap_CountsTheCap()
    {
        var sheet = Compute(Scores("A1", 100, 100, 100).Concat(Scores(RubricDefinition.BonusCode, 60, 60, 60)));

        (sheet.Bonus.Mean, sheet.BonusCounted, sheet.Total).ShouldBe((60m, 50m, 150m));
    }

    [Fact]
    public void Compute_BonusWithinTheCap_CountsTheMean() =>
        Compute(Scores(RubricDefinition.BonusCode, 10, 20, 30)).BonusCounted.ShouldBe(20m);

    [Fact]
    public void Compute_IndicatorNobodyScored_CountsZero()
    {
        var sheet = Compute(Scores("A1", 80, 90, 100));

        var a2 = Indicator(sheet, "A2");
        (a2.Mean, a2.Spread, a2.Disagreement, a2.ByExpert.Count).ShouldBe((0m, 0m, false, 0));
        sheet.Total.ShouldBe(90m);
    }

    [Fact]
    public void Compute_ScoresOfExpertsWhoDoNotCount_AreLeftOut()
    {
        var sheet = Compute(Scores("A1", 80, 90, 100).Append(Score("recused", "A1", 0)), counting: ["e1", "e2", "e3"]);

        var a1 = Indicator(sheet, "A1");
        (a1.Mean, a1.ByExpert.ContainsKey("recused")).ShouldBe((90m, false));
    }

    [Fact]
    public void Compute_OnlySomeExpertsCount_MeanOverThoseOnly() =>
        Indicator(Compute(Scores("A1", 80, 90, 100), counting: ["e1", "e2"]), "A1").Mean.ShouldBe(85m);
}
