using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Content.Services.Site;
using Registry.Core.Auditing;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Content;

/// <summary>Menus, footer settings and the composed home page over HTTP, on each provider.</summary>
/// <remarks>Tests of one class share one app and run one after another; each leaves the menus as it found them or checks only what it set.</remarks>
public abstract class SiteTests<TApp>(TApp app)
    where TApp : SiteApp
{
    [Theory]
    [MemberData(nameof(SitePages.Admin), MemberType = typeof(SitePages))]
    public async Task AdminPage_Anonymous_RedirectsToSignIn(string url)
    {
        using var response = await app.Client().GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Theory]
    [MemberData(nameof(SitePages.Admin), MemberType = typeof(SitePages))]
    public async Task AdminPage_ApplicantAndReviewer_AreForbidden(string url)
    {
        foreach (var account in new[] { TestAccounts.Applicant, TestAccounts.Reviewer })
        {
            var client = await app.SignedInClientAsync(account);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(SitePages.Admin), MemberType = typeof(SitePages))]
    public async Task AdminPage_OfficerAndAdmin_AreAdmitted(string url)
    {
        foreach (var account in new[] { TestAccounts.Officer, TestAccounts.Admin })
        {
            var client = await app.SignedInClientAsync(account);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("/Content/Admin/Site/Menus?name=main&handler=Customize")]
    [InlineData("/Content/Admin/Site/Menus?name=main&handler=Move")]
    [InlineData("/Content/Admin/Site/Menus?name=main&handler=Delete")]
    [InlineData("/Content/Admin/Site/Menus?name=main&handler=Reset")]
    [InlineData("/Content/Admin/Site/Menus/Edit?name=main")]
    [InlineData("/Content/Admin/Site/Home")]
    [InlineData("/Content/Admin/Site/Settings")]
    public async Task AdminHandler_ApplicantWithValidToken_IsForbiddenAndChangesNothing(string url)
    {
        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        // A real anti-forgery token of the applicant's session (from a page every user can open), so only the permission decides.
        var form = await applicant.ReadFormAsync("/", "form[action='/Account/Logout']");
        var before = await CountAsync<AuditEntry>(a => a.Action.StartsWith("Content."));

        using var response = await applicant.PostFormAsync(form with { Action = url }, new Dictionary<string, string> { ["version"] = "0", ["id"] = "1", ["direction"] = "1" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync<AuditEntry>(a => a.Action.StartsWith("Content."))).ShouldBe(before);
    }

    [Fact]
    public async Task AdminHandler_WithoutAntiforgeryToken_IsRefused()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Sponsor"] = "伪造" });

        using var response = await officer.PostAsync(new Uri("/Content/Admin/Site/Settings", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HomePage_EmptyStore_ShowsZonesFiguresAndNoEmptyLists()
    {
        using var response = await app.Client().GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-testid=home-banner] h1").ShouldNotBeNull();
        page.QuerySelector("[data-testid=figure-registered] dd")!.TextContent.ShouldBe("0");
        page.QuerySelector("[data-testid=figure-graded]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=figure-funded]").ShouldNotBeNull();
        page.QuerySelectorAll("[data-testid=home-services] a").Select(a => a.GetAttribute("href")).ShouldBe(["/Organizations/Guide", "/Inspections/My", "/Ratings", "/Grants"]);
        page.QuerySelector("[data-testid=home-directory] form")!.GetAttribute("action").ShouldBe("/Directory");
        page.QuerySelector("a[href='/Account/Register']").ShouldNotBeNull();
    }

    [Fact]
    public async Task HomePage_English_ShowsEnglishZoneTitles()
    {
        var client = await EnglishClientAsync();

        var page = await client.GetDocumentAsync("/");

        // Another test renames the zone in Chinese only: the English title stays the default.
        page.QuerySelector("#zone-quickservices")!.TextContent.ShouldBe("Online services");
    }

    [Fact]
    public async Task HomePage_PublishedPolicyAndNotice_AreListedInTheirZones()
    {
        app.Content.Publish(new ContentSummary(9001, "Policy", null, "社会组织信用信息管理办法", null, "/policies/credit-measures", DateTime.UtcNow, null, "zh-CN"));
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Registry.Notices.Contracts.INoticePublisher>().PublishAsync(
                new Registry.Notices.Contracts.NoticeDraft("Tests", Guid.NewGuid().ToString("N"), "关于开展2026年度社会组织年检工作的通知", Registry.Notices.Contracts.NoticeKind.Announcement, "请按时提交年报。"), CancellationToken.None);
            // Publishing moves every node's site cache on through the change feed; this node's is moved at once.
            scope.ServiceProvider.GetRequiredService<SiteCache>().Invalidate();
        }

        var page = await app.Client().GetDocumentAsync("/");

        page.QuerySelector("[data-testid=home-policies] a[href='/policies/credit-measures']")!.TextContent.ShouldBe("社会组织信用信息管理办法");
        page.QuerySelectorAll("[data-testid=home-notices] li a").Select(a => a.TextContent).ShouldContain("关于开展2026年度社会组织年检工作的通知");
    }

    [Fact]
    public async Task Menu_OfficerCustomizesAndAddsEntries_HeaderShowsThemInBothLanguagesAndAudits()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        await EnsureCustomizedAsync(officer, "footer");
        app.Content.Publish(new ContentSummary(9101, "Page", null, "联系我们", null, "/pages/contact", DateTime.UtcNow, null, "zh-CN"));

        using (var saved = await officer.SubmitFormAsync("/Content/Admin/Site/Menus/Edit?name=footer", new Dictionary<string, string>
        {
            ["Input.LabelZh"] = "联系我们",
            ["Input.LabelEn"] = "Contact us",
            ["Input.Kind"] = "Content",
            ["Input.ContentId"] = "9101",
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var saved = await officer.SubmitFormAsync("/Content/Admin/Site/Menus/Edit?name=footer", new Dictionary<string, string>
        {
            ["Input.LabelZh"] = "中华人民共和国民政部",
            ["Input.LabelEn"] = "Ministry of Civil Affairs",
            ["Input.Kind"] = "External",
            ["Input.Url"] = "https://www.mca.gov.cn/",
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var zh = await app.Client().GetDocumentAsync("/Notices");
        var links = zh.QuerySelectorAll("[data-testid=menu-footer] a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        links.ShouldContain(("联系我们", "/pages/contact"));
        links.ShouldContain(("中华人民共和国民政部", "https://www.mca.gov.cn/"));
        var english = await EnglishClientAsync();
        (await english.GetDocumentAsync("/Notices")).QuerySelectorAll("[data-testid=menu-footer] a").Select(a => a.TextContent).ShouldContain("Contact us");
        (await CountAsync<AuditEntry>(a => a.Action == "Content.Site.MenuItemAdded" && a.EntityId == "footer")).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Menu_MainNotCustomized_ShowsTheModulesEntriesAndOnceEditedTheMenuRules()
    {
        var before = await app.Client().GetDocumentAsync("/");
        before.QuerySelector("[data-testid=menu-main] a[href='/Directory']").ShouldNotBeNull();
        before.QuerySelector("[data-testid=menu-main] a[href='/Notices']").ShouldNotBeNull();

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        await EnsureCustomizedAsync(officer, "main");
        var menuPage = await officer.GetDocumentAsync("/Content/Admin/Site/Menus?name=main");
        var noticesRow = menuPage.QuerySelectorAll("[data-testid^=menu-item-]").First(r => r.TextContent.Contains("/Notices", StringComparison.Ordinal));
        var deleteForm = menuPage.ReadForm("/Content/Admin/Site/Menus?name=main", $"[data-testid={noticesRow.GetAttribute("data-testid")}] form[action*='handler=Delete']");
        using (var deleted = await officer.PostFormAsync(deleteForm, new Dictionary<string, string>()))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var after = await app.Client().GetDocumentAsync("/");
        after.QuerySelector("[data-testid=menu-main] a[href='/Directory']").ShouldNotBeNull();
        after.QuerySelector("[data-testid=menu-main] a[href='/Notices']").ShouldBeNull();

        // Back to the modules' entries: the header is as it was.
        var resetForm = (await officer.GetDocumentAsync("/Content/Admin/Site/Menus?name=main")).ReadForm("/Content/Admin/Site/Menus?name=main", "form[action*='handler=Reset']");
        using (var reset = await officer.PostFormAsync(resetForm, new Dictionary<string, string>()))
        {
            reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await app.Client().GetDocumentAsync("/")).QuerySelector("[data-testid=menu-main] a[href='/Notices']").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("External", "javascript:alert(1)")]
    [InlineData("ModulePage", "//evil.example/")]
    public async Task Menu_UnsafeUrl_IsRefusedWithALocalizedMessage(string kind, string url)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        await EnsureCustomizedAsync(officer, "footer");

        using var response = await officer.SubmitFormAsync("/Content/Admin/Site/Menus/Edit?name=footer", new Dictionary<string, string>
        {
            ["Input.LabelZh"] = "恶意链接",
            ["Input.LabelEn"] = "Bad",
            ["Input.Kind"] = kind,
            ["Input.Url"] = url,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await response.ParseAsync()).QuerySelector("[data-testid=menu-errors]")!.TextContent;
        errors.ShouldContain(kind == "External" ? "http://" : "/Directory");
        (await app.Client().GetStringAsync(new Uri("/", UriKind.Relative))).ShouldNotContain(url);
    }

    [Fact]
    public async Task Menu_StaleForm_IsRefusedAsAConflict()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        await EnsureCustomizedAsync(officer, "footer");
        var stale = await officer.ReadFormAsync("/Content/Admin/Site/Menus/Edit?name=footer");
        using (var first = await officer.SubmitFormAsync("/Content/Admin/Site/Menus/Edit?name=footer", new Dictionary<string, string>
        {
            ["Input.LabelZh"] = "浙江省民政厅", ["Input.LabelEn"] = "Zhejiang Civil Affairs", ["Input.Kind"] = "External", ["Input.Url"] = "https://mzt.zj.gov.cn/",
        }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await officer.PostFormAsync(stale, new Dictionary<string, string>
        {
            ["Input.LabelZh"] = "过期表单", ["Input.LabelEn"] = "Stale", ["Input.Kind"] = "External", ["Input.Url"] = "https://www.example.cn/",
        });

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldContain("该记录已被他人修改");
        (await app.Client().GetStringAsync(new Uri("/", UriKind.Relative))).ShouldNotContain("过期表单");
    }

    [Fact]
    public async Task FooterSettings_Saved_AreShownWithTheIcpLinkAndAudited()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var saved = await officer.SubmitFormAsync("/Content/Admin/Site/Settings", new Dictionary<string, string>
        {
            ["Input.Sponsor"] = "宁波市海曙区民政局",
            ["Input.Organizer"] = "海曙区社会组织服务中心",
            ["Input.Telephone"] = "0574-87654321",
            ["Input.IcpNumber"] = "浙ICP备05012345号-1",
            ["Input.PublicSecurityNumber"] = "浙公网安备 33020302000123号",
            ["Input.SiteCode"] = "3302030001",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await app.Client().GetDocumentAsync("/Directory");
        page.QuerySelector("[data-testid=footer-sponsor]")!.TextContent.ShouldContain("宁波市海曙区民政局");
        var icp = page.QuerySelector("[data-testid=footer-icp]")!;
        icp.TextContent.ShouldBe("浙ICP备05012345号-1");
        icp.GetAttribute("href").ShouldBe("https://beian.miit.gov.cn/");
        page.QuerySelector("[data-testid=footer-site-code]")!.TextContent.ShouldContain("3302030001");
        (await CountAsync<AuditEntry>(a => a.Action == "Content.Site.FooterChanged")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task FooterSettings_BadTelephone_IsRefusedAndNothingSaved()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.SubmitFormAsync("/Content/Admin/Site/Settings", new Dictionary<string, string> { ["Input.Telephone"] = "<script>alert(1)</script>" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=settings-errors]")!.TextContent.ShouldContain("电话");
    }

    [Fact]
    public async Task HomeZones_OfficerHidesNewsAndRenamesServices_HomePageFollows()
    {
        app.Content.Publish(new ContentSummary(9201, "Article", "工作动态", "区民政局召开社会组织年检工作部署会", null, "/news/2026/inspection-meeting", DateTime.UtcNow, null, "zh-CN"));
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<SiteCache>().Invalidate();
        }

        (await app.Client().GetDocumentAsync("/")).QuerySelector("[data-testid=home-news] a[href='/news/2026/inspection-meeting']").ShouldNotBeNull();
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var form = await officer.ReadFormAsync("/Content/Admin/Site/Home");
        var zones = form.Values.Where(v => v.Key.EndsWith("].Kind", StringComparison.Ordinal)).ToDictionary(v => v.Value, v => v.Key[..^"Kind".Length]);
        form = form with { Values = form.Values.Where(v => v.Key != zones["News"] + "Enabled").ToDictionary() };

        using var saved = await officer.PostFormAsync(form, new Dictionary<string, string>
        {
            [zones["QuickServices"] + "TitleZh"] = "网上办事",
            [zones["QuickServices"] + "Order"] = "1",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await app.Client().GetDocumentAsync("/");
        page.QuerySelector("[data-testid=home-news]").ShouldBeNull();
        page.QuerySelector("#zone-quickservices")!.TextContent.ShouldBe("网上办事");
        page.QuerySelector(".home-zones > section")!.GetAttribute("data-testid").ShouldBe("home-services");
        (await CountAsync<AuditEntry>(a => a.Action == "Content.Home.Changed")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task HomeZones_CountOutOfRange_IsRefused()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var form = await officer.ReadFormAsync("/Content/Admin/Site/Home");
        var countField = form.Values.Keys.First(k => k.EndsWith("].Count", StringComparison.Ordinal));

        using var response = await officer.PostFormAsync(form, new Dictionary<string, string> { [countField] = "500" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=home-errors]")!.TextContent.ShouldContain("20");
    }

    private async Task<HttpClient> EnglishClientAsync()
    {
        var client = app.Client();
        using var switched = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en" }, "form.lang-switch");
        return client;
    }

    private static async Task EnsureCustomizedAsync(HttpClient officer, string name)
    {
        var page = await officer.GetDocumentAsync($"/Content/Admin/Site/Menus?name={name}");
        if (page.QuerySelector("[data-testid=menu-customize]") is null)
        {
            return;
        }

        using var response = await officer.PostFormAsync(page.ReadForm($"/Content/Admin/Site/Menus?name={name}", "form[action*='handler=Customize']"), new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private async Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate)
        where T : class
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<T>().CountAsync(predicate);
    }
}

/// <summary>Every back-office page of the site's shape (all need <c>Content.ManageSite</c>).</summary>
public static class SitePages
{
    public static TheoryData<string> Admin => new()
    {
        "/Content/Admin/Site",
        "/Content/Admin/Site/Menus?name=main",
        "/Content/Admin/Site/Menus?name=footer",
        "/Content/Admin/Site/Home",
        "/Content/Admin/Site/Settings",
    };
}

public sealed class SiteTestsOnSqlite(SqliteSiteApp app) : SiteTests<SqliteSiteApp>(app), IClassFixture<SqliteSiteApp>;

public sealed class SiteTestsOnPostgreSql(PostgreSqlSiteApp app) : SiteTests<PostgreSqlSiteApp>(app), IClassFixture<PostgreSqlSiteApp>;
