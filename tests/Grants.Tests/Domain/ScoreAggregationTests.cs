using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

/// <summary>
/// Hand-computed: reviewer A gives 80 and 60 (mean 70, σ 10), B 90 and 70 (mean 80, σ 10), C 70 and 80 (mean 75, σ 5).
/// Application 1: raw (80+90+70)/3 = 80; z = (1 + 1 − 1)/3 = 0.333. Application 2: raw 70; z = (−1 − 1 + 1)/3 = −0.333.
/// </summary>
public sealed class ScoreAggregationTests
{
    private static readonly ReviewerTotal[] ThreeReviewers =
    [
        new(1, "A", 80), new(1, "B", 90), new(1, "C", 70),
        new(2, "A", 60), new(2, "B", 70), new(2, "C", 80),
    ];

    private static ApplicationScores Of(IReadOnlyList<ApplicationScores> scores, int applicationId) => scores.Single(s => s.ApplicationId == applicationId);

    [Fact]
    public void Aggregate_ThreeReviewers_RawMeans()
    {
        var scores = ScoreAggregation.Aggregate(ThreeReviewers, 20);

        (Of(scores, 1).RawMean, Of(scores, 2).RawMean).ShouldBe((80m, 70m));
    }

    [Fact]
    public void Aggregate_ThreeReviewers_TrimmedMeanEqualsRawBelowFive() =>
        Of(ScoreAggregation.Aggregate(ThreeReviewers, 20), 1).TrimmedMean.ShouldBe(80m);

    [Fact]
    public void Aggregate_ThreeReviewers_ZScoreMeansAgainstEachReviewersOwnScale()
    {
        var scores = ScoreAggregation.Aggregate(ThreeReviewers, 20);

        (Of(scores, 1).ZMean, Of(scores, 2).ZMean).ShouldBe((0.333m, -0.333m));
    }

    [Fact]
    public void Aggregate_FiveReviewers_TrimmedMeanDropsHighestAndLowest()
    {
        ReviewerTotal[] five = [new(1, "A", 50), new(1, "B", 60), new(1, "C", 70), new(1, "D", 80), new(1, "E", 100)];

        var scores = Of(ScoreAggregation.Aggregate(five, 20), 1);

        (scores.RawMean, scores.TrimmedMean).ShouldBe((72m, 70m));
    }

    [Fact]
    public void Aggregate_ReviewerWhoseTotalsDoNotVary_ContributesZero()
    {
        ReviewerTotal[] flat = [new(1, "A", 75), new(2, "A", 75)];

        ScoreAggregation.Aggregate(flat, 20).Select(s => s.ZMean).ShouldBe([0m, 0m]);
    }

    [Fact]
    public void Aggregate_SpreadAboveTheThreshold_Flagged()
    {
        (Of(ScoreAggregation.Aggregate(ThreeReviewers, 15), 1).Spread, Of(ScoreAggregation.Aggregate(ThreeReviewers, 15), 1).SpreadFlagged).ShouldBe((20m, true));
        Of(ScoreAggregation.Aggregate(ThreeReviewers, 20), 1).SpreadFlagged.ShouldBeFalse();
    }

    [Fact]
    public void Profiles_ThreeReviewers_MeanDeviationAndStrictness()
    {
        var profiles = ScoreAggregation.Profiles(ThreeReviewers);

        profiles.Select(p => (p.ReviewerUserId, p.Mean, p.StandardDeviation, p.Strictness))
            .ShouldBe([("A", 70m, 10m, -5m), ("B", 80m, 10m, 5m), ("C", 75m, 5m, 0m)]);
    }

    [Fact]
    public void By_EachMethod_TheMatchingScore()
    {
        var scores = new ApplicationScores(1, 3, 80, 79, 0.5m, 10, false);

        (scores.By(RankingMethod.RawMean), scores.By(RankingMethod.TrimmedMean), scores.By(RankingMethod.ZScore)).ShouldBe((80m, 79m, 0.5m));
    }
}
