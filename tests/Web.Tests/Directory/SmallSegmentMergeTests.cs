using Registry.Directory.Search;
using Registry.Organizations.Contracts;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// Each applied batch of changes commits a small segment; once the feed is caught up they become one, and every search
/// finds what it found before, from the same position in the feed.
/// </summary>
public sealed class SmallSegmentMergeTests : IAsyncLifetime, IDisposable
{
    private readonly IndexFolder _folder = new();
    private DirectoryIndex _index = null!;

    public async Task InitializeAsync()
    {
        _index = _folder.Open();
        await _index.RebuildAsync(Enumerable.Range(1, 400).Select(i => FacetEstimateTests.Listing(i, "南门街道", rare: false, elderly: i % 2 == 0)).ToAsyncEnumerable(), 0, CancellationToken.None);
        // Five batches: changed organizations, a new one each time, and a deletion in the last.
        for (var batch = 1; batch <= 5; batch++)
        {
            OrganizationListing[] changed =
            [
                FacetEstimateTests.Listing(batch * 10, "鼓楼街道", rare: true, elderly: true) with { Grade = batch },
                FacetEstimateTests.Listing(400 + batch, "西门街道", rare: false, elderly: true) with { Name = $"宁波市海曙区航天科普{batch}号服务中心" },
            ];
            int[] ids = batch == 5 ? [.. changed.Select(l => l.Id), 7] : [.. changed.Select(l => l.Id)];
            await _index.ApplyAsync(ids, changed, batch, CancellationToken.None);
        }
    }

    [Fact]
    public async Task CaughtUp_SmallSegmentsMergedIntoOne_SameResultsSamePositionInTheFeed()
    {
        Segments(_index).ShouldBe(6);
        DirectoryQuery[] queries =
        [
            new() { Text = "养老" },
            new() { Text = "航天" },
            new() { Text = "服务中心", Sort = DirectorySort.Grade },
            new() { Street = "鼓楼街道" },
            new() { Text = "养老", Page = 3, Sort = DirectorySort.Name },
        ];
        var before = queries.Select(q => Describe(new DirectorySearch(_index).Search(q))).ToList();
        var generation = _index.Generation;

        (await _index.MergeSmallSegmentsAsync(CancellationToken.None)).ShouldBeTrue();

        // The build's segment and one for the five batches.
        Segments(_index).ShouldBe(2);
        _index.Generation.ShouldBeGreaterThan(generation);
        queries.Select(q => Describe(new DirectorySearch(_index).Search(q))).ToList().ShouldBe(before);
        (await _index.MergeSmallSegmentsAsync(CancellationToken.None)).ShouldBeFalse();

        _index.Dispose();
        _index = _folder.Open();
        (await _index.TryOpenAsync(CancellationToken.None)).ShouldBeTrue();
        _index.LastEventId.ShouldBe(5);
        Segments(_index).ShouldBe(2);
        queries.Select(q => Describe(new DirectorySearch(_index).Search(q))).ToList().ShouldBe(before);
    }

    [Fact]
    public async Task OneSmallSegment_NothingToMerge()
    {
        var index = _folder.Open("other");
        await index.RebuildAsync(Enumerable.Range(1, 400).Select(i => FacetEstimateTests.Listing(i, "南门街道", rare: false, elderly: true)).ToAsyncEnumerable(), 0, CancellationToken.None);
        var listing = FacetEstimateTests.Listing(401, "西门街道", rare: false, elderly: true);
        await index.ApplyAsync([401], [listing], 1, CancellationToken.None);

        (await index.MergeSmallSegmentsAsync(CancellationToken.None)).ShouldBeFalse();
        Segments(index).ShouldBe(2);
    }

    private static int Segments(DirectoryIndex index) => index.Search(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>A result as text: its total, its rows in order and its facet counts.</summary>
    private static string Describe(DirectoryResult result) =>
        $"{result.Total}: {string.Join(",", result.Hits.Select(h => h.Id))} | "
        + string.Join("; ", result.Facets.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={string.Join(",", f.Value.Select(v => $"{v.Key}:{v.Value}"))}"));

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
