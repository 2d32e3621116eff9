using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Content;

/// <summary>Content items end to end over HTTP, on each provider: writing, review, publication, public pages, discovery.</summary>
public abstract class ContentTests<TApp>(TApp app)
    where TApp : ContentApp
{
    private const string Xss = """
        <h2>办事指南</h2><p>正文<strong>要点</strong></p>
        <script>alert('xss')</script>
        <p onclick="alert(1)">点我</p><img src="x" onerror="alert(2)" alt="x">
        <a href="javascript:alert(3)">领奖</a>
        <svg onload="alert(4)"><circle r="1"/></svg>
        <p style="width: expression(alert(5))">样式</p>
        <img src="data:image/png;base64,iVBORw0KGgo=" alt="内嵌">
        <table><tr><td>表格</td></tr></table>
        """;

    [Fact]
    public async Task Article_EditorWritesOfficerReviewsThreeLevelsAndPublishes_PublicAuditedAndOnTheOutbox()
    {
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var slug = ContentClient.Slug("inspection-meeting");
        var id = await editor.CreateAsync("Article", "区民政局召开年检工作布置会", slug, "<p>会议布置了年检工作。</p>", new Dictionary<string, string> { ["Input.Category"] = "Work", ["Input.Summary"] = "年检材料于5月31日前报送。" });

        await editor.ThroughReviewAsync(officer, id, levels: 3);

        var item = await app.ItemAsync(id);
        (item.State, item.PublishedVersion).ShouldBe((ContentState.Published, 1));
        using var page = await app.Client().GetAsync(new Uri($"/news/2026/{slug}", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await page.ParseAsync();
        document.QuerySelector("[data-testid=content-item] h1")!.TextContent.ShouldBe("区民政局召开年检工作布置会");
        document.QuerySelector("meta[name=description]")!.GetAttribute("content").ShouldBe("年检材料于5月31日前报送。");
        document.QuerySelector("meta[property='og:url']")!.GetAttribute("content").ShouldBe($"{ContentClient.BaseUrl}/news/2026/{slug}");
        document.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe($"{ContentClient.BaseUrl}/news/2026/{slug}");

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var actions = await db.Set<AuditEntry>().Where(a => a.EntityType == "ContentItem" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        actions.ShouldBe(["content.created", "content.submit", "content.approve", "content.approve", "content.approve", "content.publish"]);
        var published = await db.Set<OutboxMessage>().Where(m => m.Topic == ContentTopics.Published).ToListAsync();
        published.Select(m => JsonSerializer.Deserialize<ContentChanged>(m.Payload, JsonSerializerOptions.Web)!).ShouldContain(c => c.Id == id && c.Url == $"/news/2026/{slug}" && c.PlainText == "会议布置了年检工作。");
    }

    [Fact]
    public async Task Approve_OwnItem_IsRefusedAndStaysAtItsLevel()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await officer.CreateAsync("Page", "自己写的页面", ContentClient.Slug("own"), "<p>正文</p>");
        await officer.SubmitAsync(id);

        // The page offers no approve button to the author, and a forged post is refused all the same.
        var page = await officer.GetDocumentAsync($"/Content/Admin/Items/Review/{id}");
        page.QuerySelector("[data-testid=approve]").ShouldBeNull();
        page.QuerySelector("[data-testid=own-item]").ShouldNotBeNull();
        var form = page.ReadForm($"/Content/Admin/Items/Review/{id}", "form[action*='handler=Return']");
        using var response = await officer.PostFormAsync(form, new Dictionary<string, string>(), "Approve");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ContentClient.ErrorsAsync(response)).ShouldContain("不能审核自己");
        var item = await app.ItemAsync(id);
        (item.State, item.ReviewLevel).ShouldBe((ContentState.Submitted, 1));
    }

    [Fact]
    public async Task Return_WithReason_BackToDraftAndTheAuthorSeesWhy()
    {
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await editor.CreateAsync("Page", "待退回页面", ContentClient.Slug("returned"), "<p>正文</p>");
        await editor.SubmitAsync(id);

        using (var noReason = await officer.ReviewAsync(id, "Return", ""))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var returned = await officer.ReviewAsync(id, "Return", "请补充联系电话");
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.ItemAsync(id)).State.ShouldBe(ContentState.Draft);
        (await editor.GetDocumentAsync($"/Content/Admin/Items/Edit/{id}")).QuerySelector("[data-testid=return-reason]")!.TextContent.ShouldContain("请补充联系电话");
    }

    [Fact]
    public async Task Save_StaleForm_ShowsConflictKeepsTheTextAndOverwritesNothing()
    {
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await editor.CreateAsync("Page", "并发编辑", ContentClient.Slug("conflict"), "<p>第一版</p>");
        var editorForm = await editor.ReadFormAsync($"/Content/Admin/Items/Edit/{id}", "main form.stacked[method=post]");
        using (var first = await officer.EditAsync(id, new Dictionary<string, string> { ["Input.Body"] = "<p>科员的修改</p>" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var stale = await editor.PostFormAsync(editorForm, new Dictionary<string, string> { ["Input.Body"] = "<p>信息员的修改</p>" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await stale.ParseAsync();
        page.QuerySelector("[data-testid=edit-errors]")!.TextContent.ShouldContain("他人已修改");
        page.QuerySelector("textarea[name='Input.Body']")!.TextContent.ShouldContain("信息员的修改");
        var versions = await app.VersionsAsync(id);
        versions.Select(v => v.BodyHtml).ShouldBe(["<p>第一版</p>", "<p>科员的修改</p>"]);

        // Saving the kept text again is now a deliberate choice on the current version.
        using var again = await editor.PostFormAsync(page.ReadForm($"/Content/Admin/Items/Edit/{id}", "main form.stacked[method=post]"), new Dictionary<string, string>());
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.VersionsAsync(id)).Last().BodyHtml.ShouldBe("<p>信息员的修改</p>");
    }

    [Fact]
    public async Task Restore_OldVersion_IsSavedAsANewVersionWithTheOldText()
    {
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var id = await editor.CreateAsync("Page", "版本一", ContentClient.Slug("versions"), "<p>最初的正文</p>");
        using (var edited = await editor.EditAsync(id, new Dictionary<string, string> { ["Input.Title"] = "版本二", ["Input.Body"] = "<p>改过的正文</p>" }))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var diff = await editor.GetDocumentAsync($"/Content/Admin/Items/Versions/{id}?compare=1");
        diff.QuerySelector("[data-testid=diff] del")!.TextContent.ShouldContain("版本一");
        diff.QuerySelector("[data-testid=diff] ins")!.TextContent.ShouldContain("版本二");

        using var restored = await editor.SubmitFormAsync($"/Content/Admin/Items/Versions/{id}", new Dictionary<string, string>(), "tr[data-version='1'] form");

        restored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var versions = await app.VersionsAsync(id);
        versions.Count.ShouldBe(3);
        (versions[2].Title, versions[2].BodyHtml, versions[2].RestoredFrom).ShouldBe(("版本一", "<p>最初的正文</p>", (int?)1));
        (await app.ItemAsync(id)).Title.ShouldBe("版本一");
    }

    [Fact]
    public async Task Body_XssThroughTheEditForm_IsStoredAndRenderedHarmless()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var slug = ContentClient.Slug("xss");
        var id = await officer.CreateAsync("Page", "安全测试", slug, Xss);
        await officer.ThroughReviewAsync(admin, id, levels: 1);

        var stored = (await app.VersionsAsync(id)).Single().BodyHtml;
        foreach (var bad in new[] { "<script", "onclick", "onerror", "javascript:", "<svg", "onload", "style=", "expression(", "data:" })
        {
            stored.ShouldNotContain(bad, Case.Insensitive);
        }

        var page = await app.Client().GetDocumentAsync($"/pages/{slug}");
        var body = page.QuerySelector("[data-testid=content-body]")!;
        body.QuerySelectorAll("script, svg, style, iframe").ShouldBeEmpty();
        body.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).ShouldAllBe(n => !n.StartsWith("on", StringComparison.OrdinalIgnoreCase) && n != "style");
        body.QuerySelector("h2")!.TextContent.ShouldBe("办事指南");
        body.QuerySelector("td")!.TextContent.ShouldBe("表格");
        body.TextContent.ShouldContain("领奖");
    }

    [Fact]
    public async Task Schedule_FutureInstant_PublicOnlyFromThatInstantAndNoStaleCachedPage()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var slug = ContentClient.Slug("scheduled");
        var id = await officer.CreateAsync("Policy", "定时发布的政策", slug, "<p>全文</p>", new Dictionary<string, string>
        {
            ["Parts[policy.docNumber]"] = "民政部令第99号",
            ["Parts[policy.issuer]"] = "民政部",
            ["Parts[policy.level]"] = "DepartmentalRule",
            ["Parts[policy.validity]"] = "InForce",
        });
        var now = app.Clock.GetUtcNow();
        var beijing = now.ToOffset(TimeSpan.FromHours(8)).AddHours(2);
        await officer.ThroughReviewAsync(admin, id, levels: 2, "Schedule", beijing.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        (await app.Client().GetAsync(new Uri($"/policies/{slug}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetStringAsync(new Uri("/policies", UriKind.Relative))).ShouldNotContain(slug);
        (await officer.GetDocumentAsync($"/Content/Admin/Items/Edit/{id}")).QuerySelector("[data-testid=scheduled]").ShouldNotBeNull();

        app.Clock.Advance(TimeSpan.FromHours(2));

        (await app.Client().GetAsync(new Uri($"/policies/{slug}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The list cached a minute ago must not be served past the scheduled instant.
        (await app.Client().GetStringAsync(new Uri("/policies", UriKind.Relative))).ShouldContain(slug);
    }

    [Fact]
    public async Task SlugChange_OldAddress_RedirectsPermanentlyToTheNewOne()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var old = ContentClient.Slug("old-address");
        var renamed = ContentClient.Slug("new-address");
        var id = await officer.CreateAsync("Page", "改名的页面", old, "<p>正文</p>");
        await officer.ThroughReviewAsync(admin, id, levels: 1);
        (await app.Client().GetAsync(new Uri($"/pages/{old}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var edited = await officer.EditAsync(id, new Dictionary<string, string> { ["Input.Slug"] = renamed }))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await app.Client().GetAsync(new Uri($"/pages/{old}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.ShouldBe($"/pages/{renamed}");
        (await app.Client().GetAsync(new Uri($"/pages/{renamed}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Article_WrongYearInAddress_RedirectsToTheCanonicalOne()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var slug = ContentClient.Slug("year");
        var id = await officer.CreateAsync("Article", "年份", slug, "<p>正文</p>", new Dictionary<string, string> { ["Input.Category"] = "News" });
        await officer.ThroughReviewAsync(admin, id, levels: 3);

        using var response = await app.Client().GetAsync(new Uri($"/news/2019/{slug}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.ShouldBe($"/news/2026/{slug}");
    }

    [Fact]
    public async Task EnglishSite_MissingVariant_FallsBackToChineseWithANote()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var chineseOnly = ContentClient.Slug("zh-only");
        var both = ContentClient.Slug("both");
        var zhId = await officer.CreateAsync("Page", "只有中文", chineseOnly, "<p>中文正文</p>");
        await officer.ThroughReviewAsync(admin, zhId, levels: 1);
        var original = await officer.CreateAsync("Page", "有英文版", both, "<p>中文</p>");
        await officer.ThroughReviewAsync(admin, original, levels: 1);
        var english = await officer.CreateAsync("Page", "Has an English version", both, "<p>English body</p>", culture: "en", translationOf: original);
        await officer.ThroughReviewAsync(admin, english, levels: 1);

        var fallback = await app.Client().GetDocumentAsync($"/pages/{chineseOnly}?culture=en");
        fallback.QuerySelector("[data-testid=fallback-note]")!.TextContent.ShouldContain("not yet available in English");
        fallback.QuerySelector("[data-testid=content-item] h1")!.TextContent.ShouldBe("只有中文");

        var translated = await app.Client().GetDocumentAsync($"/pages/{both}?culture=en");
        translated.QuerySelector("[data-testid=fallback-note]").ShouldBeNull();
        translated.QuerySelector("[data-testid=content-item] h1")!.TextContent.ShouldBe("Has an English version");
        translated.QuerySelectorAll("link[rel=alternate][hreflang]").Length.ShouldBe(2);

        var chinese = await app.Client().GetDocumentAsync($"/pages/{both}?culture=zh-CN");
        chinese.QuerySelector("[data-testid=content-item] h1")!.TextContent.ShouldBe("有英文版");
    }

    [Fact]
    public async Task SitemapRobotsAndFeeds_AreWellFormedWithAbsoluteConfiguredAddresses()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var slug = ContentClient.Slug("feed");
        var id = await officer.CreateAsync("Article", "订阅测试 <&>", slug, "<p>正文 <a href=\"/pages/about\">关于</a></p>", new Dictionary<string, string> { ["Input.Category"] = "Notice" });
        await officer.ThroughReviewAsync(admin, id, levels: 3);

        var sitemap = XDocument.Parse(await app.Client().GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace s = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = sitemap.Descendants(s + "loc").Select(l => l.Value).ToList();
        locs.ShouldContain($"{ContentClient.BaseUrl}/news/2026/{slug}");
        locs.ShouldContain($"{ContentClient.BaseUrl}/Directory");
        locs.ShouldContain($"{ContentClient.BaseUrl}/Notices");
        locs.ShouldAllBe(l => l.StartsWith(ContentClient.BaseUrl, StringComparison.Ordinal));

        var robots = await app.Client().GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        robots.ShouldContain($"Sitemap: {ContentClient.BaseUrl}/sitemap.xml");

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await app.Client().GetStringAsync(new Uri("/news/feed.atom?category=Notice", UriKind.Relative)));
        var entry = feed.Descendants(atom + "entry").Single(e => e.Element(atom + "title")!.Value == "订阅测试 <&>");
        entry.Element(atom + "id")!.Value.ShouldBe($"{ContentClient.BaseUrl}/news/2026/{slug}");
        entry.Element(atom + "content")!.Value.ShouldContain($"href=\"{ContentClient.BaseUrl}/pages/about\"");
        var rss = XDocument.Parse(await app.Client().GetStringAsync(new Uri("/news/feed.rss", UriKind.Relative)));
        rss.Descendants("item").Select(i => i.Element("link")!.Value).ShouldContain($"{ContentClient.BaseUrl}/news/2026/{slug}");
        XDocument.Parse(await app.Client().GetStringAsync(new Uri("/news/feed.rss?category=Work", UriKind.Relative))).Descendants("item").Select(i => i.Element("link")!.Value).ShouldNotContain($"{ContentClient.BaseUrl}/news/2026/{slug}");
        XDocument.Parse(await app.Client().GetStringAsync(new Uri("/policies/feed.atom", UriKind.Relative))).Root!.Name.ShouldBe(atom + "feed");
        (await app.Client().GetAsync(new Uri("/news/feed.atom?category=Nope", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unpublish_PublishedItem_GoneFromThePublicAndWithdrawnOnTheOutbox()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        var slug = ContentClient.Slug("withdrawn");
        var id = await officer.CreateAsync("Page", "撤下测试", slug, "<p>正文</p>");
        await officer.ThroughReviewAsync(admin, id, levels: 1);
        (await app.Client().GetAsync(new Uri($"/pages/{slug}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await admin.PublishAsync(id, "Unpublish");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Client().GetAsync(new Uri($"/pages/{slug}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = app.Scope();
        var messages = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<OutboxMessage>().Where(m => m.Topic == ContentTopics.Withdrawn).ToListAsync();
        messages.Select(m => JsonSerializer.Deserialize<ContentChanged>(m.Payload, JsonSerializerOptions.Web)!.Id).ShouldContain(id);
    }

    [Fact]
    public async Task Delete_AfterConfirmation_RemovesTheItemAndIsAudited()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await officer.CreateAsync("Page", "待删除", ContentClient.Slug("delete"), "<p>正文</p>");
        (await officer.GetDocumentAsync($"/Content/Admin/Items/Delete/{id}")).QuerySelector("[data-testid=delete-confirm]")!.TextContent.ShouldContain("待删除");

        using var response = await officer.SubmitFormAsync($"/Content/Admin/Items/Delete/{id}", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        (await db.Set<ContentItem>().AnyAsync(i => i.Id == id)).ShouldBeFalse();
        (await db.Set<ContentVersion>().AnyAsync(v => v.ItemId == id)).ShouldBeFalse();
        (await db.Set<AuditEntry>().AnyAsync(a => a.Action == "content.deleted" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBeTrue();
    }

    [Fact]
    public async Task Policy_MissingRequiredFieldsAndBadReference_ShowsLocalizedErrorsAndSavesNothing()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var slug = ContentClient.Slug("invalid");
        using var response = await officer.SubmitFormAsync("/Content/Admin/Items/Edit?type=Policy", new Dictionary<string, string>
        {
            ["Input.Title"] = "缺字段的政策",
            ["Input.Slug"] = slug,
            ["Parts[policy.writtenOn]"] = "not-a-date",
            ["Parts[policy.replacedBy]"] = "999999",
            ["Parts[policy.attachments]"] = "附件 | javascript:alert(1)",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await ContentClient.ErrorsAsync(response);
        errors.ShouldContain("文号");
        errors.ShouldContain("成文日期");
        errors.ShouldContain("替代的政策");
        errors.ShouldContain("附件");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<ContentItem>().AnyAsync(i => i.Slug == slug)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/Content/Admin")]
    [InlineData("/Content/Admin/Items")]
    [InlineData("/Content/Admin/Items/Edit?type=Page")]
    [InlineData("/Content/Admin/Items/Review")]
    public async Task AdminPage_Anonymous_RedirectsToSignIn(string url)
    {
        using var response = await app.Client().GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    /// <summary>Who may open which page (GET) and fire which handler (POST): 信息员 writes; officers review, publish and delete.</summary>
    [Fact]
    public async Task PermissionMatrix_EveryPageAndHandler_ByRole()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var id = await officer.CreateAsync("Page", "权限矩阵", ContentClient.Slug("matrix"), "<p>正文</p>");
        await officer.SubmitAsync(id);
        var pages = new[]
        {
            "/Content/Admin", "/Content/Admin/Items", "/Content/Admin/Items/Edit?type=Page", $"/Content/Admin/Items/Edit/{id}",
            $"/Content/Admin/Items/Versions/{id}", $"/Content/Admin/Items/Preview/{id}",
            "/Content/Admin/Items/Review", $"/Content/Admin/Items/Review/{id}", $"/Content/Admin/Items/Publish/{id}", $"/Content/Admin/Items/Delete/{id}",
        };
        var writerPages = pages.Take(6).ToHashSet();
        var expected = new Dictionary<(string Email, string Password), Func<string, HttpStatusCode>>
        {
            [TestAccounts.Applicant] = _ => HttpStatusCode.Forbidden,
            [TestAccounts.Reviewer] = _ => HttpStatusCode.Forbidden,
            [TestAccounts.Editor] = url => writerPages.Contains(url) ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            [TestAccounts.Officer] = _ => HttpStatusCode.OK,
            [TestAccounts.Admin] = _ => HttpStatusCode.OK,
        };
        foreach (var (account, status) in expected)
        {
            var client = await app.SignedInClientAsync(account);
            foreach (var url in pages)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                response.StatusCode.ShouldBe(status(url), $"{account.Email} GET {url}");
            }
        }

        // Handlers: the editor holds a token (from a page it may open) but not the permission of the page it posts to.
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var token = await editor.ReadFormAsync("/Content/Admin/Items/Edit?type=Page");
        foreach (var (url, handler) in new[] { ($"/Content/Admin/Items/Review/{id}", "Approve"), ($"/Content/Admin/Items/Review/{id}", "Return"), ($"/Content/Admin/Items/Publish/{id}", "Publish"), ($"/Content/Admin/Items/Publish/{id}", "Schedule"), ($"/Content/Admin/Items/Publish/{id}", "Unpublish"), ($"/Content/Admin/Items/Publish/{id}", "Archive"), ($"/Content/Admin/Items/Delete/{id}", "") })
        {
            using var response = await editor.PostFormAsync(token with { Action = url }, new Dictionary<string, string> { ["Reason"] = "x" }, handler.Length == 0 ? null : handler);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"editor POST {url} {handler}");
        }

        // The editor may not edit, submit or restore an officer's item (EditAny).
        foreach (var handler in new[] { "", "Submit" })
        {
            using var response = await editor.PostFormAsync(token with { Action = $"/Content/Admin/Items/Edit/{id}" }, new Dictionary<string, string> { ["version"] = "1" }, handler.Length == 0 ? null : handler);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"editor POST edit {handler}");
        }

        using (var restore = await editor.PostFormAsync(token with { Action = $"/Content/Admin/Items/Versions/{id}" }, new Dictionary<string, string> { ["number"] = "1", ["version"] = "1" }, "Restore"))
        {
            restore.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.ItemAsync(id)).State.ShouldBe(ContentState.Submitted);
    }

    [Fact]
    public async Task Preview_Draft_ShowsThePublicRenderingWhileThePublicGetsNotFound()
    {
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var slug = ContentClient.Slug("preview");
        var id = await editor.CreateAsync("Page", "预览页面", slug, "<h2>小标题</h2><p>正文</p>");

        var preview = await editor.GetDocumentAsync($"/Content/Admin/Items/Preview/{id}");

        preview.QuerySelector("[data-testid=preview-banner]").ShouldNotBeNull();
        preview.QuerySelector("[data-testid=content-item] h1")!.TextContent.ShouldBe("预览页面");
        preview.QuerySelector("[data-testid=content-body] h2")!.TextContent.ShouldBe("小标题");
        (await app.Client().GetAsync(new Uri($"/pages/{slug}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdminList_FiltersAndEmptyState()
    {
        var editor = await app.SignedInClientAsync(TestAccounts.Editor);
        var slug = ContentClient.Slug("list");
        await editor.CreateAsync("Page", "列表里的草稿 " + slug, slug, "<p>正文</p>");

        var drafts = await editor.GetDocumentAsync("/Content/Admin/Items?type=Page&state=Draft&culture=zh-CN");
        drafts.QuerySelector("[data-testid=items]")!.TextContent.ShouldContain(slug);
        var archivedEnglish = await editor.GetDocumentAsync("/Content/Admin/Items?type=Policy&state=Archived&culture=en");
        archivedEnglish.QuerySelector("[data-testid=items-empty]").ShouldNotBeNull();
        (await editor.GetDocumentAsync("/Content/Admin/Items?p=abc&state=Bogus")).QuerySelector("h1").ShouldNotBeNull();
    }

    /// <summary>The demo recipe's content step: pages in both languages, news and the regulations with their 文号; a rerun adds nothing.</summary>
    [Fact]
    public async Task DemoRecipe_ContentStep_LoadsOnceAndItsPagesAnswer()
    {
        var recipes = Path.Combine(AppContext.BaseDirectory, "Recipes");
        using var demo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(recipes, "demo.recipe.json")));
        var steps = demo.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "content").ToList();
        steps.Count.ShouldBe(1);
        var path = Path.Combine(recipes, $"demo-content-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { name = "demo-content", description = "The demo's content.", steps }));
        int[] counts = [0, 0];
        try
        {
            for (var run = 0; run < 2; run++)
            {
                await using var scope = app.Scope();
                await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(path, CancellationToken.None);
                counts[run] = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<ContentItem>().CountAsync(i => i.CreatedBy == "system");
            }
        }
        finally
        {
            File.Delete(path);
        }

        counts[1].ShouldBe(counts[0]);
        counts[0].ShouldBeGreaterThanOrEqualTo(18);
        var policy = await app.Client().GetDocumentAsync("/policies/shetuan-dengji-tiaoli");
        policy.QuerySelector("[data-field=docNumber]")!.TextContent.ShouldContain("国务院令第250号");
        policy.QuerySelector("[data-field=validity]")!.TextContent.ShouldBe("现行有效");
        var repealed = await app.Client().GetDocumentAsync("/policies/shetuan-dengji-tiaoli-1989");
        repealed.QuerySelector("[data-field=validity]")!.TextContent.ShouldBe("已废止");
        repealed.QuerySelector("[data-testid=replaced-by]")!.GetAttribute("href").ShouldBe("/policies/shetuan-dengji-tiaoli");
        foreach (var url in new[] { "/pages/about", "/pages/functions", "/pages/contact", "/news", "/news?category=Work", "/policies", "/policies/jijinhui-guanli-tiaoli" })
        {
            (await app.Client().GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        (await app.Client().GetDocumentAsync("/pages/about?culture=en")).QuerySelector("[data-testid=content-item] h1")!.TextContent.ShouldBe("About us");
    }
}

public sealed class ContentTestsOnSqlite(ContentSqliteApp app) : ContentTests<ContentSqliteApp>(app), IClassFixture<ContentSqliteApp>;

public sealed class ContentTestsOnPostgreSql(ContentPostgreSqlApp app) : ContentTests<ContentPostgreSqlApp>(app), IClassFixture<ContentPostgreSqlApp>;
