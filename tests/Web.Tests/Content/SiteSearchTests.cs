using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Services.Search;
using Registry.Directory.Search;
using Registry.Notices.Contracts;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Content;

/// <summary>The content app with the test register loaded: site search finds content, notices and organizations.</summary>
public abstract class SiteSearchApp(DatabaseKind kind)
    : ClockedApp(kind, "test-register.recipe.json", new Dictionary<string, string?> { ["Registry:PublicBaseUrl"] = ContentClient.BaseUrl })
{
    /// <summary>
    /// Brings this node's indexes up to the change feed (the app's clock is a fake one, so their background loops wait for
    /// it): the directory's, then the site's.
    /// </summary>
    public async Task CatchUpAsync()
    {
        await Factory.Services.GetRequiredService<DirectoryIndexer>().StepAsync(CancellationToken.None);
        var site = Factory.Services.GetRequiredService<SiteIndexer>();
        for (var i = 0; i < 3; i++)
        {
            await site.StepAsync(CancellationToken.None);
        }
    }

    /// <summary>A run of Chinese characters no other test uses (search words must not collide between tests).</summary>
    public static string UniqueWord() => string.Concat(Enumerable.Range(0, 3).Select(_ => (char)Random.Shared.Next(0x7000, 0x8000)));
}

public sealed class SiteSearchSqliteApp() : SiteSearchApp(DatabaseKind.Sqlite);

public sealed class SiteSearchPostgreSqlApp() : SiteSearchApp(DatabaseKind.PostgreSql);

