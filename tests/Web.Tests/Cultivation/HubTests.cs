using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Notifications;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;
using Registry.Directory.Contracts;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Cultivation;

/// <summary>
/// The demo register with two hubs of known membership (test-cultivation recipe): 老年协会 for 养老 with four members, three
/// of them among the five other active 养老 organizations; the federation for 鼓楼街道 with two of that street's five others.
/// </summary>
public abstract class CultivationApp(DatabaseKind kind) : ClockedApp(kind, "test-cultivation.recipe.json", new Dictionary<string, string?>())
{
    public static readonly (string Email, string Password) HubAccount = ("hub@test.local", "Test-hub-2026");
    public static readonly (string Email, string Password) MemberAccount = ("member@test.local", "Test-member-2026");

    public const string ElderlyHub = "宁波市海曙区老年协会";
    public const string StreetHub = "宁波市海曙区社会组织联合会";

    public Task<Hub> HubAsync(string organizationName) =>
        WithAsync<RegistryDbContext, Hub>(db => db.Set<Hub>().AsNoTracking().Include(h => h.Members).SingleAsync(h => h.OrganizationName == organizationName));

    public Task<Organization> OrganizationAsync(string name) =>
        WithAsync<RegistryDbContext, Organization>(db => db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Name == name));

    public Task RunRecipeAgainAsync() => InScopeAsync<int>(async s =>
    {
        await s.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "test-cultivation.recipe.json"), CancellationToken.None);
        return 0;
    });

    /// <summary>In-app notifications the account received from hubs, newest first.</summary>
    public Task<List<Notification>> HubRemindersOfAsync(string email) => InScopeAsync(async s =>
    {
        var user = (await s.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(email))!;
        return await s.GetRequiredService<RegistryDbContext>().Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == user.Id && n.Link == OrganizationLinks.Workspace).OrderByDescending(n => n.Id).ToListAsync();
    });
}

public sealed class SqliteCultivationApp() : CultivationApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlCultivationApp() : CultivationApp(DatabaseKind.PostgreSql);

