using Registry.Directory.Search;
using Registry.Organizations.Contracts;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// A word only a later segment holds: the earlier segment has no hits and skips splitting them into tiers, and every
/// order, total and count still comes from the segment that has them.
/// </summary>
public sealed class EmptySegmentTests : IAsyncLifetime, IDisposable
{
    private readonly IndexFolder _folder = new();
    private DirectoryIndex _index = null!;

    public async Task InitializeAsync()
    {
        _index = _folder.Open();
        await _index.RebuildAsync(Enumerable.Range(1, 300).Select(i => FacetEstimateTests.Listing(i, "南门街道", rare: false, elderly: true)).ToAsyncEnumerable(), 0, CancellationToken.None);
        // Added after the build: a segment of their own.
        OrganizationListing[] later =
        [
            FacetEstimateTests.Listing(301, "鼓楼街道", rare: true, elderly: false) with { Name = "宁波市海曙区航天科普服务中心", Grade = 4 },
            FacetEstimateTests.Listing(302, "鼓楼街道", rare: false, elderly: false) with { BusinessScope = "开展航天科普活动" },
            FacetEstimateTests.Listing(303, "西门街道", rare: false, elderly: false) with { Name = "宁波市海曙区航天模型协会", Grade = 2 },
        ];
        await _index.ApplyAsync([.. later.Select(l => l.Id)], later, 1, CancellationToken.None);
    }

    [Theory]
    [InlineData(DirectorySort.Relevance)]
    [InlineData(DirectorySort.Grade)]
    [InlineData(DirectorySort.Name)]
    [InlineData(DirectorySort.Founded)]
    public void WordOfTheLaterSegmentOnly_FoundThereInEveryOrder(DirectorySort sort)
    {
        var result = new DirectorySearch(_index).Search(new DirectoryQuery { Text = "航天", Sort = sort });

        result.Total.ShouldBe(3);
        var ids = result.Hits.Select(h => h.Id).ToList();
        ids.ShouldBe([301, 302, 303], ignoreOrder: true);
        if (sort == DirectorySort.Relevance)
        {
            // The two with the word in their names before the one with it in its scope only.
            ids[2].ShouldBe(302);
        }

        if (sort == DirectorySort.Grade)
        {
            ids.ShouldBe([301, 303, 302]);
        }

        result.Facets[IndexFields.Street].ToDictionary(f => f.Key, f => f.Value).ShouldBe(new Dictionary<string, int> { ["鼓楼街道"] = 2, ["西门街道"] = 1 }, ignoreOrder: true);
        result.EstimatedFacets.ShouldBeEmpty();
    }

    [Fact]
    public void WordNoSegmentHolds_NothingFound()
    {
        var result = new DirectorySearch(_index).Search(new DirectoryQuery { Text = "潜水" });

        result.Total.ShouldBe(0);
        result.Hits.ShouldBeEmpty();
        result.Facets.Values.ShouldAllBe(values => values.Count == 0);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
