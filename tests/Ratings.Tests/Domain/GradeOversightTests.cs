using Registry.Ratings.Domain;

namespace Registry.Ratings.Tests.Domain;

public sealed class ProposalRulesTests
{
    /// <summary>民政部令第39号: 不合格 proposes cancelling the grade.</summary>
    [Fact]
    public void For_Measures2010_Unqualified_ProposesCancellation() =>
        ProposalRules.For(RuleSet.Measures2010, "Unqualified", null, 4).ShouldBe((ProposalKind.Downgrade, ProposalCause.Unqualified, 0));

    /// <summary>基本合格 two years running proposes one grade lower.</summary>
    [Fact]
    public void For_Measures2010_BasicallyQualifiedTwoYearsRunning_ProposesOneGradeLower() =>
        ProposalRules.For(RuleSet.Measures2010, "BasicallyQualified", "BasicallyQualified", 4).ShouldBe((ProposalKind.Downgrade, ProposalCause.BasicallyQualifiedTwice, 3));

    [Fact]
    public void For_Measures2010_BasicallyQualifiedTwiceHolding1A_ProposesCancellation() =>
        ProposalRules.For(RuleSet.Measures2010, "BasicallyQualified", "BasicallyQualified", 1).ShouldBe((ProposalKind.Downgrade, ProposalCause.BasicallyQualifiedTwice, 0));

    [Theory]
    [InlineData("BasicallyQualified", "Qualified")]
    [InlineData("BasicallyQualified", null)]
    [InlineData("Qualified", "BasicallyQualified")]
    [InlineData("Qualified", null)]
    [InlineData("Unknown", null)]
    public void For_NoCause_NoProposal(string result, string? previous) =>
        ProposalRules.For(RuleSet.Measures2010, result, previous, 4).ShouldBeNull();

    [Fact]
    public void For_NoGradeHeld_NoProposal() => ProposalRules.For(RuleSet.Measures2010, "Unqualified", null, 0).ShouldBeNull();

    /// <summary>2026 revision: the same facts call for a check evaluation (核查评估), the grade unchanged until it concludes.</summary>
    [Fact]
    public void For_Revision2026_Unqualified_ProposesACheckEvaluation() =>
        ProposalRules.For(RuleSet.Revision2026, "Unqualified", null, 5).ShouldBe((ProposalKind.CheckEvaluation, ProposalCause.Unqualified, 5));

    [Theory]
    [InlineData("2026-02-28", RuleSet.Measures2010)]
    [InlineData("2026-03-01", RuleSet.Revision2026)]
    public void RulesOf_GradeWithoutCampaign_ByTheDayItWasAwarded(string awardedOn, RuleSet expected) =>
        ProposalRules.RulesOf(null, DateOnly.ParseExact(awardedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void RulesOf_GradeOfACampaign_TheCampaignsRules() =>
        ProposalRules.RulesOf(RuleSet.Measures2010, new DateOnly(2027, 1, 1)).ShouldBe(RuleSet.Measures2010);
}

public sealed class FollowUpDrawRulesTests
{
    private static readonly int[] Pool = [.. Enumerable.Range(101, 20)];

    private const string Seed = "2026-海曙-跟踪评估";

    [Theory]
    [InlineData(10, 1000, 1)]
    [InlineData(11, 1000, 2)]
    [InlineData(20, 2500, 5)]
    [InlineData(20, 2501, 6)]
    [InlineData(3, 1, 1)]
    [InlineData(3, 10000, 3)]
    [InlineData(0, 5000, 0)]
    [InlineData(5, 0, 0)]
    public void CountFor_ShareRoundedUpAtMostThePool(int pool, int basisPoints, int expected) =>
        FollowUpDrawRules.CountFor(pool, basisPoints).ShouldBe(expected);

    /// <summary>An independent computation (Python hashlib, SHA-256 of "seed:id") gives these five of 101–120 at 25%.</summary>
    [Fact]
    public void Select_KnownSeed_GivesTheDocumentedResult() =>
        FollowUpDrawRules.Select(Pool, Seed, 2500).ShouldBe([103, 111, 113, 114, 117]);

    [Fact]
    public void Select_SameSeedPoolInAnyOrder_SameResult() =>
        FollowUpDrawRules.Select(Pool.Reverse(), Seed, 2500).ShouldBe(FollowUpDrawRules.Select(Pool, Seed, 2500));

    [Fact]
    public void Select_AnotherSeed_AnotherResult() =>
        FollowUpDrawRules.Select(Pool, "other", 2500).ShouldBe([105, 107, 109, 110, 119]);

    [Fact]
    public void Verifies_RecordedDraw_RecomputesToTheSameResult()
    {
        var draw = new FollowUpDraw { Seed = Seed, ShareBasisPoints = 2500, Pool = string.Join(",", Pool), Selected = "103,111,113,114,117" };

        draw.Verifies().ShouldBeTrue();
    }

    [Fact]
    public void Verifies_ResultAlteredAfterTheDraw_DoesNotVerify()
    {
        var draw = new FollowUpDraw { Seed = Seed, ShareBasisPoints = 2500, Pool = string.Join(",", Pool), Selected = "103,111,113,114,118" };

        draw.Verifies().ShouldBeFalse();
    }
}
