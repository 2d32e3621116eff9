using Registry.Directory.Areas.Directory.Pages;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// Facet counts of a large hit set: values that occupy most of a segment are estimated from a sample (and say so), values
/// with few documents stay exact, and the total is always exact.
/// </summary>
public sealed class FacetEstimateTests(FacetEstimateTests.LargeRegister large) : IClassFixture<FacetEstimateTests.LargeRegister>
{
    private static readonly string[] Streets = ["南门街道", "鼓楼街道", "西门街道", "江厦街道", "白云街道", "段塘街道"];

    private readonly DirectoryIndex _index = large.Index;
    private readonly List<OrganizationListing> _register = large.Register;

    [Fact]
    public void Search_ManyHits_DenseValuesEstimatedWithinAFewPerCent_SparseValuesAndTotalExact()
    {
        var search = new DirectorySearch(_index);
        var result = search.Search(new DirectoryQuery { Text = "养老" });
        var expected = _register.Where(l => l.BusinessScope.Contains("养老", StringComparison.Ordinal)).ToList();
        expected.Count.ShouldBeGreaterThan(QueryMatches.EstimateAbove);
        result.Total.ShouldBe(expected.Count);

        var streets = result.Facets[IndexFields.Street].ToDictionary(f => f.Key, f => f.Value);
        foreach (var street in expected.GroupBy(l => l.Street))
        {
            result.IsEstimated(IndexFields.Street, street.Key).ShouldBeTrue(street.Key);
            ((double)streets[street.Key]).ShouldBe(street.Count(), street.Count() * 0.1, street.Key);
        }

        // The rare field's documents occupy few words: counted, not estimated.
        var rare = expected.Count(l => l.ServiceFields.Contains("环保"));
        rare.ShouldBeGreaterThan(0);
        result.Facets[IndexFields.ServiceField].Single(f => f.Key == "环保").Value.ShouldBe(rare);
        result.IsEstimated(IndexFields.ServiceField, "环保").ShouldBeFalse();
    }

    [Fact]
    public void Search_FewHits_EveryCountExact()
    {
        var search = new DirectorySearch(_index);
        var result = search.Search(new DirectoryQuery { Text = "养老", Street = Streets[0], Type = "Foundation" });
        var expected = _register.Where(l => l.BusinessScope.Contains("养老", StringComparison.Ordinal) && l.Street == Streets[0] && l.TypeCode == "Foundation").ToList();
        expected.Count.ShouldBeLessThan(QueryMatches.EstimateAbove);
        result.Total.ShouldBe(expected.Count);
        result.EstimatedFacets.ShouldBeEmpty();
        result.Facets[IndexFields.Status].ToDictionary(f => f.Key, f => f.Value)
            .ShouldBe(expected.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 7)]
    [InlineData(99, 99)]
    [InlineData(1_234, 1_200)]
    [InlineData(1_250, 1_300)]
    [InlineData(74_124, 74_000)]
    [InlineData(99_600, 100_000)]
    [InlineData(95_000, 95_000)]
    [InlineData(int.MaxValue, 2_100_000_000)]
    public void EstimatedCount_ShownToTwoSignificantDigits(int count, int shown) =>
        IndexModel.TwoSignificantDigits(count).ShouldBe(shown);

    /// <summary>
    /// One index for the class: large enough that the build's segments (one per indexing thread) are sampled, which
    /// takes 65,536 documents each.
    /// </summary>
    public sealed class LargeRegister : IAsyncLifetime, IDisposable
    {
        private const int Organizations = 200_000;

        private readonly IndexFolder _folder = new();

        public DirectoryIndex Index { get; private set; } = null!;

        public List<OrganizationListing> Register { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Index = _folder.Open();
            // Streets in runs of uneven length, not in turn, so that a sample that followed the documents' order would show it.
            Register = [.. Enumerable.Range(1, Organizations).Select(i => Listing(
                i,
                street: Streets[(i / 37 + i / 1_000) % Streets.Length],
                rare: i % 997 == 0,
                elderly: i % 3 != 0))];
            await Index.RebuildAsync(Register.ToAsyncEnumerable(), 0, CancellationToken.None);
        }

        public Task DisposeAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _folder.Dispose();
    }

    internal static OrganizationListing Listing(int id, string street, bool rare, bool elderly) => new(
        id,
        $"宁波市海曙区测试{id}号服务中心",
        [],
        null,
        (id % 4) switch { 0 => "Foundation", 1 => "SocialGroup", _ => "PrivateNonEnterprise" },
        null,
        null,
        id % 50 == 0 ? "Deregistered" : "Active",
        new DateOnly(2000 + (id % 25), 1 + (id % 12), 1 + (id % 28)),
        "海曙区",
        street,
        null,
        rare ? ["环保"] : ["社区治理"],
        elderly ? "开展居家养老上门服务，承接政府购买服务项目" : "开展青少年课外托管，承接政府购买服务项目",
        "张三",
        null,
        false,
        CreditStanding.Good,
        0,
        "宁波市海曙区中山西路1号");
}