/// <summary>What the recipe's hubs look like to officers, hub accounts, other accounts and the public (nothing here changes them).</summary>
public abstract class HubViewTests<TApp>(TApp app)
    where TApp : CultivationApp
{
    [Fact]
    public async Task Coverage_TestRecipe_MembersAgainstFieldOrStreet()
    {
        var elderly = await app.HubAsync(CultivationApp.ElderlyHub);
        var street = await app.HubAsync(CultivationApp.StreetHub);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync(CultivationLinks.AdminHubs);

        page.StatedTotal().ShouldBe(2);
        var rows = page.QuerySelectorAll("[data-testid=hub-row]").ToDictionary(r => int.Parse(r.GetAttribute("data-hub")!, System.Globalization.CultureInfo.InvariantCulture));
        // 养老: 阳光养老, 颐乐居家 and 孝闻社区老年协会 of the five (乐龄康复 and 夕阳红合唱团 are not members; 篮球协会 is outside the field).
        (rows[elderly.Id].GetAttribute("data-covered"), rows[elderly.Id].GetAttribute("data-eligible")).ShouldBe(("3", "5"));
        rows[elderly.Id].QuerySelector("[data-testid=hub-coverage]")!.TextContent.ShouldContain("60.0");
        // 鼓楼街道 besides the federation: 书法家协会, 华侨关爱促进会, 阳光养老, 教育发展基金会, 孝闻社区老年协会.
        (rows[street.Id].GetAttribute("data-covered"), rows[street.Id].GetAttribute("data-eligible")).ShouldBe(("2", "5"));
    }

    [Fact]
    public async Task Recipe_RunAgain_NothingDuplicated()
    {
        await app.RunRecipeAgainAsync();

        var batches = await app.WithAsync<RegistryDbContext, List<HubBatch>>(db => db.Set<HubBatch>().AsNoTracking().Include(b => b.Hubs).ThenInclude(h => h.Members).ToListAsync());
        batches.Count.ShouldBe(2);
        batches.SelectMany(b => b.Hubs).Sum(h => h.Members.Count).ShouldBe(6);
    }

    [Fact]
    public async Task Recipe_Batches_PublishedAsNoticesAndMarkedOnTheRegister()
    {
        var notice = await app.WithAsync<INoticePublisher, NoticeSummary?>(p => p.FindBySourceAsync(HubService.SourceModule, HubService.NoticeKey(1), CancellationToken.None));

        notice.ShouldNotBeNull().Status.ShouldBe(NoticeStatus.Published);
        (await app.OrganizationAsync(CultivationApp.ElderlyHub)).IsHub.ShouldBeTrue();
        var member = await app.OrganizationAsync("宁波市海曙区颐乐居家养老服务中心");
        member.HubOrganizationId.ShouldBe((await app.OrganizationAsync(CultivationApp.ElderlyHub)).Id);
    }

    [Fact]
    public async Task HubAccount_MembersPage_ShowsEachMembersStanding()
    {
        var hub = await app.HubAsync(CultivationApp.ElderlyHub);
        var client = await app.SignedInClientAsync(CultivationApp.HubAccount);

        var desk = await client.GetDocumentAsync(CultivationLinks.HubDesk);
        desk.QuerySelectorAll("[data-testid=desk-hub]").Select(h => h.GetAttribute("data-hub")).ShouldBe([hub.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var members = await client.GetDocumentAsync(CultivationLinks.HubMembers(hub.Id));
        members.QuerySelectorAll("[data-testid=hub-member]").Length.ShouldBe(4);
        var one = hub.Members.Single(m => m.OrganizationName == "宁波市海曙区阳光养老服务中心");
        using var detail = await client.GetAsync(CultivationLinks.HubMember(hub.Id, one.OrganizationId));
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HubAccount_NonMember_NotFound()
    {
        var elderly = await app.HubAsync(CultivationApp.ElderlyHub);
        var street = await app.HubAsync(CultivationApp.StreetHub);
        var outsider = await app.OrganizationAsync("宁波市海曙区乐龄康复服务中心");
        var client = await app.SignedInClientAsync(CultivationApp.HubAccount);

        using (var nonMember = await client.GetAsync(CultivationLinks.HubMember(elderly.Id, outsider.Id)))
        {
            nonMember.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var otherHub = await client.GetAsync(CultivationLinks.HubMembers(street.Id)))
        {
            otherHub.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var members = await client.GetDocumentAsync(CultivationLinks.HubMembers(elderly.Id));
        members.QuerySelectorAll("[data-testid=hub-member]").Select(r => r.GetAttribute("data-org")).ShouldNotContain(outsider.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task MemberAccount_HubPages_NotFound()
    {
        var hub = await app.HubAsync(CultivationApp.ElderlyHub);
        var client = await app.SignedInClientAsync(CultivationApp.MemberAccount);

        (await client.GetDocumentAsync(CultivationLinks.HubDesk)).QuerySelector("[data-testid=desk-empty]").ShouldNotBeNull();
        using var members = await client.GetAsync(CultivationLinks.HubMembers(hub.Id));
        members.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_HubDesk_SentToSignIn()
    {
        var hub = await app.HubAsync(CultivationApp.ElderlyHub);

        using var response = await app.Client().GetAsync(CultivationLinks.HubMembers(hub.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task OrganizationPages_HubAndMember_Labelled()
    {
        var hubOrg = await app.OrganizationAsync(CultivationApp.ElderlyHub);
        var member = await app.OrganizationAsync("宁波市海曙区颐乐居家养老服务中心");

        (await app.Client().GetDocumentAsync(OrganizationLinks.Profile(hubOrg.Id))).QuerySelector("[data-testid=org-hub-label]").ShouldNotBeNull();
        var memberPage = await app.Client().GetDocumentAsync(OrganizationLinks.Profile(member.Id));
        memberPage.QuerySelector("[data-testid=org-hub-member]")!.TextContent.ShouldContain(CultivationApp.ElderlyHub);
        (await app.Client().GetDocumentAsync(CultivationLinks.Hubs)).QuerySelectorAll("[data-testid=public-hub]").Length.ShouldBe(2);
    }
}

/// <summary>
/// The recipe's hubs on the real clock: the directory's index catches up from the change feed on timers that a moved
/// clock would hold back.
/// </summary>
public abstract class HubDirectoryApp(DatabaseKind kind) : AppFixture(kind)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "test-cultivation.recipe.json"), CancellationToken.None);
    }

    public async Task<int> OrganizationIdAsync(string name)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }
}

public sealed class SqliteHubDirectoryApp() : HubDirectoryApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlHubDirectoryApp() : HubDirectoryApp(DatabaseKind.PostgreSql);

/// <summary>The directory's hub filter and labels.</summary>
public abstract class HubDirectoryTests<TApp>(TApp app)
    where TApp : HubDirectoryApp
{
    [Fact]
    public async Task Directory_HubFilter_OfferedAndLabelled()
    {
        var hubId = await app.OrganizationIdAsync(CultivationApp.ElderlyHub);
        var id = hubId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The index catches up from the change feed.
        var page = await Eventually.ResultAsync(
            async () => await app.Client().GetDocumentAsync(DirectoryLinks.Search(hub: hubId)) is var p && p.QuerySelectorAll("[data-testid=hit-hub-member]").Length == 3 ? p : null,
            "the directory indexes the hub's members");

        page.QuerySelector($"#hub option[value='{id}']").ShouldNotBeNull().HasAttribute("selected").ShouldBeTrue();
        page.QuerySelectorAll("[data-testid=hit-hub]").Length.ShouldBe(1);
    }
}

public sealed class HubDirectoryTestsOnSqlite(SqliteHubDirectoryApp app) : HubDirectoryTests<SqliteHubDirectoryApp>(app), IClassFixture<SqliteHubDirectoryApp>;

public sealed class HubDirectoryTestsOnPostgreSql(PostgreSqlHubDirectoryApp app) : HubDirectoryTests<PostgreSqlHubDirectoryApp>(app), IClassFixture<PostgreSqlHubDirectoryApp>;

/// <summary>What officers and hub accounts change: a new batch, members, reminders.</summary>
public abstract class HubActionTests<TApp>(TApp app)
    where TApp : CultivationApp
{
    [Fact]
    public async Task Recognize_ValidBatch_HubMarkedAndNoticePublished()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminHubs, new Dictionary<string, string>
        {
            ["Input.Number"] = "3",
            ["Input.Title"] = "关于认定第三批区级枢纽型社会组织的决定",
            ["Input.DecisionNumber"] = "海民〔2026〕3号",
            ["Input.DecidedOn"] = "2026-02-27",
            ["Input.Hubs"] = "513302035000010503|助残\n51330203500001085M|体育",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.OrganizationAsync("宁波市海曙区残疾人康复协会")).IsHub.ShouldBeTrue();
        (await app.OrganizationAsync("宁波市海曙区体育总会")).IsHub.ShouldBeTrue();
        var notice = await app.WithAsync<INoticePublisher, NoticeSummary?>(p => p.FindBySourceAsync(HubService.SourceModule, HubService.NoticeKey(3), CancellationToken.None));
        notice.ShouldNotBeNull().Title.ShouldBe("关于认定第三批区级枢纽型社会组织的决定");
    }

    [Theory]
    [InlineData("2", "513302035000012294|环保", "2026-02-27", "第2批已认定")]
    [InlineData("9", "513302035000012294|环保", "2026-12-31", "认定日期不能晚于今天")]
    [InlineData("9", "513302035000099999|环保", "2026-02-27", "登记库中没有代码为513302035000099999的组织")]
    [InlineData("9", "51330203500001157E|其他", "2026-02-27", "不是正常登记状态")]
    [InlineData("9", "no pipe here", "2026-02-27", "第1行格式不对")]
    [InlineData("9", "", "2026-02-27", "请至少列出一家枢纽型社会组织")]
    [InlineData("9", "513302035000012294|环保", "", "请填写认定日期")]
    public async Task Recognize_InvalidBatch_RefusedWithMessage(string number, string hubs, string decidedOn, string expected)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminHubs, new Dictionary<string, string>
        {
            ["Input.Number"] = number,
            ["Input.Title"] = "标题",
            ["Input.DecisionNumber"] = "海民〔2026〕9号",
            ["Input.DecidedOn"] = decidedOn,
            ["Input.Hubs"] = hubs,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=batch-errors]")!.TextContent.ShouldContain(expected);
        (await app.WithAsync<RegistryDbContext, int>(db => db.Set<HubBatch>().CountAsync(b => b.Number == 9))).ShouldBe(0);
    }

    [Fact]
    public async Task AddMember_InStreet_CoverageRisesAndRegisterLinked()
    {
        var hub = await app.HubAsync(CultivationApp.StreetHub);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using (var added = await officer.SubmitFormAsync(CultivationLinks.AdminHub(hub.Id), new Dictionary<string, string> { ["Code"] = "513302035000011141" }, "main form[action*=Add]"))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var page = await officer.GetDocumentAsync(CultivationLinks.AdminHub(hub.Id));
        page.QuerySelector("[data-testid=hub-coverage]")!.GetAttribute("data-covered").ShouldBe("3");
        var member = await app.OrganizationAsync("宁波市海曙区华侨关爱促进会");
        member.HubOrganizationId.ShouldBe(hub.OrganizationId);

        using var again = await officer.SubmitFormAsync(CultivationLinks.AdminHub(hub.Id), new Dictionary<string, string> { ["Code"] = "513302035000011141" }, "main form[action*=Add]");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ParseAsync()).QuerySelector("[data-testid=member-errors]")!.TextContent.ShouldContain("宁波市海曙区华侨关爱促进会");
    }

    [Fact]
    public async Task AddMember_SecondHubOfTheSameField_Refused()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var hub = await app.WithAsync<HubService, (HubBatch?, Registry.Core.Forms.OperationResult)>(s => s.RecognizeAsync(
            new BatchInput(7, "第七批", "海民〔2026〕7号", new DateOnly(2026, 3, 1), [new HubLine("52330203500001237Y", "养老", null)]), CancellationToken.None));
        var second = hub.Item1!.Hubs.Single();

        // 颐乐居家养老服务中心 is a member of 老年协会 for 养老 already.
        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminHub(second.Id), new Dictionary<string, string> { ["Code"] = "523302035000011731" }, "main form[action*=Add]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.HubAsync("宁波市海曙区乐龄康复服务中心")).Members.ShouldBeEmpty();
    }

    [Fact]
    public async Task Remind_Member_NotifiedOnceADay()
    {
        var hub = await app.HubAsync(CultivationApp.ElderlyHub);
        var member = hub.Members.Single(m => m.OrganizationName == "宁波市海曙区阳光养老服务中心");
        var client = await app.SignedInClientAsync(CultivationApp.HubAccount);
        var url = CultivationLinks.HubMember(hub.Id, member.OrganizationId);

        using (var sent = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Message"] = "请于5月31日前报送2025年度工作报告。" }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var received = await app.HubRemindersOfAsync(CultivationApp.MemberAccount.Email);
        received.ShouldContain(n => n.Body.Contains("请于5月31日前报送2025年度工作报告。", StringComparison.Ordinal) && n.Title.Contains(CultivationApp.ElderlyHub, StringComparison.Ordinal));
        using (var again = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Message"] = "再次提醒" }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await again.ParseAsync()).QuerySelector("[data-testid=remind-errors]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        }

        using (var empty = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Message"] = " " }))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.MoveTo(app.Today.AddDays(1));
        var tomorrow = await app.SignedInClientAsync(CultivationApp.HubAccount);
        using var nextDay = await tomorrow.SubmitFormAsync(url, new Dictionary<string, string> { ["Message"] = "再次提醒" });
        nextDay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

public sealed class HubViewTestsOnSqlite(SqliteCultivationApp app) : HubViewTests<SqliteCultivationApp>(app), IClassFixture<SqliteCultivationApp>;

public sealed class HubViewTestsOnPostgreSql(PostgreSqlCultivationApp app) : HubViewTests<PostgreSqlCultivationApp>(app), IClassFixture<PostgreSqlCultivationApp>;

public sealed class HubActionTestsOnSqlite(SqliteCultivationApp app) : HubActionTests<SqliteCultivationApp>(app), IClassFixture<SqliteCultivationApp>;

public sealed class HubActionTestsOnPostgreSql(PostgreSqlCultivationApp app) : HubActionTests<PostgreSqlCultivationApp>(app), IClassFixture<PostgreSqlCultivationApp>;