/// <summary>Site search over HTTP on each provider: what is found, kept in step with publishing, in both languages.</summary>
public abstract class SiteSearchTests<TApp>(TApp app)
    where TApp : SiteSearchApp
{
    [Fact]
    public async Task Search_ArticleNoticeAndOrganization_FoundTypedAndHighlighted()
    {
        var word = SiteSearchApp.UniqueWord();
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var slug = ContentClient.Slug("search-article");
        var id = await editor.CreateAsync("Article", $"{word}工作会议召开", slug, $"<p>会议部署{word}相关工作。</p>", new Dictionary<string, string> { ["Input.Category"] = "Work" });
        await editor.ThroughReviewAsync(officer, id, levels: 3);
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<INoticePublisher>().PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), $"关于{word}的公告", NoticeKind.Announcement, "公告正文。"), CancellationToken.None);
        }

        await app.CatchUpAsync();
        var document = await app.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString(word)}");

        var hits = document.QuerySelectorAll("[data-testid=search-results] .search-hit");
        hits.Select(h => h.GetAttribute("data-kind")).ShouldBe(["Content", "Notice"]);
        hits[0].QuerySelector("h2 a")!.GetAttribute("href").ShouldBe($"/news/2026/{slug}");
        hits[0].QuerySelector("h2 mark")!.TextContent.ShouldBe(word);
        hits[0].QuerySelector(".badge")!.TextContent.ShouldBe("工作动态");
        hits[1].QuerySelector(".badge")!.TextContent.ShouldBe("公示公告");
        document.QuerySelector("[data-testid=search-kinds] [data-kind=Notice]")!.GetAttribute("data-count").ShouldBe("1");

        string organization;
        await using (var scope = app.Scope())
        {
            organization = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().OrderBy(o => o.Id).Select(o => o.Name).FirstAsync();
        }

        var organizations = await app.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString(organization)}&kind=organization");
        var first = organizations.QuerySelector("[data-testid=search-results] .search-hit")!;
        (first.GetAttribute("data-kind"), first.QuerySelector("h2")!.TextContent.Trim()).ShouldBe(("Organization", organization));
        first.QuerySelector("h2 a")!.GetAttribute("href").ShouldStartWith("/Organizations/Org/");
    }

    [Fact]
    public async Task Search_NoticeWrittenInMarkdown_SnippetIsPlainText()
    {
        var word = SiteSearchApp.UniqueWord();
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<INoticePublisher>().PublishAsync(
                new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), "年检公告", NoticeKind.Announcement, $"## 事项\n\n1. **{word}对象**：全区社会组织\n2. 材料见[指南](/guide)"), CancellationToken.None);
        }

        await app.CatchUpAsync();
        var document = await app.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString(word)}");

        var snippet = document.QuerySelector("[data-testid=search-results] .search-hit p")!.TextContent;
        snippet.ShouldContain($"{word}对象：全区社会组织");
        snippet.ShouldNotContain("**");
        snippet.ShouldNotContain("##");
        snippet.ShouldNotContain("](");
    }

    [Fact]
    public async Task Search_DraftPublishedThenUnpublished_FoundOnlyWhilePublished()
    {
        var word = SiteSearchApp.UniqueWord();
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var id = await officer.CreateAsync("Page", $"{word}办事指南", ContentClient.Slug("search-page"), "<p>正文</p>");
        await app.CatchUpAsync();
        (await CountAsync(word)).ShouldBe(0);

        await officer.ThroughReviewAsync(admin, id, levels: 1);
        await app.CatchUpAsync();
        (await CountAsync(word)).ShouldBe(1);

        using (var unpublished = await admin.PublishAsync(id, "Unpublish"))
        {
            unpublished.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await app.CatchUpAsync();
        (await CountAsync(word)).ShouldBe(0);
    }

    [Fact]
    public async Task Search_EnglishSite_EnglishVariantElseTheChineseMarked()
    {
        var word = SiteSearchApp.UniqueWord();
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var both = ContentClient.Slug("search-both");
        var original = await officer.CreateAsync("Page", $"{word}服务指南", both, "<p>中文</p>");
        await officer.ThroughReviewAsync(admin, original, levels: 1);
        var english = await officer.CreateAsync("Page", $"Service guide {word}", both, "<p>English</p>", culture: "en", translationOf: original);
        await officer.ThroughReviewAsync(admin, english, levels: 1);
        var only = await officer.CreateAsync("Page", $"{word}联系我们", ContentClient.Slug("search-zh"), "<p>中文</p>");
        await officer.ThroughReviewAsync(admin, only, levels: 1);
        await app.CatchUpAsync();

        var document = await app.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString(word)}&culture=en");

        var hits = document.QuerySelectorAll("[data-testid=search-results] .search-hit");
        hits.Select(h => h.QuerySelector("h2")!.TextContent.Trim()).Order(StringComparer.Ordinal).ShouldBe([$"Service guide {word}", $"{word}联系我们"]);
        hits.Single(h => h.QuerySelector("[data-testid=search-fallback]") is not null).QuerySelector("h2")!.TextContent.Trim().ShouldBe($"{word}联系我们");
        document.QuerySelector("h1")!.TextContent.ShouldBe("Site search");
        var chinese = await app.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString(word)}&culture=zh-CN");
        chinese.QuerySelectorAll("[data-testid=search-results] .search-hit h2").Select(h => h.TextContent.Trim()).Order(StringComparer.Ordinal).ShouldBe([$"{word}服务指南", $"{word}联系我们"]);
    }

    [Theory]
    [InlineData("zh-CN", "没有找到")]
    [InlineData("en", "Nothing found")]
    public async Task Search_NoMatch_LocalizedEmptyState(string culture, string expected)
    {
        await app.CatchUpAsync();
        var document = await app.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString(SiteSearchApp.UniqueWord())}&culture={culture}");

        document.QuerySelector("[data-testid=search-empty]")!.TextContent.ShouldContain(expected);
        document.QuerySelector("[data-testid=search-results]").ShouldBeNull();
    }

    [Fact]
    public async Task Header_EveryPublicPage_HasTheSearchBoxAndTheEmptyPagePrompts()
    {
        var home = await app.Client().GetDocumentAsync("/");
        var box = home.QuerySelector("header form[role=search][action='/search']")!;
        box.QuerySelector("input[name=q]").ShouldNotBeNull();
        box.QuerySelector("label[for=site-search-q]")!.TextContent.ShouldBe("搜索本站");

        var empty = await app.Client().GetDocumentAsync("/search");
        empty.QuerySelector("[data-testid=search-prompt]").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/search?q=%22%2A%3A~%5B%5D")]
    [InlineData("/search?q=a&kind=nonsense&p=-5")]
    [InlineData("/search?q=%E5%B9%B4&p=100000")]
    [InlineData("/search?kind=notice")]
    public async Task Search_OddInput_AnswersWithoutError(string url)
    {
        using var response = await app.Client().GetAsync(new Uri(url + "&long=" + new string('x', 10), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_LongText_CutAndSaidSo()
    {
        var document = await app.Client().GetDocumentAsync("/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("养老服务 ", 30))));

        document.QuerySelector("main").ShouldNotBeNull();
        document.Body!.TextContent.ShouldContain("搜索词过长");
    }

    private async Task<int> CountAsync(string word)
    {
        var document = await app.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString(word)}&kind=content");
        return int.Parse(document.QuerySelector("[data-testid=search-kinds] [data-kind=Content]")!.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SiteSearchTestsOnSqlite(SiteSearchSqliteApp app) : SiteSearchTests<SiteSearchSqliteApp>(app), IClassFixture<SiteSearchSqliteApp>;

public sealed class SiteSearchTestsOnPostgreSql(SiteSearchPostgreSqlApp app) : SiteSearchTests<SiteSearchPostgreSqlApp>(app), IClassFixture<SiteSearchPostgreSqlApp>;
