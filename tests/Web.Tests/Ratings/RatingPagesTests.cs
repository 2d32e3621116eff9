using System.Net;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Testing;
using static Registry.Web.Tests.Ratings.RatingsApp;

namespace Registry.Web.Tests.Ratings;

/// <summary>Who may open the ratings pages, and what an expert sees before declaring no conflict of interest; over HTTP, on each provider.</summary>
public abstract class RatingPagesTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    private const string SelfAssessmentMarker = "[data-testid=self]";

    [Fact]
    public async Task AdminPage_Applicant_IsForbidden()
    {
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        using var response = await applicant.GetAsync(new Uri("/Ratings/Admin", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviewSheet_ExpertNotOnThePanel_IsForbidden()
    {
        var id = await PanelledApplicationAsync();
        var reviewer = await app.SignedInClientAsync(TestAccounts.Reviewer);

        using var response = await reviewer.GetAsync(new Uri($"/Ratings/Review/{id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviewSheet_AssignedExpertBeforeDeclaring_AsksForTheDeclarationAndHidesTheFile()
    {
        var id = await PanelledApplicationAsync();

        var page = await (await ExpertAsync(Experts[0])).GetDocumentAsync($"/Ratings/Review/{id}");

        page.QuerySelector("[data-testid=declaration-form]").ShouldNotBeNull();
        page.QuerySelector(SelfAssessmentMarker).ShouldBeNull();
        page.QuerySelector("[data-testid=score-form]").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain(RatingSteps.SelfAssessmentNote);
        page.Body.TextContent.ShouldNotContain(RatingSteps.EvidenceFileName);
    }

    [Fact]
    public async Task ReviewSheet_AssignedExpertAfterDeclaringNoConflict_SeesTheSelfAssessment()
    {
        var id = await PanelledApplicationAsync();
        await app.DeclareNoConflictAsync(id, Experts[1]);

        var page = await (await ExpertAsync(Experts[1])).GetDocumentAsync($"/Ratings/Review/{id}");

        page.QuerySelectorAll(SelfAssessmentMarker).ShouldNotBeEmpty();
        page.Body!.TextContent.ShouldContain(RatingSteps.SelfAssessmentNote);
    }

    [Fact]
    public async Task ReviewForm_GroundsOverTheLimit_ToldTheyAreTooLongNotThatTheyAreMissing()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);
        var id = await app.DecidedAsync(campaignId, MemberServiceCentre);
        (await app.PublishAsync(campaignId)).ShouldSucceed();
        var applicant = await app.SignedInClientAsync(DemoApplicant);

        using var response = await applicant.SubmitFormAsync($"/Ratings/Application/{id}", new Dictionary<string, string> { ["Grounds"] = new string('复', TextLimits.Review + 1) }, "form[data-testid=review-form]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent;
        errors.ShouldContain($"复核理由不能超过{TextLimits.Review}个字符。");
        errors.ShouldNotContain("请填写");
        (await app.ReviewsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Certificate_3AOrAbove_CarriesAQrCodeOfThePublicPage()
    {
        var gradeId = await app.ArrangeGradeAsync("宁波市海曙区颐乐居家养老服务中心", 4, app.Today.AddYears(-1), app.Today.AddYears(4));

        var page = await app.Client().GetDocumentAsync($"/Ratings/Certificate/{gradeId}");

        var qr = page.QuerySelector("[data-testid=certificate-qr] [role=img]").ShouldNotBeNull();
        qr.QuerySelector("svg").ShouldNotBeNull();
        qr.GetAttribute("aria-label").ShouldBe("宁波市海曙区颐乐居家养老服务中心公开信息页的二维码");
    }

    /// <summary>An application of the demo social group with the three experts assigned, nobody declared yet.</summary>
    private async Task<int> PanelledApplicationAsync()
    {
        var id = await app.InAssessmentAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), MemberSocialGroup);
        (await app.AssignAsync(id, Experts)).ShouldSucceed();
        return id;
    }

    private Task<HttpClient> ExpertAsync(string email) => app.SignedInClientAsync((email, ExpertPassword));
}

public sealed class RatingPagesTestsOnSqlite(RatingsSqliteApp app) : RatingPagesTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class RatingPagesTestsOnPostgreSql(RatingsPostgreSqlApp app) : RatingPagesTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;
