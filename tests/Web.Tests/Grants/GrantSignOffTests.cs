using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// Issue 19's internal sign-off on a round's award (承办 → 审核 → 批准), its length set on the settings screen; on each
/// provider. Its own app: the chain set here would change every other test's award.
/// </summary>
public abstract class GrantSignOffTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    [Fact]
    public async Task Award_ThreeStepChain_ThreeOfficersSignInOrderAndNoneTakesTwoSteps()
    {
        await SetChainAsync(3);
        var (roundId, page) = await AwaitingAwardAsync("三级签批");
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var officer2 = await app.SignedInClientAsync(TestAccounts.Officer2);
        var officer3 = await app.SignedInClientAsync(TestAccounts.Officer3);

        // Only the 承办 form is offered at first; the award is the last step and is refused before the others.
        var first = await officer.GetDocumentAsync(page);
        first.QuerySelector("[data-testid=sign-off-form]").ShouldNotBeNull();
        first.QuerySelector("[data-testid=award-form]").ShouldBeNull();
        using (var early = await officer3.SubmitFormAsync(page, new Dictionary<string, string>(), "form[data-testid=sign-off-form]", "Award"))
        {
            (await early.Content.ReadAsStringAsync()).ShouldContain("现在不能签署“批准”：当前待办的是“承办”");
        }

        using (var blank = await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["Opinion"] = "" }, "form[data-testid=sign-off-form]", "SignOff"))
        {
            (await blank.Content.ReadAsStringAsync()).ShouldContain("拟办意见");
        }

        await SignOkAsync(officer, page, "公示期满无异议，拟按入围名单资助。");
        using (var twice = await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["Opinion"] = "同意" }, "form[data-testid=sign-off-form]", "SignOff"))
        {
            (await twice.Content.ReadAsStringAsync()).ShouldContain("同一案件中您已签署“承办”，不能再签署“审核”");
        }

        await SignOkAsync(officer2, page, "经审核，同意。");
        (await officer2.GetDocumentAsync(page)).QuerySelector("[data-testid=award-form]").ShouldNotBeNull();
        using (var checkerAwards = await officer2.SubmitFormAsync(page, new Dictionary<string, string>(), "form[data-testid=award-form]", "Award"))
        {
            (await checkerAwards.Content.ReadAsStringAsync()).ShouldContain("同一案件中您已签署“审核”，不能再签署“批准”");
        }

        (await app.RoundAsync(roundId)).Stage.ShouldBe(RoundStage.Shortlisted);
        using (var awarded = await officer3.SubmitFormAsync(page, new Dictionary<string, string> { ["Opinion"] = "批准。" }, "form[data-testid=award-form]", "Award"))
        {
            awarded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await app.RoundAsync(roundId)).Stage.ShouldBe(RoundStage.Awarded);
        var subject = roundId.ToString(CultureInfo.InvariantCulture);
        var steps = await app.InScopeAsync(async s => await s.GetRequiredService<RegistryDbContext>().Set<SignOffEntry>().AsNoTracking()
            .Where(e => e.SubjectType == DecisionService.SignOffSubject && e.SubjectId == subject).OrderBy(e => e.Id).Select(e => new { e.Step, e.UserName, e.Opinion }).ToListAsync());
        steps.Select(s => s.Step).ShouldBe([SignOffStep.Handle, SignOffStep.Check, SignOffStep.Approve]);
        steps.Select(s => s.UserName).Distinct().Count().ShouldBe(3);
        steps[^1].Opinion.ShouldBe("批准。");
        var audited = await app.WithAsync<RegistryDbContext, List<string>>(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == DecisionService.SignOffSubject && e.EntityId == subject && e.Action.StartsWith("signoff.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        audited.ShouldBe(["signoff.handle", "signoff.check", "signoff.approve"]);
        var history = await officer.GetDocumentAsync(page);
        history.QuerySelectorAll("[data-testid=sign-offs] li").Select(li => li.GetAttribute("data-step")).ShouldBe(["Handle", "Check", "Approve"]);
        history.QuerySelector("[data-testid=sign-offs]")!.TextContent.ShouldContain("公示期满无异议");
    }

    [Fact]
    public async Task Award_StaleVersion_ConflictNothingRecorded()
    {
        await SetChainAsync(2);
        var (roundId, page) = await AwaitingAwardAsync("并发签批");
        await SignOkAsync(await app.SignedInClientAsync(TestAccounts.Officer), page, "拟同意资助。");

        // Decided on a round read before a change someone else saved: the row version refuses it.
        var result = await app.OnRoundAsync(roundId, (s, r) => s.GetRequiredService<DecisionService>().AwardAsync(r, r.Version - 1, "批准。", CancellationToken.None));

        result.Conflict.ShouldBeTrue();
        (await app.RoundAsync(roundId)).Stage.ShouldBe(RoundStage.Shortlisted);
        var subject = roundId.ToString(CultureInfo.InvariantCulture);
        (await app.WithAsync<RegistryDbContext, int>(db => db.Set<SignOffEntry>().CountAsync(e => e.SubjectType == DecisionService.SignOffSubject && e.SubjectId == subject))).ShouldBe(1);
    }

    [Fact]
    public async Task RoundPage_Applicant_Forbidden()
    {
        var (_, page) = await AwaitingAwardAsync("申请人看不到签批");

        using var response = await (await app.SignedInClientAsync(DemoApplicant)).GetAsync(new Uri(page, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task SetChainAsync(int steps)
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using var saved = await admin.SubmitFormAsync("/Admin/Settings/Section/sign-off-chains",
            new Dictionary<string, string> { [$"Values[{DecisionService.SignOffChainKey}]"] = steps.ToString(CultureInfo.InvariantCulture) }, "form[data-testid=settings-form]");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>A round with one project shortlisted and its 公示 over (a new round each time: the clock moves forward only).</summary>
    private async Task<(int RoundId, string Page)> AwaitingAwardAsync(string title)
    {
        var roundId = await app.OpenRoundAsync();
        await app.ScoredAsync(roundId, MemberServiceCentre, Project(title));
        (await app.PublishShortlistAsync(roundId)).ShouldSucceed();
        app.MoveTo((await app.RoundAsync(roundId)).PublicityEndsOn!.Value.AddDays(1));
        return (roundId, $"/Grants/Admin/Round/{roundId}");
    }

    private static async Task SignOkAsync(HttpClient officer, string page, string opinion)
    {
        using var response = await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["Opinion"] = opinion }, "form[data-testid=sign-off-form]", "SignOff");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

public sealed class GrantSignOffTestsOnSqlite(GrantsSqliteApp app) : GrantSignOffTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantSignOffTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantSignOffTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
