using System.Security.Cryptography;
using System.Text;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Tests.Domain;

/// <summary>The verifiable draw of 双随机、一公开: anyone recomputes it from the published seed and population.</summary>
public sealed class RandomDrawTests
{
    private const string Seed = "5f1d0c3a9e7b44c2a1d8f6e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6";

    private static readonly DrawCandidate[] Population =
    [
        .. Enumerable.Range(1, 30).Select(i => new DrawCandidate(i, $"5133020{i:00}MJ00000{i % 10}X", $"社团{i}", "SocialGroup")),
        .. Enumerable.Range(31, 20).Select(i => new DrawCandidate(i, $"5233020{i:00}MJ00000{i % 10}Y", $"民非{i}", "PrivateNonEnterprise")),
        .. Enumerable.Range(51, 10).Select(i => new DrawCandidate(i, $"5333020{i:00}MJ00000{i % 10}Z", $"基金会{i}", "Foundation")),
    ];

    [Fact]
    public void Draw_PublishedSeedAndPopulation_IndependentRecomputationGivesTheSameSelection()
    {
        var drawn = RandomDraw.Draw(Seed, Population, 12);

        // Independent recomputation from the published description only: per stratum, shares by largest remainder of
        // 12 × size / 60 (30 → 6, 20 → 4, 10 → 2), then the smallest SHA-256(seed|code) hex keys.
        var expected = new List<string>();
        foreach (var (stratum, take) in new[] { ("Foundation", 2), ("PrivateNonEnterprise", 4), ("SocialGroup", 6) })
        {
            expected.AddRange(Population.Where(p => p.Stratum == stratum)
                .Select(p => (p.Code, Key: Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Seed + "|" + p.Code))).ToLowerInvariant()))
                .OrderBy(x => x.Key, StringComparer.Ordinal)
                .Take(take)
                .Select(x => x.Code));
        }

        drawn.Select(d => d.Candidate.Code).ShouldBe(expected);
    }

    [Fact]
    public void Commitment_Seed_IsItsSha256Hex()
    {
        RandomDraw.Commitment(Seed).ShouldBe(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Seed))).ToLowerInvariant());
        RandomDraw.Commitment(Seed).ShouldNotBe(RandomDraw.Commitment(Seed + "0"));
    }

    [Fact]
    public void Draw_SameSeedShuffledInput_SameSelection()
    {
        var shuffled = Population.Reverse().ToArray();

        RandomDraw.Draw(Seed, shuffled, 12).Select(d => d.Candidate.Code).ShouldBe(RandomDraw.Draw(Seed, Population, 12).Select(d => d.Candidate.Code));
    }

    [Fact]
    public void Draw_OtherSeed_OtherSelection()
    {
        RandomDraw.Draw(Seed, Population, 12).Select(d => d.Candidate.Code)
            .ShouldNotBe(RandomDraw.Draw(RandomDraw.NewSeed(), Population, 12).Select(d => d.Candidate.Code));
    }

    [Fact]
    public void Draw_Strata_EachStratumGetsItsProportionalShare()
    {
        var drawn = RandomDraw.Draw(Seed, Population, 12);

        drawn.Count(d => d.Candidate.Stratum == "SocialGroup").ShouldBe(6);
        drawn.Count(d => d.Candidate.Stratum == "PrivateNonEnterprise").ShouldBe(4);
        drawn.Count(d => d.Candidate.Stratum == "Foundation").ShouldBe(2);
        drawn.Select(d => d.Candidate.Code).Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public void Allocate_Remainders_LargestRemainderThenStratumName()
    {
        // 7 of 3+3+3: exact 2.33 each, one extra seat goes to the first name.
        var shares = RandomDraw.Allocate(new Dictionary<string, int> { ["b"] = 3, ["a"] = 3, ["c"] = 3 }, 7);

        shares["a"].ShouldBe(3);
        shares["b"].ShouldBe(2);
        shares["c"].ShouldBe(2);
    }

    [Fact]
    public void Allocate_MoreThanPopulation_CappedAtEachStratumSize()
    {
        var shares = RandomDraw.Allocate(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, 10);

        shares["a"].ShouldBe(1);
        shares["b"].ShouldBe(2);
    }

    [Theory]
    [InlineData(60, 10, 6)]
    [InlineData(61, 10, 7)]
    [InlineData(5, 100, 5)]
    public void CountForShare_Percent_RoundedUpSoTheShareIsMet(int size, int percent, int expected) =>
        RandomDraw.CountForShare(size, percent).ShouldBe(expected);

    [Fact]
    public void AssignInspectors_LinkedMember_NeverAssignedAndReplacedByTheNext()
    {
        var pool = Enumerable.Range(1, 6).Select(i => new PoolMember($"I{i:000}", $"检查员{i}", $"user-{i}")).ToList();
        for (var n = 0; n < 200; n++)
        {
            var seed = RandomDraw.NewSeed();
            var assignment = RandomDraw.AssignInspectors(seed, "51330200MJ0000001X", pool, 2, m => m.UserId == "user-3");

            assignment.Assigned.Count.ShouldBe(2);
            assignment.Assigned.ShouldNotContain(m => m.UserId == "user-3");
            assignment.Incomplete.ShouldBeFalse();
            var unconstrained = RandomDraw.AssignInspectors(seed, "51330200MJ0000001X", pool, 2, _ => false);
            if (unconstrained.Assigned.Any(m => m.UserId == "user-3"))
            {
                assignment.Excluded.Select(m => m.Key).ShouldBe(["I003"]);
            }
        }
    }

    [Fact]
    public void AssignInspectors_PoolTooSmallAfterExclusions_Incomplete()
    {
        var pool = new[] { new PoolMember("I001", "甲", "u1"), new PoolMember("I002", "乙", "u2") };

        RandomDraw.AssignInspectors(Seed, "X", pool, 2, m => m.Key == "I001").Incomplete.ShouldBeTrue();
    }

    [Fact]
    public void PopulationText_AnyOrder_SortedByCode()
    {
        RandomDraw.PopulationText([new DrawCandidate(1, "B", "", "s"), new DrawCandidate(2, "A", "", "t")]).ShouldBe("A\tt\nB\ts");
    }
}
