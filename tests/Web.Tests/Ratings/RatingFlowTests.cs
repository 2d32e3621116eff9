using Registry.Core.Calendar;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Ratings.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Ratings.RatingsApp;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// The rating procedure through its services up to 公示 and review, on each provider. The clock stays on Monday
/// 2026-03-02; every test opens its own campaign and uses its own organization.
/// </summary>
public abstract class RatingFlowTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task Submit_CompleteSelfAssessmentWithEvidence_EligibilityCheckedUnderTheCampaignsRules()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);

        var application = await app.ApplicationAsync(await app.SubmitApplicationAsync(campaignId, "宁波市海曙区书法家协会"));

        (application.State, application.Evidence.Count).ShouldBe((RatingState.Submitted, 1));
        var checks = RatingApplicationService.ReadChecks(application);
        checks.ShouldAllBe(c => c.Passed);
        checks.Select(c => c.Key).ShouldContain("Rate.Check.LastInspection");
    }

    [Fact]
    public async Task DecideEligibility_ChecksPassedAndConfirmed_GoesToAssessment()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Revision2026);

        var application = await app.ApplicationAsync(await app.InAssessmentAsync(campaignId, "宁波市海曙区残疾人康复协会"));

        (application.State, application.EligibilityOverridden).ShouldBe((RatingState.Assessment, (bool?)false));
    }

    [Fact]
    public async Task Candidates_MemberOfTheOrganization_MarkedLinked()
    {
        var id = await app.InAssessmentAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), MemberSocialGroup);
        var linkedId = await app.UserIdAsync(LinkedExpert);

        var candidates = await app.CandidatesAsync(id);

        candidates.Single(c => c.UserId == linkedId).Linked.ShouldBeTrue();
        candidates.Where(c => c.UserId != linkedId).ShouldAllBe(c => !c.Linked);
        candidates.Select(c => c.Email).ShouldBe([.. Experts, LinkedExpert, TestAccounts.Reviewer.Email], ignoreOrder: true);
    }

    [Fact]
    public async Task Assign_MemberOfTheOrganization_RefusedAndNobodySeated()
    {
        var id = await app.InAssessmentAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), MemberSocialGroup);

        var result = await app.AssignAsync(id, [LinkedExpert, .. Experts]);

        result.ShouldFailWith().ShouldBe(("Reviewers", "Rate.Error.LinkedExpert"));
        (await app.WithAsync<PanelService, List<PanelMember>>(p => p.PanelOfAsync(id, CancellationToken.None))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Assign_TwoExperts_RefusedAsTooSmallAPanel()
    {
        var id = await app.InAssessmentAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), "宁波市海曙区华侨关爱促进会");

        (await app.AssignAsync(id, Experts[0], Experts[1])).ShouldFailWith().ShouldBe(("Reviewers", "Rate.Error.PanelTooSmall"));
    }

    [Fact]
    public async Task Decide_ThreeExpertsScored_GradeTheMeansEarn()
    {
        var id = await app.ScoredAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), "宁波市海曙区体育总会");

        (await app.DecideAsync(id)).ShouldSucceed();

        var application = await app.ApplicationAsync(id);
        (application.State, application.ComputedTotal, application.ComputedGrade, application.DecidedGrade, application.DecidedOn)
            .ShouldBe((RatingState.Decided, (decimal?)RatingSteps.ExpectedTotal, (int?)RatingSteps.ExpectedGrade, (int?)RatingSteps.ExpectedGrade, (DateOnly?)app.Today));
    }

    [Fact]
    public async Task Decide_OtherGradeWithoutReason_RefusedAndStillInAssessment()
    {
        var id = await app.ScoredAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), "宁波市海曙区摄影家协会");

        (await app.DecideAsync(id, grade: 5)).ShouldFailWith().ShouldBe(("Reason", "Rate.Error.OverrideReason"));

        (await app.ApplicationAsync(id)).State.ShouldBe(RatingState.Assessment);
    }

    [Fact]
    public async Task Decide_OtherGradeWithReason_RecordedBesideTheComputedOne()
    {
        var id = await app.ScoredAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), "宁波市海曙区家庭教育研究会");

        (await app.DecideAsync(id, grade: 3, reason: "现场评估发现财务制度执行不到位。")).ShouldSucceed();

        var application = await app.ApplicationAsync(id);
        (application.ComputedGrade, application.DecidedGrade, application.DecisionReason).ShouldBe(((int?)4, (int?)3, "现场评估发现财务制度执行不到位。"));
    }

    [Fact]
    public async Task Publish_DecidedGrade_PublicizedWithANoticeOpenToObjections()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);
        var id = await app.DecidedAsync(campaignId, "宁波市海曙区餐饮行业协会");

        (await app.PublishAsync(campaignId)).ShouldSucceed();

        var application = await app.ApplicationAsync(id);
        (application.State, application.PublicityEndsOn).ShouldBe((RatingState.Publicized, (DateOnly?)app.Today.AddDays(RatingCampaignService.DefaultPublicityDays - 1)));
        var notice = await app.WithAsync<RegistryDbContext, Notice?>(db => db.Set<Notice>().FindAsync(application.NoticeId).AsTask());
        notice.ShouldNotBeNull();
        (notice.Status, notice.Kind, notice.AcceptsObjections, notice.PeriodStart, notice.PeriodEnd)
            .ShouldBe((NoticeStatus.Published, NoticeKind.RatingResult, true, (DateOnly?)app.Today, application.PublicityEndsOn));
        notice.BodyMarkdown.ShouldContain("| 宁波市海曙区餐饮行业协会 | 4A |");
    }

    [Fact]
    public async Task RequestReview_InsideThePublicity_AcceptedWithTheAnswerDue15WorkingDaysLater()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);
        var id = await app.DecidedAsync(campaignId, "宁波市海曙区物业管理协会");
        (await app.PublishAsync(campaignId)).ShouldSucceed();

        (await app.RequestReviewAsync(id, "自评与专家评分差距较大，请求复核。")).ShouldSucceed();

        var request = (await app.ReviewsAsync(id)).ShouldHaveSingleItem();
        // Monday 2026-03-02 + 15 working days (no holiday in March 2026): Monday 2026-03-23, derived from the inputs when read.
        (request.FiledOn, request.AnswerWorkingDays, request.DecidedOn).ShouldBe((app.Today, DecisionService.ReviewWorkingDays, (DateOnly?)null));
        var due = (await app.WithAsync<DecisionService, IReadOnlyDictionary<int, DueDate>>(d => d.DueDatesAsync([request], CancellationToken.None)))[request.Id];
        due.ShouldBe(new DueDate(new DateOnly(2026, 3, 23), Provisional: false));
    }

    [Fact]
    public async Task Decide_TotalBelowTheCampaignsFloor_NoGradeAndPublicizedAsBelowTheGrades()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Revision2026, new GradeScale(OneA: 500));
        var id = await app.DecidedAsync(campaignId, "宁波市海曙区民宿联合会", shares: [0.44m, 0.45m, 0.46m]);

        (await app.PublishAsync(campaignId)).ShouldSucceed();

        var application = await app.ApplicationAsync(id);
        (application.ComputedTotal, application.ComputedGrade, application.DecidedGrade).ShouldBe(((decimal?)450m, (int?)0, (int?)0));
        var notice = await app.WithAsync<RegistryDbContext, Notice?>(db => db.Set<Notice>().FindAsync(application.NoticeId).AsTask());
        notice.ShouldNotBeNull().BodyMarkdown.ShouldContain("| 宁波市海曙区民宿联合会 | 未达等级 |");
    }

    [Fact]
    public async Task RequestReview_GroundsBlankOrOverTheLimit_RefusedAsRequiredOrAsTooLong()
    {
        var campaignId = await app.OpenCampaignAsync(RuleSet.Measures2010);
        var id = await app.DecidedAsync(campaignId, "宁波市海曙区摄影家协会");
        (await app.PublishAsync(campaignId)).ShouldSucceed();

        var blank = await app.RequestReviewAsync(id, "  ");
        var tooLong = await app.RequestReviewAsync(id, new string('复', TextLimits.Review + 1));

        blank.ShouldFailWith().ShouldBe(("Grounds", "Validation.Required"));
        tooLong.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => (e.Field, e.Key).ShouldBe(("Grounds", "Validation.MaxLength")),
            e => e.Args.ShouldBe(["Rate.Field.Grounds", TextLimits.Review]));
        (await app.RequestReviewAsync(id, new string('复', TextLimits.Review))).ShouldSucceed();
    }

    [Fact]
    public async Task SetFieldAssessment_InAssessment_RecordedAndAfterTheDecision_RefusedWithTheState()
    {
        var id = await app.ScoredAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), "宁波市海曙区社会组织联合会");
        (await app.SetFieldAssessmentAsync(id, app.Today)).ShouldSucceed();
        (await app.DecideAsync(id)).ShouldSucceed();

        var late = await app.SetFieldAssessmentAsync(id, app.Today.AddDays(1));

        late.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => (e.Field, e.Key).ShouldBe(("", "Rate.Error.FieldAssessmentState")),
            e => e.Args.ShouldBe(["Rate.Admin.State.Decided"]));
        (await app.ApplicationAsync(id)).FieldAssessmentOn.ShouldBe(app.Today);
    }

    [Fact]
    public async Task ChangeGrade_WithoutReason_RefusedAndTheRegisterKeepsTheGrade()
    {
        var gradeId = await app.ArrangeGradeAsync("宁波市海曙区志愿者协会", 4, app.Today.AddYears(-1), app.Today.AddYears(4));

        (await app.ChangeGradeAsync(gradeId, 3, " ")).ShouldFailWith().ShouldBe(("Reason", "Validation.Required"));

        (await app.RegisterGradeAsync(await app.OrganizationIdAsync("宁波市海曙区志愿者协会"))).ShouldBe(4);
    }

    [Fact]
    public async Task ChangeGrade_DowngradeWithReason_LowersTheRegistersGradeFromToday()
    {
        var organizationId = await app.OrganizationIdAsync("宁波市海曙区青少年发展促进会");
        var until = app.Today.AddYears(4);
        var gradeId = await app.ArrangeGradeAsync("宁波市海曙区青少年发展促进会", 4, app.Today.AddYears(-1), until);

        (await app.ChangeGradeAsync(gradeId, 3, "年度检查结论为基本合格。")).ShouldSucceed();

        (await app.RegisterGradeAsync(organizationId)).ShouldBe(3);
        var grades = await app.GradesAsync(organizationId);
        (grades[0].EndedOn, grades[0].ReplacedByGrade).ShouldBe(((DateOnly?)app.Today, (int?)3));
        (grades[1].Grade, grades[1].ValidFrom, grades[1].ValidUntil).ShouldBe((3, app.Today, until));
        (await app.WithAsync<IOrganizationGrades, GradeRecord?>(g => g.CurrentAsync(organizationId, app.Today, CancellationToken.None)))!.Grade.ShouldBe(3);
    }
}

public sealed class RatingFlowTestsOnSqlite(RatingsSqliteApp app) : RatingFlowTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class RatingFlowTestsOnPostgreSql(RatingsPostgreSqlApp app) : RatingFlowTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;
