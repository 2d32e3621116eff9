using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Cultivation;

/// <summary>
/// Withdrawing a recognition (撤销认定) and coverage following the register through the change feed. A fixture of its own:
/// these tests change the recipe's hubs and register.
/// </summary>
public abstract class HubWithdrawalTests<TApp>(TApp app)
    where TApp : CultivationApp
{
    private const string CharityHub = "宁波市海曙区志愿者协会";

    [Fact]
    public async Task Withdraw_WithReason_HubEndsMembersReleasedAndAccountLosesIt()
    {
        var hub = await CharityHubAsync("51330203500001034D", "52330203500001253L", "330203SB20180029");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var account = await app.SignedInClientAsync(CultivationApp.HubAccount);
        (await account.GetDocumentAsync(CultivationLinks.HubDesk)).QuerySelector($"[data-testid=desk-hub][data-hub='{Id(hub.Id)}']").ShouldNotBeNull();

        using (var noReason = await officer.SubmitFormAsync(CultivationLinks.AdminHub(hub.Id), new Dictionary<string, string> { ["Reason"] = " " }, "main form[action*=Withdraw]"))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await noReason.ParseAsync()).QuerySelector("[data-testid=member-errors]")!.TextContent.ShouldContain("请填写撤销理由");
        }

        using (var withdrawn = await officer.SubmitFormAsync(CultivationLinks.AdminHub(hub.Id), new Dictionary<string, string> { ["Reason"] = "连续两年未履行枢纽职责" }, "main form[action*=Withdraw]"))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var ended = await app.WithAsync<RegistryDbContext, Hub>(db => db.Set<Hub>().AsNoTracking().Include(h => h.Members).SingleAsync(h => h.Id == hub.Id));
        (ended.State, ended.EndedOn, ended.WithdrawalReason).ShouldBe((HubState.Withdrawn, (DateOnly?)app.Today, "连续两年未履行枢纽职责"));
        ended.Members.ShouldBeEmpty();
        (await app.OrganizationAsync(CharityHub)).IsHub.ShouldBeFalse();
        (await app.OrganizationAsync("宁波市海曙区益友公益服务中心")).HubOrganizationId.ShouldBeNull();
        // Still a member of 老年协会 (养老) and of the federation (鼓楼街道): the register points at the older of them.
        (await app.OrganizationAsync("鼓楼街道孝闻社区老年协会")).HubOrganizationId.ShouldBe((await app.OrganizationAsync(CultivationApp.ElderlyHub)).Id);
        (await app.WithAsync<RegistryDbContext, bool>(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "cultivation.hub.withdrawn" && e.EntityId == Id(hub.Id)))).ShouldBeTrue();

        (await account.GetDocumentAsync(CultivationLinks.HubDesk)).QuerySelector($"[data-testid=desk-hub][data-hub='{Id(hub.Id)}']").ShouldBeNull();
        using (var members = await account.GetAsync(CultivationLinks.HubMembers(hub.Id)))
        {
            members.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var page = await app.Client().GetDocumentAsync(CultivationLinks.Hubs);
        page.QuerySelector($"[data-testid=public-hub][data-hub='{Id(hub.Id)}']").ShouldBeNull();
        page.QuerySelector($"[data-testid=public-hub-withdrawn][data-hub='{Id(hub.Id)}']")!.TextContent.ShouldContain("连续两年未履行枢纽职责");
        var admin = await officer.GetDocumentAsync(CultivationLinks.AdminHub(hub.Id));
        admin.QuerySelector("[data-testid=hub-withdrawn]").ShouldNotBeNull();
        admin.QuerySelector("[data-testid=withdraw-form]").ShouldBeNull();
    }

    [Fact]
    public async Task Withdraw_Twice_RefusedByTheTable()
    {
        var hub = await CharityHubAsync("5233020350000119XK");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var form = await officer.ReadFormAsync(CultivationLinks.AdminHub(hub.Id), "main form[action*=Withdraw]");
        using (var first = await officer.PostFormAsync(form, new Dictionary<string, string> { ["Reason"] = "撤销" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The same form posted again (a second tab): the recognition is withdrawn already.
        using var second = await officer.PostFormAsync(form, new Dictionary<string, string> { ["Reason"] = "撤销" });

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ParseAsync()).QuerySelector("[data-testid=member-errors]")!.TextContent.ShouldContain("已撤销");
    }

    [Fact]
    public async Task Withdraw_ByApplicant_Forbidden()
    {
        var hub = await app.HubAsync(CultivationApp.StreetHub);
        var client = await app.SignedInClientAsync(CultivationApp.HubAccount);

        using var response = await client.GetAsync(CultivationLinks.AdminHub(hub.Id));

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect);
        (await app.HubAsync(CultivationApp.StreetHub)).State.ShouldBe(HubState.Recognized);
    }

    [Fact]
    public async Task Coverage_RegisterChanges_FollowsOnceTheChangeFeedIsRead()
    {
        var street = await app.HubAsync(CultivationApp.StreetHub);
        var before = await app.Client().GetDocumentAsync(CultivationLinks.Hubs);
        before.QuerySelector($"[data-testid=public-hub][data-hub='{Id(street.Id)}'] [data-testid=public-hub-coverage]")!.GetAttribute("data-eligible").ShouldBe("5");

        // 教育发展基金会 (鼓楼街道, no hub's member) is deregistered, as the register does it: the change and its event together.
        var messageId = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<RegistryDbContext>();
            var organization = await db.Set<Organization>().SingleAsync(o => o.Name == "宁波市海曙区教育发展基金会");
            organization.Status = OrganizationStatus.Deregistered;
            s.GetRequiredService<IOutbox>().Publish(OrganizationEvents.Changed, new OrganizationChanged(organization.Id));
            await db.SaveChangesAsync();
            return await OutboxFeed.HeadAsync(db, CancellationToken.None);
        });

        await app.DispatchUntilAsync(async () =>
        {
            var page = await app.Client().GetDocumentAsync(CultivationLinks.Hubs);
            return page.QuerySelector($"[data-testid=public-hub][data-hub='{Id(street.Id)}'] [data-testid=public-hub-coverage]")!.GetAttribute("data-eligible") == "4";
        }, $"the coverage cache drops with message {messageId}");
    }

    /// <summary>
    /// A new hub for 慈善 (each test its own organization: a withdrawn recognition stays on record) with the given members,
    /// the hub account acting for it too.
    /// </summary>
    private async Task<Hub> CharityHubAsync(string code, params string[] members)
    {
        var number = await app.WithAsync<RegistryDbContext, int>(async db => (await db.Set<HubBatch>().MaxAsync(b => b.Number)) + 1);
        return await app.InScopeAsync(async s =>
        {
            var service = s.GetRequiredService<HubService>();
            var (batch, result) = await service.RecognizeAsync(new BatchInput(number, "第" + number + "批", "海民〔2026〕" + number + "号", new DateOnly(2026, 3, 1), [new HubLine(code, "慈善", null)]), CancellationToken.None);
            result.Succeeded.ShouldBeTrue();
            var hub = (await service.FindAsync(batch!.Hubs.Single().Id, CancellationToken.None))!;
            foreach (var member in members)
            {
                (await service.AddMemberAsync(hub, member, CancellationToken.None)).Succeeded.ShouldBeTrue();
            }

            var user = (await s.GetRequiredService<UserManager<RegistryUser>>().FindByEmailAsync(CultivationApp.HubAccount.Email))!;
            await s.GetRequiredService<IOrganizationRegister>().AddMemberAsync(hub.OrganizationId, user.Id, false, CancellationToken.None);
            await s.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
            return hub;
        });
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class HubWithdrawalTestsOnSqlite(SqliteCultivationApp app) : HubWithdrawalTests<SqliteCultivationApp>(app), IClassFixture<SqliteCultivationApp>;

public sealed class HubWithdrawalTestsOnPostgreSql(PostgreSqlCultivationApp app) : HubWithdrawalTests<PostgreSqlCultivationApp>(app), IClassFixture<PostgreSqlCultivationApp>;
