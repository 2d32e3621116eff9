using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Cultivation.Services;
using Registry.Notices.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;
using Registry.Web.Tests.Notices;

namespace Registry.Web.Tests.Cultivation;

/// <summary>The hub test data with inspection results and grades (test-service-list recipe), on a clock the test moves.</summary>
public abstract class ServiceListApp(DatabaseKind kind)
    : ClockedApp(kind, "test-service-list.recipe.json", new Dictionary<string, string?> { ["Registry:Inspections:CreditListJob"] = "false" })
{
    public static readonly (string Email, string Password) Federation = ("federation@test.local", "Test-federation-2026");

    public Task<ServiceListCall> CallAsync(int year) =>
        WithAsync<RegistryDbContext, ServiceListCall>(db => db.Set<ServiceListCall>().AsNoTracking().Include(c => c.Applications).SingleAsync(c => c.Year == year));

    public static async Task<HttpResponseMessage> StepAsync(HttpClient officer, int callId, CallTrigger trigger, DateOnly? publicityEnd = null)
    {
        var fields = new Dictionary<string, string> { ["trigger"] = trigger.ToString() };
        if (publicityEnd is { } end)
        {
            fields["PublicityEnd"] = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return await officer.SubmitFormAsync(CultivationLinks.AdminServiceListCall(callId), fields, $"main form[data-testid=step-{trigger}]");
    }
}

public sealed class SqliteServiceListApp() : ServiceListApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlServiceListApp() : ServiceListApp(DatabaseKind.PostgreSql);

/// <summary>One yearly call through application, review, 公示 with an objection, and announcement, then contracts.</summary>
public abstract class ServiceListFlowTests<TApp>(TApp app)
    where TApp : ServiceListApp
{
    [Fact]
    public async Task Call_ApplicationPublicityObjectionAnnouncement_OnlyTheUnchallengedListed()
    {
        var elderly = await app.OrganizationIdAsync(CultivationApp.ElderlyHub);
        var federation = await app.OrganizationIdAsync(CultivationApp.StreetHub);
        var sunshine = await app.OrganizationIdAsync("宁波市海曙区阳光养老服务中心");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using (var opened = await officer.SubmitFormAsync(CultivationLinks.AdminServiceList, new Dictionary<string, string>
        {
            ["Input.Year"] = "2026",
            ["Input.Title"] = "2026年度社会组织承接政府转移职能和购买服务推荐性目录申报",
            ["Input.OpensOn"] = "2026-03-02",
            ["Input.ClosesOn"] = "2026-03-13",
        }))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var call = await app.CallAsync(2026);
        (call.MinimumGrade, call.RequireQualifiedInspection, call.ExcludeCreditListed).ShouldBe((3, true, true));

        // 老年协会: 3A, 2025 合格. 联合会: 4A, 合格. 阳光养老: no grade.
        await ApplyAsync(CultivationApp.HubAccount, elderly, "养老", HttpStatusCode.Redirect);
        await ApplyAsync(ServiceListApp.Federation, federation, "社区治理", HttpStatusCode.Redirect);
        var refused = await ApplyAsync(CultivationApp.MemberAccount, sunshine, "养老", HttpStatusCode.OK);
        (await refused.ParseAsync()).QuerySelector("[data-testid=apply-errors]")!.TextContent.ShouldContain("评估等级低于3A");
        var notMine = await ApplyAsync(CultivationApp.MemberAccount, elderly, "助残", HttpStatusCode.OK);
        (await notMine.ParseAsync()).QuerySelector("[data-testid=apply-errors]")!.TextContent.ShouldContain("您不能为该组织申报");

        using (var early = await ServiceListApp.StepAsync(officer, call.Id, CallTrigger.Close))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await early.ParseAsync()).QuerySelector("[data-testid=call-errors]")!.TextContent.ShouldContain("2026年3月13日");
        }

        app.MoveTo(new DateOnly(2026, 3, 16));
        officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await ServiceListApp.StepAsync(officer, call.Id, CallTrigger.Close)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        call = await app.CallAsync(2026);
        foreach (var application in call.Applications)
        {
            await DecideAsync(officer, call.Id, application.Id, ServiceApplicationTrigger.Approve, null, HttpStatusCode.Redirect);
        }

        (await ServiceListApp.StepAsync(officer, call.Id, CallTrigger.Publish, new DateOnly(2026, 3, 23))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var publicity = await app.WithAsync<INoticePublisher, NoticeSummary?>(p => p.FindBySourceAsync("Cultivation", ServiceListService.PublicityKey(2026), CancellationToken.None));
        publicity.ShouldNotBeNull().AcceptsObjections.ShouldBeTrue();
        (publicity.PeriodStart, publicity.PeriodEnd).ShouldBe((new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 23)));

        // A member of the public objects to the federation's listing during 公示; the officer upholds it.
        using (var objection = await app.Client().SubmitFormAsync(NoticeLinks.Notice(publicity.Id), NoticeClient.Objection("wang@example.com", "该组织的服务能力与申报内容不符。")))
        {
            objection.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var page = await officer.GetDocumentAsync(CultivationLinks.AdminServiceListCall(call.Id));
        page.QuerySelector("[data-testid=publicity]")!.GetAttribute("data-objections").ShouldBe("1");
        var federationApplication = call.Applications.Single(a => a.OrganizationId == federation);
        await DecideAsync(officer, call.Id, federationApplication.Id, ServiceApplicationTrigger.Remove, "", HttpStatusCode.OK);
        await DecideAsync(officer, call.Id, federationApplication.Id, ServiceApplicationTrigger.Remove, "异议成立：服务能力与申报不符。", HttpStatusCode.Redirect);

        using (var tooEarly = await ServiceListApp.StepAsync(officer, call.Id, CallTrigger.Announce))
        {
            tooEarly.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await tooEarly.ParseAsync()).QuerySelector("[data-testid=call-errors]")!.TextContent.ShouldContain("2026年3月23日");
        }

        app.MoveTo(new DateOnly(2026, 3, 24));
        officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await ServiceListApp.StepAsync(officer, call.Id, CallTrigger.Announce)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        call = await app.CallAsync(2026);
        call.State.ShouldBe(CallState.Announced);
        call.Applications.Single(a => a.OrganizationId == elderly).State.ShouldBe(ServiceApplicationState.Listed);
        call.Applications.Single(a => a.OrganizationId == federation).State.ShouldBe(ServiceApplicationState.Removed);
        var announcement = await app.WithAsync<INoticePublisher, NoticeSummary?>(p => p.FindBySourceAsync("Cultivation", ServiceListService.AnnouncementKey(2026), CancellationToken.None));
        announcement.ShouldNotBeNull().Status.ShouldBe(NoticeStatus.Published);
        var listed = await app.Client().GetDocumentAsync(CultivationLinks.ServiceList);
        listed.QuerySelectorAll("[data-testid=listed]").Select(l => l.GetAttribute("data-org")).ShouldBe([elderly.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        // Contracts only for listed organizations; totals per year in fen.
        await ContractAsync(officer, "51330203500001026J", "120000.50", "2026-04-01", "2026-12-31", HttpStatusCode.Redirect);
        await ContractAsync(officer, "51330203500001026J", "30000", "2027-01-01", "2027-06-30", HttpStatusCode.Redirect);
        await ContractAsync(officer, "51330203500001026J", "-5", "2026-04-01", "2026-12-31", HttpStatusCode.OK);
        await ContractAsync(officer, "51330203500001018P", "1000", "2026-04-01", "2026-12-31", HttpStatusCode.OK);
        var years = (await app.Client().GetDocumentAsync(CultivationLinks.ServiceList)).QuerySelectorAll("[data-testid=contract-year]")
            .ToDictionary(r => r.GetAttribute("data-year")!, r => r.GetAttribute("data-fen")!);
        years.Count.ShouldBe(2);
        (years["2026"], years["2027"]).ShouldBe(("12000050", "3000000"));
    }

    private async Task<HttpResponseMessage> ApplyAsync((string Email, string Password) account, int organizationId, string field, HttpStatusCode expected)
    {
        var client = await app.SignedInClientAsync(account);
        var response = await client.SubmitFormAsync(CultivationLinks.Apply, new Dictionary<string, string>
        {
            ["OrganizationId"] = organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ServiceField"] = field,
            ["Services"] = "居家养老上门服务、助餐、日间照料。",
        });
        response.StatusCode.ShouldBe(expected);
        return response;
    }

    private static async Task DecideAsync(HttpClient officer, int callId, int applicationId, ServiceApplicationTrigger trigger, string? note, HttpStatusCode expected)
    {
        var fields = new Dictionary<string, string>
        {
            ["applicationId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["trigger"] = trigger.ToString(),
        };
        if (note is not null)
        {
            fields["Note"] = note;
        }

        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminServiceListCall(callId), fields, $"tr[data-application='{applicationId}'] form[data-testid=decide-{trigger}]");
        response.StatusCode.ShouldBe(expected);
    }

    private static async Task ContractAsync(HttpClient officer, string code, string amount, string startsOn, string endsOn, HttpStatusCode expected)
    {
        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminContracts, new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Department"] = "海曙区民政局",
            ["Input.Project"] = "居家养老服务",
            ["Input.Amount"] = amount,
            ["Input.StartsOn"] = startsOn,
            ["Input.EndsOn"] = endsOn,
        });
        response.StatusCode.ShouldBe(expected);
    }
}

public sealed class ServiceListFlowTestsOnSqlite(SqliteServiceListApp app) : ServiceListFlowTests<SqliteServiceListApp>(app), IClassFixture<SqliteServiceListApp>;

public sealed class ServiceListFlowTestsOnPostgreSql(PostgreSqlServiceListApp app) : ServiceListFlowTests<PostgreSqlServiceListApp>(app), IClassFixture<PostgreSqlServiceListApp>;
