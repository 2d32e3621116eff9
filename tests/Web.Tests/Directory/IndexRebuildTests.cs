using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;

namespace Registry.Web.Tests.Directory;

/// <summary>Issue 23: a rebuild does not block searches; the old index serves until the new one is committed.</summary>
public sealed class IndexRebuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "registry-rebuild-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Rebuild_WhileBuilding_SearchesGetTheOldResults_AcrossTheSwapNeverThrow_ThenTheNew()
    {
        using var index = NewIndex();
        var search = new DirectorySearch(index);
        await index.RebuildAsync(Async(Listings(1, 30, "阳光")), 1, CancellationToken.None);
        var firstPath = index.IndexPath;
        search.Search(new DirectoryQuery { Text = "阳光" }).Total.ShouldBe(30);

        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rebuild = index.RebuildAsync(Gated(Listings(100, 40, "春晖"), halfway, proceed), 2, CancellationToken.None);
        await halfway.Task;

        // Half the new register is in the new writer: searches still see the old index, as it was.
        var during = search.Search(new DirectoryQuery { Text = "阳光" });
        during.IndexReady.ShouldBeTrue();
        during.Total.ShouldBe(30);
        during.Hits[0].Name.ShouldStartWith("阳光");
        search.Search(new DirectoryQuery { Text = "春晖" }).Total.ShouldBe(0);
        index.LastEventId.ShouldBe(1);

        // Searches running while the build finishes and the searchers are swapped: each sees one index or the other.
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var searching = Task.Run(() =>
        {
            var totals = new List<int>();
            do
            {
                var result = search.Search(new DirectoryQuery { Text = "服务" });
                result.IndexReady.ShouldBeTrue();
                totals.Add(result.Total);
                started.TrySetResult();
            }
            while (!stop.IsCancellationRequested);
            return totals;
        });
        await started.Task;
        proceed.SetResult();
        await rebuild;
        await stop.CancelAsync();
        var totals = await searching;

        totals.ShouldNotBeEmpty();
        totals.ShouldAllBe(t => t == 30 || t == 40);
        search.Search(new DirectoryQuery { Text = "服务" }).Total.ShouldBe(40);
        search.Search(new DirectoryQuery { Text = "春晖" }).Total.ShouldBe(40);
        search.Search(new DirectoryQuery { Text = "阳光" }).Total.ShouldBe(0);
        index.LastEventId.ShouldBe(2);
        index.IndexPath.ShouldNotBe(firstPath);
        System.IO.Directory.Exists(firstPath).ShouldBeFalse();
    }

    [Fact]
    public async Task Rebuild_ThenANewProcessOpens_TheNewestGeneration()
    {
        using (var index = NewIndex())
        {
            await index.RebuildAsync(Async(Listings(1, 5, "阳光")), 1, CancellationToken.None);
            await index.RebuildAsync(Async(Listings(10, 7, "春晖")), 2, CancellationToken.None);
        }

        using var reopened = NewIndex();

        (await reopened.TryOpenAsync(CancellationToken.None)).ShouldBeTrue();
        reopened.LastEventId.ShouldBe(2);
        new DirectorySearch(reopened).Search(new DirectoryQuery { Text = "春晖" }).Total.ShouldBe(7);
    }

    [Fact]
    public async Task Rebuild_LargerThanTheSequentialPart_EveryListingIndexedOnce()
    {
        using var index = NewIndex();
        var search = new DirectorySearch(index);
        var count = DirectoryDocument.SequentialListings + 3_000;

        await index.RebuildAsync(Async(Listings(1, count, "阳光")), 1, CancellationToken.None);

        search.Search(new DirectoryQuery()).Total.ShouldBe(count);
        search.Search(new DirectoryQuery { Text = "阳光" }).Total.ShouldBe(count);
        var last = search.Search(new DirectoryQuery { Text = $"阳光第{count}号养老服务中心" });
        last.Hits[0].Id.ShouldBe(count);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(DirectoryDocument.SequentialListings + 1_000)]
    public async Task Rebuild_ReadingFailsHalfway_TheOldIndexKeepsServing_NothingHalfBuiltIsOpenedLater(int failAt)
    {
        using (var index = NewIndex())
        {
            var search = new DirectorySearch(index);
            await index.RebuildAsync(Async(Listings(1, 12, "阳光")), 1, CancellationToken.None);

            var failure = await Should.ThrowAsync<InvalidOperationException>(() => index.RebuildAsync(Failing(Listings(100, failAt + 100, "春晖"), failAt), 2, CancellationToken.None));

            failure.Message.ShouldBe("The register could not be read.");
            search.Search(new DirectoryQuery { Text = "阳光" }).Total.ShouldBe(12);
            index.LastEventId.ShouldBe(1);
            index.IsMissing.ShouldBeFalse();
        }

        using var reopened = NewIndex();
        (await reopened.TryOpenAsync(CancellationToken.None)).ShouldBeTrue();
        reopened.LastEventId.ShouldBe(1);
    }

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(_root)!;
        foreach (var folder in System.IO.Directory.EnumerateDirectories(parent, Path.GetFileName(_root) + "*"))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private DirectoryIndex NewIndex() =>
        new(Options.Create(new DirectoryOptions { IndexPath = "index" }), new HostingEnvironment { ContentRootPath = _root });

    private static IEnumerable<OrganizationListing> Listings(int firstId, int count, string tradeName) =>
        Enumerable.Range(firstId, count).Select(id => new OrganizationListing(
            id, $"{tradeName}第{id}号养老服务中心", [], null, "PrivateNonEnterprise", null, null, "Active", new DateOnly(2020, 1, 1),
            "海曙区", "南门街道", null, [], "居家养老上门服务", "张三", null, false, CreditStanding.Good, 0, "解放南路1号"));

#pragma warning disable CS1998 // An iterator without awaits is still the async stream the rebuild reads.
    private static async IAsyncEnumerable<OrganizationListing> Async(IEnumerable<OrganizationListing> listings)
#pragma warning restore CS1998
    {
        foreach (var listing in listings)
        {
            yield return listing;
        }
    }

    /// <summary>Stops halfway (signalling it) until allowed to go on: the rebuild is then under way.</summary>
    private static async IAsyncEnumerable<OrganizationListing> Gated(IEnumerable<OrganizationListing> listings, TaskCompletionSource halfway, TaskCompletionSource proceed)
    {
        var count = 0;
        foreach (var listing in listings)
        {
            if (count++ == 20)
            {
                halfway.SetResult();
                await proceed.Task;
            }

            yield return listing;
        }
    }

#pragma warning disable CS1998
    private static async IAsyncEnumerable<OrganizationListing> Failing(IEnumerable<OrganizationListing> listings, int failAt)
#pragma warning restore CS1998
    {
        var count = 0;
        foreach (var listing in listings)
        {
            if (count++ == failAt)
            {
                throw new InvalidOperationException("The register could not be read.");
            }

            yield return listing;
        }
    }
}
