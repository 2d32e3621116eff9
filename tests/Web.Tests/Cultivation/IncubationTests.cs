using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Cultivation;

/// <summary>Incubation bases (孵化基地) on the hub test data (clock held at 2026-03-02): officers open a base, take organizations in, move them on.</summary>
public abstract class IncubationTests<TApp>(TApp app)
    where TApp : CultivationApp
{
    [Fact]
    public async Task Base_OpenEnterStartGraduate_FiguresAndPublicPageFollow()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var baseId = await OpenBaseAsync(officer, "海曙区公益创客空间", "3");

        using (var entered = await officer.SubmitFormAsync(CultivationLinks.AdminIncubationBase(baseId), Entry("睦邻书画社", "2025-03-01", "2026-02-28")))
        {
            entered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var stayId = await StayIdAsync("睦邻书画社");
        (await MoveAsync(officer, stayId, IncubationTrigger.Start, "2025-03-10")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var service = await officer.SubmitFormAsync(CultivationLinks.AdminIncubationStay(stayId), new Dictionary<string, string> { ["GivenOn"] = "2025-04-01", ["Description"] = "备案材料辅导" }, "main form[data-testid=service-form]"))
        {
            service.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Graduates on filing with the street: linked to the register by its filing number (孝闻社区老年协会 stands in for it).
        (await MoveAsync(officer, stayId, IncubationTrigger.Graduate, "2026-02-20", code: "330203SB20180029", note: "已在鼓楼街道备案")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stay = await app.WithAsync<RegistryDbContext, IncubatedOrganization>(db => db.Set<IncubatedOrganization>().AsNoTracking().Include(s => s.Services).SingleAsync(s => s.Id == stayId));
        (stay.State, stay.ExitedOn, stay.OrganizationId).ShouldBe((IncubationState.Graduated, (DateOnly?)new DateOnly(2026, 2, 20), (int?)(await app.OrganizationAsync("鼓楼街道孝闻社区老年协会")).Id));
        stay.Services.Single().Description.ShouldBe("备案材料辅导");
        var admin = await officer.GetDocumentAsync(CultivationLinks.AdminIncubation);
        var year = admin.QuerySelector("[data-testid=incubation-year][data-year='2026']")!;
        (year.GetAttribute("data-graduated"), year.GetAttribute("data-registered")).ShouldBe(("1", "1"));
        var page = await app.Client().GetDocumentAsync(CultivationLinks.Incubation);
        page.QuerySelectorAll("[data-testid=public-base]").Select(b => b.TextContent).ShouldContain(t => t.Contains("海曙区公益创客空间", StringComparison.Ordinal));
        page.QuerySelectorAll("[data-testid=public-graduate]").Select(g => g.TextContent).ShouldContain(t => t.Contains("睦邻书画社", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "10", "2026-01-01", "请填写孵化基地名称")]
    [InlineData("某基地", "0", "2026-01-01", "入驻席位应为1至500个")]
    [InlineData("某基地", "10", "2026-12-01", "日期不能晚于今天")]
    public async Task Base_Invalid_RefusedWithMessage(string name, string capacity, string openedOn, string expected)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminIncubation, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Address"] = "宁波市海曙区中山西路1号",
            ["Input.Capacity"] = capacity,
            ["Input.OpenedOn"] = openedOn,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=base-errors]")!.TextContent.ShouldContain(expected);
    }

    [Fact]
    public async Task Enter_BaseFull_Refused()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var baseId = await OpenBaseAsync(officer, "鼓楼街道孵化角", "1");
        using (var first = await officer.SubmitFormAsync(CultivationLinks.AdminIncubationBase(baseId), Entry("鼓楼合唱队", "2026-01-05", "2026-12-31")))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await officer.SubmitFormAsync(CultivationLinks.AdminIncubationBase(baseId), Entry("鼓楼棋友会", "2026-01-06", "2026-12-31"));

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ParseAsync()).QuerySelector("[data-testid=entry-errors]")!.TextContent.ShouldContain("孵化基地已满");
    }

    [Theory]
    [InlineData("2026-03-01", "2026-02-01", "计划出壳日期应晚于入驻日期")]
    [InlineData("2026-03-01", "2030-01-01", "孵化期最长36个月")]
    [InlineData("2026-04-01", "2026-12-01", "日期不能晚于今天")]
    public async Task Enter_InvalidPeriod_RefusedWithMessage(string enteredOn, string plannedExitOn, string expected)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var baseId = await OpenBaseAsync(officer, "期限校验基地" + enteredOn + plannedExitOn, "5");

        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminIncubationBase(baseId), Entry("某团队", enteredOn, plannedExitOn));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=entry-errors]")!.TextContent.ShouldContain(expected);
    }

    [Fact]
    public async Task Move_LeaveWithoutReasonOrGraduateBeforeStart_Refused()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var baseId = await OpenBaseAsync(officer, "白云街道孵化站", "5");
        using (var entered = await officer.SubmitFormAsync(CultivationLinks.AdminIncubationBase(baseId), Entry("白云手工坊", "2026-02-01", "2027-01-31")))
        {
            entered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var stayId = await StayIdAsync("白云手工坊");
        using (var leave = await MoveAsync(officer, stayId, IncubationTrigger.Leave, "2026-02-10"))
        {
            leave.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await leave.ParseAsync()).QuerySelector("[data-testid=stay-errors]")!.TextContent.ShouldContain("请填写说明");
        }

        // Not offered on the page (入驻 → 出壳 is not in the table), and refused when posted anyway.
        (await officer.GetDocumentAsync(CultivationLinks.AdminIncubationStay(stayId))).QuerySelector("form[data-testid=move-Graduate]").ShouldBeNull();
        var form = await officer.ReadFormAsync(CultivationLinks.AdminIncubationStay(stayId), "main form[data-testid=move-Leave]");
        using (var graduate = await officer.PostFormAsync(form with { Action = form.Action.Replace("trigger=Leave", "trigger=Graduate", StringComparison.Ordinal) }, new Dictionary<string, string> { ["On"] = "2026-02-10" }))
        {
            graduate.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await graduate.ParseAsync()).QuerySelector("[data-testid=stay-errors]")!.TextContent.ShouldContain("当前阶段不能进行该操作");
        }

        (await app.WithAsync<RegistryDbContext, IncubationState>(db => db.Set<IncubatedOrganization>().Where(s => s.Id == stayId).Select(s => s.State).SingleAsync())).ShouldBe(IncubationState.Entered);
    }

    [Fact]
    public async Task AdminPages_Applicant_Refused()
    {
        var client = await app.SignedInClientAsync(CultivationApp.HubAccount);

        using var response = await client.GetAsync(CultivationLinks.AdminIncubation);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect);
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private static Dictionary<string, string> Entry(string name, string enteredOn, string plannedExitOn) => new()
    {
        ["Input.Name"] = name,
        ["Input.ServiceField"] = "文化",
        ["Input.Mentor"] = "宁波市海曙区社会组织联合会",
        ["Input.EnteredOn"] = enteredOn,
        ["Input.PlannedExitOn"] = plannedExitOn,
    };

    private static async Task<int> OpenBaseAsync(HttpClient officer, string name, string capacity)
    {
        using var response = await officer.SubmitFormAsync(CultivationLinks.AdminIncubation, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.OperatorCode"] = "51330203500001018P",
            ["Input.Address"] = "宁波市海曙区中山西路1号",
            ["Input.Capacity"] = capacity,
            ["Input.OpenedOn"] = "2025-01-01",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private Task<int> StayIdAsync(string name) =>
        app.WithAsync<RegistryDbContext, int>(db => db.Set<IncubatedOrganization>().Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient officer, int stayId, IncubationTrigger trigger, string on, string? code = null, string? note = null)
    {
        var fields = new Dictionary<string, string> { ["On"] = on };
        if (code is not null)
        {
            fields["Code"] = code;
        }

        if (note is not null)
        {
            fields["Note"] = note;
        }

        return await officer.SubmitFormAsync(CultivationLinks.AdminIncubationStay(stayId), fields, $"main form[data-testid=move-{trigger}]");
    }
}

public sealed class IncubationTestsOnSqlite(SqliteCultivationApp app) : IncubationTests<SqliteCultivationApp>(app), IClassFixture<SqliteCultivationApp>;

public sealed class IncubationTestsOnPostgreSql(PostgreSqlCultivationApp app) : IncubationTests<PostgreSqlCultivationApp>(app), IClassFixture<PostgreSqlCultivationApp>;
