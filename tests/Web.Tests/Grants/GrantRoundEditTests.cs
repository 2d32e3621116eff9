using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Localization;
using Registry.Grants.Domain;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>The round edit form (/Grants/Admin/EditRound/{id}) over HTTP, on each provider: saves, refusals, conflicts, access.</summary>
public abstract class GrantRoundEditTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private const string Form = "[data-testid=round-form]";

    private static string Url(int roundId) => $"/Grants/Admin/EditRound/{roundId}";

    private Task<HttpClient> OfficerAsync() => app.SignedInClientAsync(TestAccounts.Officer);

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")?.TextContent ?? "";

    [Fact]
    public async Task Edit_EveryField_SavedAuditedConfirmedAndLinkedFromTheRound()
    {
        var roundId = await app.OpenRoundAsync();
        var before = await app.RoundAsync(roundId);
        var officer = await OfficerAsync();
        var closesAt = ChinaTime.Time(before.ClosesAt.AddDays(7)).Replace(' ', 'T');

        using var response = await officer.SubmitFormAsync(Url(roundId), new Dictionary<string, string>
        {
            ["Form.Programme"] = "社会建设创新项目扶持",
            ["Form.Name"] = "改名后的轮次",
            ["Form.Year"] = "2027",
            ["Form.Budget"] = "1200000.50",
            ["Form.Categories"] = "为老服务,300000\n助残服务\n青少年服务\n社区治理\n扶贫济困\n社区营造",
            ["Form.ProjectCap"] = "60000",
            ["Form.MaxShare"] = "70",
            ["Form.MinMonths"] = "3",
            ["Form.MaxMonths"] = "18",
            ["Form.ClosesAt"] = closesAt,
            ["Form.Rubric"] = "C1,公益性,40,看受益面\nC2,专业性,60,",
            ["Form.Reviewers"] = "5",
            ["Form.TranchePlan"] = "40,40,20",
            ["Form.MinimumGrade"] = "2",
            ["Form.PublicityDays"] = "10",
            ["Form.RankBy"] = "ZScore",
            ["Form.BlindReview"] = "true",
        }, Form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        response.Headers.Location!.OriginalString.ShouldBe($"/Grants/Admin/Round/{roundId}");
        var page = await officer.GetDocumentAsync($"/Grants/Admin/Round/{roundId}");
        page.QuerySelector(".flash")!.TextContent.ShouldBe("本轮设置已保存。");
        page.QuerySelector("[data-testid=edit-round]")!.GetAttribute("href").ShouldBe(Url(roundId));
        var after = await app.RoundAsync(roundId);
        (after.Programme, after.Name, after.Year, after.BudgetFen, after.ProjectCapFen, after.MaxGrantShareBasisPoints, after.MinMonths, after.MaxMonths)
            .ShouldBe(("社会建设创新项目扶持", "改名后的轮次", 2027, 120_000_050L, 6_000_000L, 7000, 3, 18));
        after.Categories.ShouldBe([new RoundCategory("为老服务", 30_000_000), new RoundCategory("助残服务"), new RoundCategory("青少年服务"), new RoundCategory("社区治理"), new RoundCategory("扶贫济困"), new RoundCategory("社区营造")]);
        after.Rubric.ShouldBe([new RubricCriterion("C1", "公益性", 40, "看受益面"), new RubricCriterion("C2", "专业性", 60)]);
        (after.ReviewersPerApplication, string.Join(',', after.TranchePlan), after.Eligibility, after.PublicityDays, after.RankBy, after.BlindReview)
            .ShouldBe((5, "40,40,20", before.Eligibility with { MinimumGrade = 2 }, 10, RankingMethod.ZScore, true));
        // The opening instant was left as shown, so it keeps its exact value; the closing one is the minute typed.
        (after.OpensAt, ChinaTime.Time(after.ClosesAt).Replace(' ', 'T'), after.ForbiddenItems).ShouldBe((before.OpensAt, closesAt, before.ForbiddenItems));
        var audit = await app.WithAsync<RegistryDbContext, AuditEntry>(db => db.Set<AuditEntry>()
            .SingleAsync(e => e.Action == "grants.round-updated" && e.EntityId == roundId.ToString(CultureInfo.InvariantCulture)));
        audit.Summary.ShouldContain("BudgetFen");
        audit.Summary.ShouldContain("ClosesAt");
        audit.Summary.ShouldNotContain("OpensAt");
    }

    [Fact]
    public async Task Edit_UnreadableAmountAndInstant_ValuesKeptWithLocalizedErrorsAndNothingSaved()
    {
        var roundId = await app.OpenRoundAsync();
        var before = await app.RoundAsync(roundId);

        using var response = await (await OfficerAsync()).SubmitFormAsync(Url(roundId), new Dictionary<string, string>
        {
            ["Form.Name"] = "不会保存的名字",
            ["Form.Budget"] = "12万",
            ["Form.ClosesAt"] = "下个月",
        }, Form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-valmsg-for='Form.Budget']")!.TextContent.ShouldBe("金额格式无效（最多两位小数）。");
        page.QuerySelector("[data-valmsg-for='Form.ClosesAt']")!.TextContent.ShouldBe("日期格式无效。");
        var form = page.ReadForm(Url(roundId), Form);
        (form.Values["Form.Name"], form.Values["Form.Budget"], form.Values["Form.ClosesAt"]).ShouldBe(("不会保存的名字", "12万", "下个月"));
        (await app.RoundAsync(roundId)).Name.ShouldBe(before.Name);
    }

    [Fact]
    public async Task Edit_EmptyProgramme_RefusedWithTheLocalizedMessageAndNothingSaved()
    {
        var roundId = await app.OpenRoundAsync();
        var before = await app.RoundAsync(roundId);

        using var response = await (await OfficerAsync()).SubmitFormAsync(Url(roundId), new Dictionary<string, string> { ["Form.Programme"] = "" }, Form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain("请填写项目类型。");
        (await app.RoundAsync(roundId)).Programme.ShouldBe(before.Programme);
    }

    [Fact]
    public async Task Edit_ClosingInstantInThePast_RefusedWithTheReason()
    {
        var roundId = await app.OpenRoundAsync();

        using var response = await (await OfficerAsync()).SubmitFormAsync(Url(roundId), new Dictionary<string, string>
        {
            ["Form.ClosesAt"] = ChinaTime.Time(app.Clock.GetUtcNow().UtcDateTime.AddHours(-1)).Replace(' ', 'T'),
        }, Form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain("截止时间不能改到已经过去的时间。");
        (await app.RoundAsync(roundId)).ClosesAt.ShouldBeGreaterThan(app.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Edit_CapLoweredAfterASubmission_RefusedAndTheCapKept()
    {
        var roundId = await app.OpenRoundAsync();
        await app.SubmittedAsync(roundId, MemberServiceCentre, Project("已提交的项目"));

        using var response = await (await OfficerAsync()).SubmitFormAsync(Url(roundId), new Dictionary<string, string> { ["Form.ProjectCap"] = "20000" }, Form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain("已有申报按现行规则提交：单个项目上限（元）只能放宽");
        (await app.RoundAsync(roundId)).ProjectCapFen.ShouldBe(5_000_000);
    }

    [Fact]
    public async Task Edit_SecondTabOnTheOldVersion_ToldOfTheConflictAndTheFirstSaveKept()
    {
        var roundId = await app.OpenRoundAsync();
        var budget = (await app.RoundAsync(roundId)).BudgetFen;
        var officer = await OfficerAsync();
        var firstTab = await officer.ReadFormAsync(Url(roundId), Form);
        var secondTab = await officer.ReadFormAsync(Url(roundId), Form);
        using (var first = await officer.PostFormAsync(firstTab, new Dictionary<string, string> { ["Form.Name"] = "第一个标签页的名字" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(first));
        }

        using var second = await officer.PostFormAsync(secondTab, new Dictionary<string, string> { ["Form.Budget"] = "1500000" });

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(second)).ShouldContain("他人已保存了本轮设置，本次修改未保存");
        var stored = await app.RoundAsync(roundId);
        (stored.Name, stored.BudgetFen).ShouldBe(("第一个标签页的名字", budget));
    }

    [Fact]
    public async Task EditRound_Applicant_IsForbidden()
    {
        var roundId = await app.OpenRoundAsync();

        using var response = await (await app.SignedInClientAsync(DemoApplicant)).GetAsync(new Uri(Url(roundId), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class GrantRoundEditTestsOnSqlite(GrantsSqliteApp app) : GrantRoundEditTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantRoundEditTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantRoundEditTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
