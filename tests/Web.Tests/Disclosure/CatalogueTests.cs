using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Core.Outbox;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;
using Registry.Notices.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Disclosure;

/// <summary>The disclosure catalogue (政府信息公开目录, 条例 第二十条) on each provider: index numbers, the header, sources, filters.</summary>
public abstract class CatalogueTests<TApp>(TApp app)
    where TApp : AppFixture
{
    private const string SeedHeader = "索引号 002943993/2016-61430 | 组配分类 计划总结 | 发布机构 区民政局 | 发文日期 2016-01-06 | 公开方式 主动公开 | 公开范围 面向全社会";

    [Fact]
    public async Task Header_ImportedSeedEntry_RendersExactlyLikeTheSeed()
    {
        await WithCatalogueAsync(c => c.PublishAsync(new CatalogueEntry("Tests", "seed-2015-summary", "区民政局2015年工作总结和2016年工作思路", "计划总结", "/news", new DateOnly(2016, 1, 6), "区民政局"), "002943993/2016-61430", null, CancellationToken.None));

        var page = await app.Client().GetDocumentAsync("/Disclosure?year=2016");

        var entry = page.QuerySelector("[data-index='002943993/2016-61430']")!;
        entry.QuerySelector("[data-testid=catalogue-header]")!.TextContent.ShouldBe(SeedHeader);
        entry.QuerySelector("h3 a")!.GetAttribute("href").ShouldBe("/news");
        page.QuerySelector("[data-testid=guide] a[href='/Disclosure/Request']").ShouldNotBeNull();
    }

    [Fact]
    public async Task IndexNumber_ConcurrentPublishing_EachEntryGetsItsOwnNumberNeverReused()
    {
        // A year no other test uses, so the numbers start at 1.
        var year = app.Kind == DatabaseKind.Sqlite ? 2031 : 2032;
        var numbers = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            WithCatalogueAsync(c => c.PublishAsync(new CatalogueEntry("Tests", $"concurrent-{year}-{i}", $"并发发布{i}", "公示公告", $"/Notices/{i}", new DateOnly(year, 3, 2)), CancellationToken.None))));

        numbers.Distinct().Count().ShouldBe(12);
        numbers.Order().ShouldBe(Enumerable.Range(1, 12).Select(i => string.Create(CultureInfo.InvariantCulture, $"002943993/{year}-{i:00000}")));

        await WithCatalogueAsync(async c =>
        {
            await c.WithdrawAsync("Tests", $"concurrent-{year}-3", CancellationToken.None);
            return 0;
        });
        var next = await WithCatalogueAsync(c => c.PublishAsync(new CatalogueEntry("Tests", $"concurrent-{year}-13", "撤下后新发布", "公示公告", "/Notices/13", new DateOnly(year, 3, 3)), CancellationToken.None));
        next.ShouldBe($"002943993/{year}-00013", "a withdrawn entry's number is never given again");
        var again = await WithCatalogueAsync(c => c.PublishAsync(new CatalogueEntry("Tests", $"concurrent-{year}-3", "并发发布3（更正）", "公示公告", "/Notices/3", new DateOnly(year, 3, 2)), CancellationToken.None));
        // Task.WhenAll keeps the order of its tasks: entry 3's number is the third, whatever order the numbers were drawn in.
        again.ShouldBe(numbers[2], "republishing keeps the entry's number");
    }

    [Fact]
    public async Task Sources_PolicyFromContentAndNoticeFromNotices_BecomeEntriesWithoutTheirText()
    {
        var policyId = Random.Shared.Next(100_000, 900_000);
        var changed = new ContentChanged(policyId, "Policy", null, "zh-CN", "社会团体登记管理条例", "第一条 为了保障公民的结社自由……", $"/policies/p{policyId}", new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc));
        await using (var scope = app.Scope())
        {
            var consumer = scope.ServiceProvider.GetServices<IOutboxConsumer>().Single(c => c.Name == "disclosure-catalogue-policies");
            await consumer.HandleAsync(new OutboxMessage { Topic = ContentTopics.Published, Payload = System.Text.Json.JsonSerializer.Serialize(changed) }, CancellationToken.None);
        }

        var title = $"社会组织等级评估结果公示{Guid.NewGuid().ToString("N")[..8]}";
        int noticeId;
        await using (var scope = app.Scope())
        {
            noticeId = await scope.ServiceProvider.GetRequiredService<INoticePublisher>().PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), title, NoticeKind.RatingResult, "拟评定等级如下。"), CancellationToken.None);
        }

        // The catalogue learns of the notice from the notices change feed.
        var key = noticeId.ToString(CultureInfo.InvariantCulture);
        await app.DispatchUntilAsync(async () =>
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<CatalogueItem>().AnyAsync(i => i.SourceModule == "Notices" && i.SourceKey == key);
        }, "the published notice is in the catalogue");

        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var policy = await db.Set<CatalogueItem>().SingleAsync(i => i.SourceModule == "Content" && i.SourceKey == policyId.ToString(CultureInfo.InvariantCulture));
        policy.Category.ShouldBe("政策法规");
        policy.Url.ShouldBe($"/policies/p{policyId}");
        var notice = await db.Set<CatalogueItem>().SingleAsync(i => i.SourceModule == "Notices" && i.SourceKey == noticeId.ToString(CultureInfo.InvariantCulture));
        notice.Category.ShouldBe("公示公告");
        notice.Title.ShouldBe(title);
        var page = await app.Client().GetStringAsync(new Uri("/Disclosure?category=" + Uri.EscapeDataString("公示公告"), UriKind.Relative));
        page.ShouldContain(title);
        page.ShouldNotContain("拟评定等级如下", Case.Sensitive, "the catalogue links to the notice, it does not copy it");
        (await app.Client().GetStringAsync(new Uri("/Disclosure?category=" + Uri.EscapeDataString("政策法规"), UriKind.Relative))).ShouldNotContain(title);
    }

    [Fact]
    public async Task Catalogue_FiltersAndSearch_ShowExactlyTheMatchingEntries()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await WithCatalogueAsync(c => c.PublishAsync(new CatalogueEntry("Tests", $"filter-a-{marker}", $"行政许可事项{marker}", "行政许可", "/Organizations/Guide", new DateOnly(2025, 5, 1), "区民政局"), CancellationToken.None));
        await WithCatalogueAsync(c => c.PublishAsync(new CatalogueEntry("Tests", $"filter-b-{marker}", $"行政处罚决定{marker}", "行政处罚", "/Notices", new DateOnly(2024, 5, 1), "区社会组织服务中心"), CancellationToken.None));

        var byCategory = await app.Client().GetDocumentAsync($"/Disclosure?q={marker}&category=" + Uri.EscapeDataString("行政许可"));
        byCategory.QuerySelectorAll("[data-testid=catalogue] li").Select(li => li.QuerySelector("h3")!.TextContent).ShouldBe([$"行政许可事项{marker}"]);
        var byYear = await app.Client().GetDocumentAsync($"/Disclosure?q={marker}&year=2024");
        byYear.QuerySelectorAll("[data-testid=catalogue] li").Select(li => li.QuerySelector("h3")!.TextContent).ShouldBe([$"行政处罚决定{marker}"]);
        var byPublisher = await app.Client().GetDocumentAsync($"/Disclosure?q={marker}&publisher=" + Uri.EscapeDataString("区社会组织服务中心"));
        byPublisher.StatedTotal().ShouldBe(1);
        (await app.Client().GetDocumentAsync("/Disclosure?year=abc&category=<script>")).StatedTotal().ShouldBe(0);
    }

    private async Task<T> WithCatalogueAsync<T>(Func<CatalogueService, Task<T>> action)
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<CatalogueService>());
    }
}

public sealed class CatalogueTestsOnSqlite(SqliteApp app) : CatalogueTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CatalogueTestsOnPostgreSql(PostgreSqlApp app) : CatalogueTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;
