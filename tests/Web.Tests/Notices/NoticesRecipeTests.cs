using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Localization;
using Registry.Core.Recipes;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Notices;

/// <summary>The "notices" recipe step, run on the demo data proposed for Recipes/demo.recipe.json.</summary>
public sealed class NoticesRecipeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Recipe = """
        {
          "name": "notices-demo-test",
          "description": "The notices step as proposed for demo.recipe.json.",
          "steps": [
            {
              "name": "notices",
              "notices": [
                {
                  "title": "2026年度海曙区社会组织等级评估结果公示",
                  "kind": "RatingResult",
                  "periodStart": "-2",
                  "periodEnd": "+5",
                  "acceptsObjections": true,
                  "body": [
                    "根据《社会组织评估管理办法》和《宁波市海曙区社会组织评估实施方案》，经社会组织自评、评估专家组实地评估、区社会组织评估委员会审定，拟确定以下社会组织的评估等级，现予以公示。",
                    "",
                    "## 拟评定等级名单",
                    "",
                    "| 序号 | 社会组织名称 | 拟评定等级 |",
                    "|---|---|---|",
                    "| 1 | 宁波市海曙区阳光助老服务中心 | 4A |",
                    "| 2 | 宁波市海曙区心桥社会工作服务中心 | 4A |",
                    "| 3 | 宁波市海曙区书香社区读书会 | 3A |",
                    "",
                    "## 异议方式",
                    "",
                    "公示期内，任何单位和个人对公示结果有异议的，可在本页面在线提出，或以书面形式向海曙区民政局社会组织管理科反映。以单位名义提出的须加盖公章，以个人名义提出的须署真实姓名并提供联系方式。",
                    "",
                    "联系电话：0574-87000000"
                  ]
                },
                {
                  "title": "海曙区第五届公益创投入围项目公示",
                  "kind": "VentureShortlist",
                  "periodStart": "-12",
                  "periodEnd": "-6",
                  "acceptsObjections": true,
                  "attachments": ["海曙区第五届公益创投入围项目名单.pdf"],
                  "body": [
                    "经资格审查、专家评审，共有20个项目入围海曙区第五届公益创投活动，拟资助总金额80万元，单个项目资助不超过5万元。入围项目名单见附件，现予以公示。",
                    "",
                    "公示期满无异议的，将签订项目协议并按进度分期拨付资助资金。"
                  ]
                },
                {
                  "title": "关于开展2025年度社会组织年检工作的通知",
                  "kind": "Announcement",
                  "publishedOn": "-30",
                  "body": [
                    "各社会团体、民办非企业单位：",
                    "",
                    "根据《社会团体登记管理条例》《民办非企业单位登记管理暂行条例》，现就2025年度社会组织年检工作通知如下：",
                    "",
                    "1. **年检对象**：2025年12月31日前在海曙区民政局登记的社会团体、民办非企业单位（2025年7月1日以后成立的除外）。",
                    "2. **报送时间**：2026年3月31日前报业务主管单位初审，5月31日前报送区民政局。",
                    "3. **报送材料**：年度工作报告书、财务审计报告及其他需要说明的材料。",
                    "",
                    "未按规定参加年检的，将依法列入活动异常名录。"
                  ]
                },
                {
                  "title": "2024年度海曙区社会组织年检结果公告",
                  "kind": "InspectionResult",
                  "publishedOn": "-200",
                  "body": [
                    "2024年度全区共有277家社会组织参加年检，其中年检合格242家，基本合格18家，不合格17家。",
                    "",
                    "年检基本合格、不合格的社会组织应在规定期限内完成整改。"
                  ]
                },
                {
                  "title": "社会组织信用信息管理办法",
                  "kind": "Policy",
                  "publishedOn": "-400",
                  "body": [
                    "《社会组织信用信息管理办法》已经2018年1月12日民政部部务会议通过，自公布之日起施行。",
                    "",
                    "全文见[民政部网站](https://www.mca.gov.cn/)。"
                  ]
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public async Task NoticesStep_RunTwice_CreatesEachNoticeOnceWithRelativeDates()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("notices-recipe-");
        try
        {
            var path = Path.Combine(directory.FullName, "notices.recipe.json");
            await File.WriteAllTextAsync(path, Recipe);
            for (var run = 0; run < 2; run++)
            {
                await using var scope = app.Scope();
                await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(path, CancellationToken.None);
            }

            await using var check = app.Scope();
            var db = check.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var notices = await db.Set<Notice>().Include(n => n.Attachments).ToListAsync();
            notices.Count(n => n.Title.StartsWith("2026年度海曙区社会组织等级评估结果公示", StringComparison.Ordinal)).ShouldBe(1);
            notices.Count.ShouldBe(5);
            notices.ShouldAllBe(n => n.Status == NoticeStatus.Published && n.PublishedAt != null);
            var today = ChinaTime.Today(TimeProvider.System);
            var rating = notices.Single(n => n.Kind == NoticeKind.RatingResult);
            rating.IsOpenForObjections(today).ShouldBeTrue();
            var shortlist = notices.Single(n => n.Kind == NoticeKind.VentureShortlist);
            shortlist.PeriodOn(today).ShouldBe(PeriodState.Ended);
            shortlist.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("海曙区第五届公益创投入围项目名单.pdf");
            notices.Single(n => n.Kind == NoticeKind.Policy).PublishedAt!.Value.ShouldBeLessThan(DateTime.UtcNow.AddDays(-300));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NoticesStep_UnknownKindAndBadDate_FailsTheRecipeWithBothErrors()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("notices-recipe-");
        try
        {
            var path = Path.Combine(directory.FullName, "bad.recipe.json");
            await File.WriteAllTextAsync(path, """
                { "name": "bad", "steps": [ { "name": "notices", "notices": [
                  { "title": "坏类别", "kind": "Gossip" },
                  { "title": "坏日期", "kind": "Policy", "periodStart": "下周一", "periodEnd": "+3" }
                ] } ] }
                """);
            await using var scope = app.Scope();

            var failure = await Should.ThrowAsync<RecipeFailedException>(() => scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(path, CancellationToken.None));

            failure.Errors.Count.ShouldBe(2);
            failure.Errors.ShouldContain(e => e.Contains("Gossip", StringComparison.Ordinal));
            failure.Errors.ShouldContain(e => e.Contains("坏日期", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
