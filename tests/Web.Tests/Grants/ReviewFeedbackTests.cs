using Registry.Testing;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>The reviewers' comments as the applicant reads them after the decision, anonymized, over HTTP on each provider.</summary>
public abstract class ReviewFeedbackTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> DecidedPageAsync(string title, bool comments, bool scores, bool publish = true)
    {
        var roundId = await app.OpenRoundAsync(configure: r => (r.ShowReviewCommentsToApplicant, r.ShowReviewScoresToApplicant) = (comments, scores));
        var id = await app.ScoredAsync(roundId, MemberServiceCentre, Project(title));
        if (publish)
        {
            (await app.PublishShortlistAsync(roundId)).ShouldSucceed();
        }

        return await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Grants/Application/{id}");
    }

    [Fact]
    public async Task ApplicationPage_DecidedRoundShowingComments_NumberedReviewersNeverNamedNoScores()
    {
        var page = await DecidedPageAsync("公开评审意见", comments: true, scores: false);

        var reviews = page.QuerySelectorAll("[data-testid=anonymous-review]");
        reviews.Select(r => r.QuerySelector("h3")!.TextContent.Trim()).ShouldBe(["评审专家1", "评审专家2", "评审专家3"]);
        reviews[0].QuerySelector("[data-testid=review-comment]")!.TextContent.ShouldBe("方案清晰。");
        page.Body!.TextContent.ShouldNotContain("评审专家甲");
        page.QuerySelector("[data-testid=review-points]").ShouldBeNull();
        page.QuerySelector("[data-testid=review-total]").ShouldBeNull();
    }

    [Fact]
    public async Task ApplicationPage_DecidedRoundShowingScores_EachReviewersTotal()
    {
        var page = await DecidedPageAsync("公开评分", comments: true, scores: true);

        page.QuerySelectorAll("[data-testid=review-total]").Select(t => t.TextContent.Trim()).ShouldBe(["· 总分 84", "· 总分 85", "· 总分 86"]);
    }

    [Fact]
    public async Task ApplicationPage_ScoredButNotDecided_NoComments()
    {
        var page = await DecidedPageAsync("尚未公布", comments: true, scores: true, publish: false);

        page.QuerySelector("[data-testid=anonymous-reviews]").ShouldBeNull();
    }

    [Fact]
    public async Task ApplicationPage_RoundKeepingComments_NoComments()
    {
        var page = await DecidedPageAsync("不公开意见", comments: false, scores: false);

        page.QuerySelector("[data-testid=anonymous-reviews]").ShouldBeNull();
    }
}

public sealed class ReviewFeedbackTestsOnSqlite(GrantsSqliteApp app) : ReviewFeedbackTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class ReviewFeedbackTestsOnPostgreSql(GrantsPostgreSqlApp app) : ReviewFeedbackTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
