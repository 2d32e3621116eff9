using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registry.Content.Services.Search;
using Registry.Directory.Contracts;
using Registry.Directory.Search;

namespace Registry.Content.Tests.Search;

/// <summary>Site search over a real index on disk (a temporary folder) with the directory's analysis; organizations from a stand-in.</summary>
public sealed class SiteSearchTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-search-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));
    private readonly StandInOrganizations _organizations = new();
    private SiteIndex _index = null!;
    private SiteSearch _search = null!;

    public Task InitializeAsync()
    {
        _index = new SiteIndex(Options.Create(new SiteSearchOptions { IndexPath = "index" }), new HostingEnvironment { ContentRootPath = _root }, new ChineseTextAnalysis());
        _search = new SiteSearch(_index, new ChineseTextAnalysis(), _organizations, _clock);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Dispose();
        if (System.IO.Directory.Exists(_root))
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Search_TwoCharacterWord_FindsPhraseInTitleOrTextButNotTheCharactersApart()
    {
        await BuildAsync(
            Article(1, "养老服务补贴发放通知", "全区开展补贴发放。"),
            Article(2, "区民政局工作动态", "本月走访了三家养老机构。"),
            Article(3, "老年人服务", "养护与老人关爱。"));

        var result = _search.Search(new SiteSearchQuery("养老", "zh-CN"));

        result.Hits.Select(h => h.Title).ShouldBe(["养老服务补贴发放通知", "区民政局工作动态"]);
        result.Counts[SiteSearchScope.Content].ShouldBe(2);
    }

    [Fact]
    public async Task Search_TitleMatch_RanksBeforeTextMatchWhateverTheDate()
    {
        await BuildAsync(
            Article(1, "年检通知", "年检材料", Now.AddDays(-30)),
            Article(2, "工作动态", "关于年检的说明", Now.AddDays(-1)));

        var result = _search.Search(new SiteSearchQuery("年检", "zh-CN"));

        result.Hits.Select(h => h.Title).ShouldBe(["年检通知", "工作动态"]);
    }

    [Fact]
    public async Task Search_SameTier_NewestFirst()
    {
        await BuildAsync(Article(1, "年检通知一", "", Now.AddDays(-3)), Article(2, "年检通知二", "", Now.AddDays(-1)));

        _search.Search(new SiteSearchQuery("年检", "zh-CN")).Hits.Select(h => h.Title).ShouldBe(["年检通知二", "年检通知一"]);
    }

    [Fact]
    public async Task Search_EveryWordMustOccur()
    {
        await BuildAsync(Article(1, "养老服务", "海曙区"), Article(2, "养老服务", "江北区"));

        _search.Search(new SiteSearchQuery("养老 海曙", "zh-CN")).Hits.Select(h => h.Title).ShouldBe(["养老服务"]);
        _search.Search(new SiteSearchQuery("养老 海曙", "zh-CN")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task Search_SingleCharacter_FindsTitlesHoldingIt()
    {
        await BuildAsync(Article(1, "慈善法宣传周", "正文"), Article(2, "工作动态", "慈善"));

        _search.Search(new SiteSearchQuery("善", "zh-CN")).Hits.Select(h => h.Title).ShouldBe(["慈善法宣传周"]);
    }

    [Fact]
    public async Task Search_ScheduledItem_HiddenUntilItsInstant()
    {
        await BuildAsync(Article(1, "年检通知", "", Now.AddHours(2)));

        _search.Search(new SiteSearchQuery("年检", "zh-CN")).Total.ShouldBe(0);
        _clock.Advance(TimeSpan.FromHours(2));
        _search.Search(new SiteSearchQuery("年检", "zh-CN")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task Search_ScheduledItem_VisibleFromItsExactInstant()
    {
        await BuildAsync(Article(1, "年检通知", "", Now.AddHours(2)), Article(2, "年检公告", "", Now.AddHours(3)));

        _clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        _search.Search(new SiteSearchQuery("年检", "zh-CN")).Total.ShouldBe(0);
        _clock.Advance(TimeSpan.FromTicks(1));
        _search.Search(new SiteSearchQuery("年检", "zh-CN")).Hits.Select(h => h.Title).ShouldBe(["年检通知"]);
        _clock.Advance(TimeSpan.FromHours(1));
        _search.Search(new SiteSearchQuery("年检", "zh-CN")).Total.ShouldBe(2);
    }

    [Fact]
    public async Task Search_EnglishSite_EnglishVariantElseChineseStandsInUntilTheEnglishIsPublic()
    {
        await BuildAsync(
            Article(1, "年检通知 annual", "", otherFrom: Now.AddDays(-1)),
            Article(2, "Annual inspection notice", "", culture: "en", otherFrom: Now.AddDays(-2)),
            Article(3, "年检公告 annual", "", otherFrom: Now.AddHours(1)),
            Article(4, "Annual inspection results", "", culture: "en", publishAt: Now.AddHours(1), otherFrom: Now.AddDays(-2)),
            Article(5, "只有中文 annual", ""));

        var english = _search.Search(new SiteSearchQuery("annual", "en"));
        english.Hits.Select(h => (h.Title, h.IsFallback)).OrderBy(h => h.Title, StringComparer.Ordinal)
            .ShouldBe([("Annual inspection notice", false), ("只有中文 annual", true), ("年检公告 annual", true)]);
        var chinese = _search.Search(new SiteSearchQuery("annual", "zh-CN"));
        chinese.Hits.Select(h => h.Title).OrderBy(t => t, StringComparer.Ordinal).ShouldBe(["只有中文 annual", "年检公告 annual", "年检通知 annual"]);

        _clock.Advance(TimeSpan.FromHours(1));
        _search.Search(new SiteSearchQuery("annual", "en")).Hits.Select(h => h.Title).OrderBy(t => t, StringComparer.Ordinal)
            .ShouldBe(["Annual inspection notice", "Annual inspection results", "只有中文 annual"]);
    }

    [Fact]
    public async Task Search_AllKinds_TitleMatchesOfEachSourceFirstThenTheRest()
    {
        _organizations.Hits = [new(7, "海曙区养老服务中心", "养老", "/org/7"), new(8, "海曙区社工协会", "开展养老服务", "/org/8")];
        await BuildAsync(Article(1, "养老服务补贴", ""), Article(2, "工作动态", "养老服务"), Notice(3, "养老机构评估公示", ""));

        var result = _search.Search(new SiteSearchQuery("养老", "zh-CN"));

        result.Hits.Select(h => (h.Kind, h.Title)).ShouldBe([
            (SiteSearchScope.Content, "养老服务补贴"), (SiteSearchScope.Notice, "养老机构评估公示"), (SiteSearchScope.Organization, "海曙区养老服务中心"),
            (SiteSearchScope.Content, "工作动态"), (SiteSearchScope.Organization, "海曙区社工协会")]);
        result.Counts.ShouldBe(new Dictionary<SiteSearchScope, int> { [SiteSearchScope.Content] = 2, [SiteSearchScope.Notice] = 1, [SiteSearchScope.Organization] = 2 });
        result.Total.ShouldBe(5);
    }

    [Fact]
    public async Task Search_OneKind_OnlyThatKindWithTheCountsOfAll()
    {
        _organizations.Hits = [new(7, "养老服务中心", "", "/org/7")];
        await BuildAsync(Article(1, "养老服务补贴", ""), Notice(3, "养老机构评估公示", ""));

        var notices = _search.Search(new SiteSearchQuery("养老", "zh-CN", SiteSearchScope.Notice));

        notices.Hits.Select(h => h.Title).ShouldBe(["养老机构评估公示"]);
        notices.Hits[0].LabelKey.ShouldBe("Content.Search.Kind.Notice");
        (notices.Total, notices.Counts[SiteSearchScope.Content], notices.Counts[SiteSearchScope.Organization]).ShouldBe((1, 1, 1));
        _search.Search(new SiteSearchQuery("养老", "zh-CN", SiteSearchScope.Organization)).Hits.Select(h => h.Url).ShouldBe(["/org/7"]);
    }

    [Fact]
    public async Task Search_Pages_TwentyAPageWithTheLastPartial()
    {
        await BuildAsync([.. Enumerable.Range(1, 45).Select(i => Article(i, $"年检通知{i}", "", Now.AddMinutes(-i)))]);

        var third = _search.Search(new SiteSearchQuery("年检", "zh-CN", Page: 3));
        (third.Page, third.PageCount, third.Total, third.Hits.Count).ShouldBe((3, 3, 45, 5));
        third.Hits[0].Title.ShouldBe("年检通知41");
        _search.Search(new SiteSearchQuery("年检", "zh-CN", Page: 99)).Page.ShouldBe(3);
    }

    [Fact]
    public async Task Search_Snippet_AroundTheFirstMatchOfALongText()
    {
        var text = new string('甲', 300) + "社会组织信用信息" + new string('乙', 300);
        await BuildAsync(Article(1, "公告", text));

        var snippet = _search.Search(new SiteSearchQuery("信用", "zh-CN")).Hits.Single().Snippet;

        snippet.ShouldContain("信用");
        snippet.ShouldStartWith("…");
        snippet.Length.ShouldBeLessThan(100);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("、。！")]
    public async Task Search_NothingSearchable_EmptyResultNoError(string text)
    {
        await BuildAsync(Article(1, "年检通知", ""));

        var result = _search.Search(new SiteSearchQuery(text, "zh-CN"));

        (result.Total, result.Hits.Count).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Search_LuceneSyntax_IsJustText()
    {
        await BuildAsync(Article(1, "年检通知", ""));

        Should.NotThrow(() => _search.Search(new SiteSearchQuery("年检 AND (\"*: ~", "zh-CN")));
    }

    [Fact]
    public async Task Apply_RemovedKeyAndReplacedDocument_SearchSeesTheChangeAndThePosition()
    {
        await BuildAsync(Article(1, "年检通知", ""), Article(2, "年检公告", ""));

        await _index.ApplyAsync(["c1", "c2"], [Article(2, "评估公告", "")], 42, CancellationToken.None);

        _search.Search(new SiteSearchQuery("年检", "zh-CN")).Total.ShouldBe(0);
        _search.Search(new SiteSearchQuery("评估", "zh-CN")).Total.ShouldBe(1);
        _index.LastEventId.ShouldBe(42);
    }

    [Fact]
    public async Task TryOpen_AfterRestart_ResumesFromTheCommittedPosition()
    {
        await BuildAsync(Article(1, "年检通知", ""));
        await _index.ApplyAsync(["c2"], [Article(2, "评估公告", "")], 77, CancellationToken.None);
        _index.Dispose();

        _index = new SiteIndex(Options.Create(new SiteSearchOptions { IndexPath = "index" }), new HostingEnvironment { ContentRootPath = _root }, new ChineseTextAnalysis());
        (await _index.TryOpenAsync(CancellationToken.None)).ShouldBeTrue();

        _index.LastEventId.ShouldBe(77);
        new SiteSearch(_index, new ChineseTextAnalysis(), _organizations, _clock).Search(new SiteSearchQuery("评估", "zh-CN")).Total.ShouldBe(1);
    }

    private async Task BuildAsync(params SiteDocument[] documents) =>
        await _index.RebuildAsync(documents.ToAsyncEnumerable(), 0, CancellationToken.None);

    private static SiteDocument Article(long id, string title, string text, DateTime? publishAt = null, string culture = "zh-CN", DateTime? otherFrom = null) =>
        new(SiteHitKind.Content, id, culture, "Article", "News", title, text, $"/news/2026/a{id}", publishAt ?? Now.AddDays(-1), otherFrom);

    private static SiteDocument Notice(long id, string title, string text) =>
        new(SiteHitKind.Notice, id, "zh-CN", "Announcement", null, title, text, $"/Notices/Detail/{id}", Now.AddDays(-1), null);

    private sealed class StandInOrganizations : IOrganizationSearch
    {
        public IReadOnlyList<OrganizationSearchHit> Hits { get; set; } = [];

        public OrganizationSearchResult Search(string? text, int count) => new([.. Hits.Take(count)], Hits.Count, IndexReady: true);
    }
}
