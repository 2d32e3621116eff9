using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Review;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// Issue 19's internal sign-off on the committee's grade (承办 → 审核 → 批准), its length set on the settings screen; on each
/// provider. Its own app: the chain set here would change every other test's decision.
/// </summary>
public abstract class RatingSignOffTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task Decide_ThreeStepChainSetOnTheSettingsScreen_ThreeOfficersSignAndOneOfficerCannotTakeTwoSteps()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using (var refused = await admin.SubmitFormAsync("/Admin/Settings/Section/sign-off-chains", new Dictionary<string, string> { ["Values[Ratings.Decision]"] = "4" }, "form[data-testid=settings-form]"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("等级评估结论");
        }

        using (var saved = await admin.SubmitFormAsync("/Admin/Settings/Section/sign-off-chains", new Dictionary<string, string> { ["Values[Ratings.Decision]"] = "3" }, "form[data-testid=settings-form]"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await app.ScoredAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), "宁波市海曙区体育总会");
        var page = $"/Ratings/Admin/Application/{id}";
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var officer2 = await app.SignedInClientAsync(TestAccounts.Officer2);
        var officer3 = await app.SignedInClientAsync(TestAccounts.Officer3);

        // Only the 承办 form is offered at first; the decision is the last step.
        var first = await officer.GetDocumentAsync(page);
        first.QuerySelector("[data-testid=sign-off-form]").ShouldNotBeNull();
        first.QuerySelector("[data-testid=decision-form]").ShouldBeNull();
        using (var blank = await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["Opinion"] = "" }, "form[data-testid=sign-off-form]", "SignOff"))
        {
            (await blank.Content.ReadAsStringAsync()).ShouldContain("拟办意见");
        }

        await SignOkAsync(officer, page, "拟评定为4A，专家评分一致。");
        using (var twice = await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["Opinion"] = "同意" }, "form[data-testid=sign-off-form]", "SignOff"))
        {
            (await twice.Content.ReadAsStringAsync()).ShouldContain("同一案件中您已签署“承办”，不能再签署“审核”");
        }

        await SignOkAsync(officer2, page, "经审核，同意。");
        (await officer2.GetDocumentAsync(page)).QuerySelector("[data-testid=decision-form]").ShouldNotBeNull();
        using (var checkerDecides = await officer2.SubmitFormAsync(page, new Dictionary<string, string>(), "form[data-testid=decision-form]", "Decide"))
        {
            (await checkerDecides.Content.ReadAsStringAsync()).ShouldContain("同一案件中您已签署“审核”，不能再签署“批准”");
        }

        (await app.ApplicationAsync(id)).State.ShouldBe(RatingState.Assessment);
        using (var decided = await officer3.SubmitFormAsync(page, new Dictionary<string, string>(), "form[data-testid=decision-form]", "Decide"))
        {
            decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await app.ApplicationAsync(id)).State.ShouldBe(RatingState.Decided);
        var steps = await app.InScopeAsync(async services => await services.GetRequiredService<RegistryDbContext>().Set<SignOffEntry>().AsNoTracking()
            .Where(e => e.SubjectType == DecisionService.SignOffSubject && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => new { e.Step, e.UserName }).ToListAsync());
        steps.Select(s => s.Step).ShouldBe([SignOffStep.Handle, SignOffStep.Check, SignOffStep.Approve]);
        steps.Select(s => s.UserName).Distinct().Count().ShouldBe(3);
        var after = await officer.GetDocumentAsync(page);
        after.QuerySelectorAll("[data-testid=sign-offs] li").Length.ShouldBe(3);
    }

    private static async Task SignOkAsync(HttpClient officer, string page, string opinion)
    {
        using var response = await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["Opinion"] = opinion }, "form[data-testid=sign-off-form]", "SignOff");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

public sealed class RatingSignOffTestsOnSqlite(RatingsSqliteApp app) : RatingSignOffTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class RatingSignOffTestsOnPostgreSql(RatingsPostgreSqlApp app) : RatingSignOffTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;
