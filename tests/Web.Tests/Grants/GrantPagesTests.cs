using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Registry.Grants.Services;
using Registry.Testing;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>Who may open the grants pages and what each sees (scores only for officers), over HTTP, on each provider.</summary>
public abstract class GrantPagesTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private const string Need = "辖区独居老人多，缺少日常关照。";

    private Task<HttpClient> ReviewerAsync(string email) => app.SignedInClientAsync((email, ReviewerPassword));

    private async Task<int> AssignedAsync(string email)
    {
        var id = await app.PassedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("页面测试"));
        var reviewer = await app.UserIdAsync(email);
        (await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<ReviewService>().AssignAsync(a, [reviewer], CancellationToken.None))).ShouldSucceed();
        return id;
    }

    [Fact]
    public async Task AdminPage_Applicant_IsForbidden()
    {
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        using var response = await applicant.GetAsync(new Uri("/Grants/Admin", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviewSheet_ReviewerNotAssigned_IsForbidden()
    {
        var id = await AssignedAsync(Reviewers[0]);

        using var response = await (await ReviewerAsync(Reviewers[1])).GetAsync(new Uri($"/Grants/Review/{id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviewSheet_AssignedBeforeDeclaring_AsksForTheDeclarationAndHidesTheApplication()
    {
        var id = await AssignedAsync(Reviewers[0]);

        var page = await (await ReviewerAsync(Reviewers[0])).GetDocumentAsync($"/Grants/Review/{id}");

        page.QuerySelector("[data-testid=declaration-form]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=score-form]").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain(Need);
    }

    [Fact]
    public async Task ReviewSheet_ScoresPostedBeforeDeclaring_IsForbidden()
    {
        var id = await AssignedAsync(Reviewers[1]);
        var client = await ReviewerAsync(Reviewers[1]);

        using var response = await client.SubmitFormAsync($"/Grants/Review/{id}", new Dictionary<string, string> { ["Scores[C1].Points"] = "30" }, handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviewSheet_AfterDeclaringNoConflict_ShowsTheApplication()
    {
        var id = await AssignedAsync(Reviewers[2]);
        (await app.DeclareAsync(id, Reviewers[2])).ShouldSucceed();

        var page = await (await ReviewerAsync(Reviewers[2])).GetDocumentAsync($"/Grants/Review/{id}");

        page.Body!.TextContent.ShouldContain(Need);
        page.QuerySelector("[data-testid=score-form]").ShouldNotBeNull();
    }

    [Fact]
    public async Task ApplicationPage_OtherOrganizationsApplication_NotFound()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("他人项目"));

        using var response = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(new Uri($"/Grants/Application/{id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApplicationPage_ScoredApplication_ApplicantSeesReceiptButNoScores()
    {
        var id = await app.ScoredAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("已评分"));

        var page = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Grants/Application/{id}");

        page.QuerySelector("[data-testid=receipt-number]")!.TextContent.ShouldStartWith("GC");
        page.Body!.TextContent.ShouldNotContain("25.2");
        page.QuerySelector("[data-testid=raw]").ShouldBeNull();
    }

    [Fact]
    public async Task Dashboard_OfficerWithASubmission_ListsTheRoundsApplicationsToScreen()
    {
        var roundId = await app.OpenRoundAsync();
        await app.SubmittedAsync(roundId, MemberServiceCentre, Project("待初筛"));
        var round = await app.RoundAsync(roundId);

        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync("/Admin");

        var item = page.QuerySelectorAll("[data-testid=work-item][data-label='Grant.Work.ToScreen']").Single(i => i.TextContent.Contains(round.Name, StringComparison.Ordinal));
        item.QuerySelector("[data-testid=work-count]")!.TextContent.ShouldBe("1");
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Grants/Admin/Round/{roundId}");
    }

    [Fact]
    public async Task Dashboard_ReviewerAssigned_CountsTheScoreSheetStillDue()
    {
        var reviewer = await ReviewerAsync(Reviewers[2]);
        var before = SheetsDue(await reviewer.GetDocumentAsync("/Admin"));

        await AssignedAsync(Reviewers[2]);

        SheetsDue(await reviewer.GetDocumentAsync("/Admin")).ShouldBe(before + 1);
    }

    /// <summary>Issue 25 item 10: the eligibility report printed "2025: Qualified" and a bare "1" beside "within 1 year".</summary>
    [Fact]
    public async Task EligibilityReport_Officer_ShowsLocalizedDetailsOnly()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("资格报告"));

        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Grants/Admin/Application/{id}");

        var inspection = page.QuerySelector($"[data-testid=check][data-key='{Registry.Grants.Domain.GrantEligibility.LastInspection}'] .muted")!.TextContent.Trim();
        inspection.ShouldStartWith($"{app.Today.Year - 1}: ");
        System.Text.RegularExpressions.Regex.IsMatch(inspection, "[A-Za-z]").ShouldBeFalse(inspection);
        page.QuerySelector($"[data-testid=check][data-key='{Registry.Grants.Domain.GrantEligibility.AbnormalList}'] .muted")!.TextContent.Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task RoundPage_Officer_IsNotShownTheApplyButton_ApplicantIs()
    {
        var roundId = await app.OpenRoundAsync();

        (await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Grants/Round/{roundId}")).QuerySelector("[data-testid=apply]").ShouldBeNull();
        (await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Grants/Round/{roundId}")).QuerySelector("[data-testid=apply]").ShouldNotBeNull();
    }

    private static int SheetsDue(AngleSharp.Html.Dom.IHtmlDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=work-item][data-label='Grant.Work.SheetsDue'] [data-testid=work-count]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AdminRound_Officer_SeesTheScoresSideBySide()
    {
        var roundId = await app.OpenRoundAsync();
        await app.ScoredAsync(roundId, MemberServiceCentre, Project("官员视图"));

        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync($"/Grants/Admin/Round/{roundId}");

        page.QuerySelector("[data-testid=raw]")!.TextContent.ShouldBe("85");
    }

    [Fact]
    public async Task ApplicationPage_DraftSubmittedThroughTheForm_ReceiptShown()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("表单提交"));
        var client = await app.SignedInClientAsync(DemoApplicant);

        // The declarations ticked as a browser sends them (the checkbox's value first; the form helper keeps the hidden "false" after it).
        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string> { ["Form.NoOtherFunding"] = "true", ["Form.NoMajorViolation"] = "true" }, "#grant-form", handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync($"/Grants/Application/{id}")).QuerySelector("[data-testid=receipt-number]")!.TextContent.ShouldBe((await app.ApplicationAsync(id)).ReceiptNumber);
    }

    [Fact]
    public async Task ApplicationPage_ForbiddenLineBelowAnEmptyRow_MessageOnTheRowTyped()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("空行之后"));
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Application/{id}", new Dictionary<string, string>
        {
            ["Form.Lines[1].Item"] = "",
            ["Form.Lines[1].Requested"] = "",
            ["Form.Lines[1].Matching"] = "",
            ["Form.Lines[2].Category"] = "Activities",
            ["Form.Lines[2].Item"] = "探访活动",
            ["Form.Lines[2].Matching"] = "20000",
            ["Form.Lines[3].Category"] = "Materials",
            ["Form.Lines[3].Item"] = "购置设备",
            ["Form.Lines[3].Requested"] = "1000",
        }, "#grant-form", handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-valmsg-for='Form.Lines[3].Item']")!.TextContent.ShouldStartWith("第4行“购置设备”不得列入资助资金");
        (page.QuerySelector("[data-valmsg-for='Form.Lines[2].Item']")?.TextContent ?? "").ShouldBeEmpty();
        page.QuerySelector("[data-testid=item-3]")!.GetAttribute("value").ShouldBe("购置设备");
        (await app.ApplicationAsync(id)).State.ShouldBe(Registry.Grants.Domain.GrantState.Draft);
    }
}

public sealed class GrantPagesTestsOnSqlite(GrantsSqliteApp app) : GrantPagesTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantPagesTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantPagesTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
