using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Grants.Domain;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// Issue 20's fill once: a venture-fund application opens with the organization's facts from the register, its latest
/// accepted annual report and its rating, each with its source, editable, and stores what is submitted; on each provider.
/// Its own app: the accepted 2025 report it files would change what other tests' applications open with.
/// </summary>
public abstract class GrantFactsTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    [Fact]
    public async Task Draft_PrefilledWithSources_EditedValueShownAsTheApplicantsAndSubmittedAsStated()
    {
        await AcceptedReportAsync();
        var organizationId = await app.OrganizationIdAsync(MemberServiceCentre);
        var founded = (await app.WithAsync<IOrganizationRegister, OrganizationSummary?>(r => r.FindAsync(organizationId, CancellationToken.None)))!.FoundedOn;
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("预填项目"));
        var url = $"/Grants/Application/{id}";
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        var page = await applicant.GetDocumentAsync(url);
        string Value(string field) => page.QuerySelector($"[data-testid=fact-{field}]")!.GetAttribute("value") ?? "";
        string Source(string field) => page.QuerySelector($"[data-testid=fact-source-{field}]")!.TextContent.Trim();
        Value("FoundedOn").ShouldBe(founded.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Source("FoundedOn").ShouldBe("来自登记信息");
        (Value("Members"), Value("Staff"), Value("Volunteers")).ShouldBe(("15", "7", "40"));
        Source("Members").ShouldBe("来自2025年度年报");
        Value("IncomeFen").ShouldStartWith("500000");
        Value("ExpenditureFen").ShouldStartWith("420000");
        Source("ExpenditureFen").ShouldBe("来自2025年度年报");
        Source("Grade").ShouldBe("来自等级评估");

        using (var saved = await applicant.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Form.Facts.Volunteers"] = "55", ["Form.NoOtherFunding"] = "true", ["Form.NoMajorViolation"] = "true",
        }, "#grant-form", "Save"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await applicant.GetDocumentAsync(url);
        Value("Volunteers").ShouldBe("55");
        Source("Volunteers").ShouldBe("申报单位填写");
        Source("Members").ShouldBe("来自2025年度年报");

        (await app.SubmitAsync(id)).ShouldSucceed();
        var facts = ApplicationFacts.Read((await app.ApplicationAsync(id)).FactsJson);
        (facts.Stated.Volunteers, facts.Prefilled.Volunteers, facts.Stated.Members, facts.Stated.IncomeFen, facts.ReportYear).ShouldBe(((int?)55, (int?)40, (int?)15, (long?)50_000_000, (int?)2025));
        var officerView = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Grants/Admin/Application/{id}");
        var section = officerView.QuerySelector("[data-testid=organization-facts]").ShouldNotBeNull();
        section.QuerySelector("[data-testid=fact-Volunteers]")!.TextContent.ShouldContain("55");
        section.QuerySelector("[data-testid=fact-source-Members]")!.TextContent.ShouldContain("来自2025年度年报");
        section.QuerySelector("[data-testid=fact-IncomeFen]")!.TextContent.ShouldContain("500,000.00");
    }

    [Theory]
    [InlineData("Form.Facts.Members", "-3", "请输入数字")]
    [InlineData("Form.Facts.IncomeFen", "abc", "金额格式无效")]
    [InlineData("Form.Facts.FoundedOn", "2026-12-31", "成立日期不能晚于今天")]
    [InlineData("Form.Facts.Grade", "7", "评估等级须为无等级或 1A 至 5A")]
    public async Task Save_InvalidFact_RefusedWithTheMessageNothingStored(string field, string value, string message)
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("预填校验"));
        var before = (await app.ApplicationAsync(id)).FactsJson;

        using var response = await (await app.SignedInClientAsync(DemoApplicant)).SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string> { [field] = value }, "#grant-form", "Save");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await app.ApplicationAsync(id)).FactsJson.ShouldBe(before);
    }

    [Fact]
    public async Task Save_AnotherOrganizationsApplication_NotFoundFactsUnchanged()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("他人预填"));
        var before = (await app.ApplicationAsync(id)).FactsJson;
        var other = await app.SignedInClientAsync(TestAccounts.Applicant);
        var token = await other.ReadFormAsync("/", "form[action='/Account/Logout']");

        using var response = await other.PostFormAsync(token with { Action = $"/Grants/Application/{id}?handler=Save" }, new Dictionary<string, string> { ["Form.Facts.Members"] = "999" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ApplicationAsync(id)).FactsJson.ShouldBe(before);
    }

    /// <summary>The organization's 2025 annual report, accepted: 12 + 3 members, 5 + 2 staff, 40 volunteers, ¥500,000 in, ¥420,000 out (idempotent).</summary>
    private Task<int> AcceptedReportAsync() => app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<RegistryDbContext>();
        var organizationId = await app.OrganizationIdAsync(MemberServiceCentre);
        if (await db.Set<AnnualReport>().AnyAsync(r => r.OrganizationId == organizationId && r.Year == 2025 && r.State == Registry.Inspections.Domain.ReportState.Concluded))
        {
            return 0;
        }

        var campaigns = s.GetRequiredService<CampaignService>();
        if (await campaigns.FindAsync(2025, CancellationToken.None) is null)
        {
            var (result, _) = await campaigns.OpenAsync(new CampaignRequest(2025, CampaignMode.Inspection, InspectionCampaign.DefaultDeadline(2025), [OrganizationCodes.PrivateNonEnterprise], null,
                CampaignService.DefaultAdminCostWarningPercent), CancellationToken.None);
            result.Errors.ShouldBeEmpty();
        }

        var report = await db.Set<AnnualReport>().SingleAsync(r => r.OrganizationId == organizationId && r.Year == 2025);
        report.State = Registry.Inspections.Domain.ReportState.Concluded;
        report.Result = InspectionResult.Qualified;
        // Every filed report has its work summary (ReportValidator); one without is a paper result imported without content.
        report.Content.WorkSummary = "全年开展社区助老服务36场。";
        report.Content.IndividualMembers = 12;
        report.Content.UnitMembers = 3;
        report.Content.FullTimeStaff = 5;
        report.Content.PartTimeStaff = 2;
        report.Content.Volunteers = 40;
        report.Content.IncomeDonationsFen = 50_000_000;
        report.Content.ExpenseProgrammeFen = 42_000_000;
        return await db.SaveChangesAsync();
    });
}

public sealed class GrantFactsTestsOnSqlite(GrantsSqliteApp app) : GrantFactsTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantFactsTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantFactsTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
