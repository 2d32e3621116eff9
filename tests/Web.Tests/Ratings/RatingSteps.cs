using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Web.Data;
using Registry.Web.Tests.Organizations;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// The rating procedure driven through its services, one scope per step as a request would be: the officer opens a
/// campaign, the organization applies, the panel scores, the committee decides, 公示, review, announcement.
/// </summary>
internal static class RatingSteps
{
    /// <summary>Each expert's share of every indicator's maximum: the means come to 85% of 1000, a 4A.</summary>
    public static readonly decimal[] ExpertShares = [0.84m, 0.85m, 0.86m];

    public const decimal ExpectedTotal = 850m;

    public const int ExpectedGrade = 4;

    public const string SelfAssessmentNote = "按指标逐项自评，佐证材料见附件。";

    public const string EvidenceFileName = "法人登记证书.pdf";

    /// <summary>The declaration of 民政部令第39号 第七条(三)(四) an applicant with nothing to declare makes.</summary>
    public static readonly ApplicantDeclaration Declared = new(NoPenalty: true, NotUnderInvestigation: true);

    public static void ShouldSucceed(this OperationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Errors.Select(e => $"{e.Field}: {e.Key}").ShouldBeEmpty();
        result.Conflict.ShouldBeFalse();
    }

    /// <summary>The one error of a refused step, as (field, key).</summary>
    public static (string Field, string Key) ShouldFailWith(this OperationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var error = result.Errors.ShouldHaveSingleItem();
        return (error.Field, error.Key);
    }

    /// <summary>Opens a campaign whose window runs from today for three months (publicity 7 days; thresholds by default those of DESIGN §3).</summary>
    public static Task<int> OpenCampaignAsync(this RatingsApp app, RuleSet rules, GradeScale? scale = null) => app.WithAsync<RatingCampaignService, int>(async campaigns =>
    {
        var (result, campaign) = await campaigns.OpenAsync(
            new RatingCampaignRequest(app.Today.Year, $"{app.Today.Year}年度社会组织等级评估（{rules}）", app.Today, app.Today.AddMonths(3), rules, scale ?? new GradeScale(), RatingCampaignService.DefaultPublicityDays),
            CancellationToken.None);
        result.ShouldSucceed();
        return campaign!.Id;
    });

    /// <summary>Runs a step on the application loaded (tracked) in the step's own scope.</summary>
    public static Task<OperationResult> OnApplicationAsync(this RatingsApp app, int applicationId, Func<IServiceProvider, RatingApplication, Task<OperationResult>> step) =>
        app.InScopeAsync(async s => await step(s, (await s.GetRequiredService<RatingApplicationService>().FindAsync(applicationId, CancellationToken.None))!));

    public static Task<RatingApplication> ApplicationAsync(this RatingsApp app, int applicationId) =>
        app.WithAsync<RegistryDbContext, RatingApplication>(db => db.Set<RatingApplication>().AsNoTracking().Include(a => a.Evidence).SingleAsync(a => a.Id == applicationId));

    public static Task<RatingCampaign> CampaignAsync(this RatingsApp app, int campaignId) =>
        app.WithAsync<RegistryDbContext, RatingCampaign>(db => db.Set<RatingCampaign>().AsNoTracking().SingleAsync(c => c.Id == campaignId));

    /// <summary>The organization starts, self-assesses every indicator, attaches a PDF and submits; returns the application id.</summary>
    public static async Task<int> SubmitApplicationAsync(this RatingsApp app, int campaignId, string organizationName)
    {
        var id = await app.DraftApplicationAsync(campaignId, organizationName);
        (await app.SubmitDraftAsync(id, Declared)).ShouldSucceed();
        return id;
    }

    /// <summary>The organization starts, self-assesses every indicator and attaches a PDF; returns the draft's id.</summary>
    public static async Task<int> DraftApplicationAsync(this RatingsApp app, int campaignId, string organizationName)
    {
        var organizationId = await app.OrganizationIdAsync(organizationName);
        var id = await app.WithAsync<RatingApplicationService, int>(async applications =>
        {
            var (result, application) = await applications.StartAsync(campaignId, organizationId, CancellationToken.None);
            result.ShouldSucceed();
            return application!.Id;
        });
        (await app.OnApplicationAsync(id, async (s, application) =>
        {
            var rubric = await s.GetRequiredService<RatingApplicationService>().RubricOfAsync(application, CancellationToken.None);
            var self = rubric.Indicators.ToDictionary(i => i.Code, i => new SelfScore(i.Max * 0.9m, SelfAssessmentNote));
            return await s.GetRequiredService<RatingApplicationService>().SaveSelfAssessmentAsync(application, self, application.Version, CancellationToken.None);
        })).ShouldSucceed();
        (await app.OnApplicationAsync(id, (s, application) =>
        {
            using var pdf = new MemoryStream(RegistrationClient.Pdf);
            return s.GetRequiredService<RatingApplicationService>().AttachEvidenceAsync(application, "A1", pdf, EvidenceFileName, application.Version, CancellationToken.None);
        })).ShouldSucceed();
        return id;
    }

    public static Task<OperationResult> SubmitDraftAsync(this RatingsApp app, int applicationId, ApplicantDeclaration declaration) =>
        app.OnApplicationAsync(applicationId, (s, application) =>
            s.GetRequiredService<RatingApplicationService>().SubmitAsync(application, declaration, application.Version, CancellationToken.None));

    /// <summary>Submitted and confirmed eligible by the officer: the panel may be assigned.</summary>
    public static async Task<int> InAssessmentAsync(this RatingsApp app, int campaignId, string organizationName)
    {
        var id = await app.SubmitApplicationAsync(campaignId, organizationName);
        (await app.OnApplicationAsync(id, (s, application) =>
            s.GetRequiredService<RatingApplicationService>().DecideEligibilityAsync(application, eligible: true, null, application.Version, CancellationToken.None))).ShouldSucceed();
        return id;
    }

    public static async Task<OperationResult> AssignAsync(this RatingsApp app, int applicationId, params string[] emails)
    {
        var ids = new List<string>();
        foreach (var email in emails)
        {
            ids.Add(await app.UserIdAsync(email));
        }

        return await app.OnApplicationAsync(applicationId, (s, application) => s.GetRequiredService<PanelService>().AssignAsync(application, ids, CancellationToken.None));
    }

    public static Task<IReadOnlyList<PanelCandidate>> CandidatesAsync(this RatingsApp app, int applicationId) => app.InScopeAsync(async s =>
        await s.GetRequiredService<PanelService>().CandidatesAsync((await s.GetRequiredService<RatingApplicationService>().FindAsync(applicationId, CancellationToken.None))!, CancellationToken.None));

    public static async Task DeclareNoConflictAsync(this RatingsApp app, int applicationId, string email)
    {
        var userId = await app.UserIdAsync(email);
        (await app.InScopeAsync(async s =>
            await s.GetRequiredService<PanelService>().DeclareAsync(await SeatAsync(s, applicationId, userId), conflict: false, null, CancellationToken.None))).ShouldSucceed();
    }

    /// <summary>The expert declares no conflict, scores every indicator at <paramref name="share"/> of its maximum and submits.</summary>
    public static async Task ScoreAsync(this RatingsApp app, int applicationId, string email, decimal share)
    {
        var userId = await app.UserIdAsync(email);
        await app.DeclareNoConflictAsync(applicationId, email);
        (await app.OnApplicationAsync(applicationId, async (s, application) =>
        {
            var rubric = await s.GetRequiredService<RatingApplicationService>().RubricOfAsync(application, CancellationToken.None);
            var entries = rubric.Indicators.ToDictionary(i => i.Code, i => new ScoreEntry(i.Max * share, "材料齐全。"));
            return await s.GetRequiredService<ScoringService>().SaveAsync(application, await SeatAsync(s, applicationId, userId), entries, submit: true, CancellationToken.None);
        })).ShouldSucceed();
    }

    /// <summary>In assessment with the three experts assigned, each having scored (by default <see cref="ExpertShares"/>: means <see cref="ExpectedTotal"/>).</summary>
    public static async Task<int> ScoredAsync(this RatingsApp app, int campaignId, string organizationName, decimal[]? shares = null)
    {
        var id = await app.InAssessmentAsync(campaignId, organizationName);
        (await app.AssignAsync(id, RatingsApp.Experts)).ShouldSucceed();
        foreach (var (email, share) in RatingsApp.Experts.Zip(shares ?? ExpertShares))
        {
            await app.ScoreAsync(id, email, share);
        }

        return id;
    }

    public static Task<OperationResult> DecideAsync(this RatingsApp app, int applicationId, int? grade = null, string? reason = null) =>
        app.OnApplicationAsync(applicationId, (s, application) => s.GetRequiredService<DecisionService>().DecideAsync(application, grade, reason, application.Version, CancellationToken.None));

    /// <summary>Scored and decided at the computed grade.</summary>
    public static async Task<int> DecidedAsync(this RatingsApp app, int campaignId, string organizationName, decimal[]? shares = null)
    {
        var id = await app.ScoredAsync(campaignId, organizationName, shares);
        (await app.DecideAsync(id)).ShouldSucceed();
        return id;
    }

    public static Task<OperationResult> PublishAsync(this RatingsApp app, int campaignId) => app.InScopeAsync(async s =>
        await s.GetRequiredService<DecisionService>().PublishAsync((await s.GetRequiredService<RatingCampaignService>().FindAsync(campaignId, CancellationToken.None))!, CancellationToken.None));

    public static Task<(OperationResult Result, int Announced)> AnnounceAsync(this RatingsApp app, int campaignId) => app.InScopeAsync(async s =>
        await s.GetRequiredService<DecisionService>().AnnounceAsync((await s.GetRequiredService<RatingCampaignService>().FindAsync(campaignId, CancellationToken.None))!, CancellationToken.None));

    public static Task<OperationResult> SetFieldAssessmentAsync(this RatingsApp app, int applicationId, DateOnly on) =>
        app.OnApplicationAsync(applicationId, (s, application) => s.GetRequiredService<PanelService>().SetFieldAssessmentAsync(application, on, CancellationToken.None));

    public static Task<OperationResult> RequestReviewAsync(this RatingsApp app, int applicationId, string grounds) =>
        app.OnApplicationAsync(applicationId, (s, application) => s.GetRequiredService<DecisionService>().RequestReviewAsync(application, grounds, CancellationToken.None));

    public static Task<List<ReviewRequest>> ReviewsAsync(this RatingsApp app, int applicationId) =>
        app.WithAsync<DecisionService, List<ReviewRequest>>(decisions => decisions.ReviewsAsync(applicationId, CancellationToken.None));

    public static Task<OperationResult> DecideReviewAsync(this RatingsApp app, int requestId, string decision, int gradeAfterReview) => app.InScopeAsync(async s =>
    {
        var request = await s.GetRequiredService<RegistryDbContext>().Set<ReviewRequest>().SingleAsync(r => r.Id == requestId);
        return await s.GetRequiredService<DecisionService>().DecideReviewAsync(request, decision, gradeAfterReview, CancellationToken.None);
    });

    public static Task<List<OrganizationGrade>> GradesAsync(this RatingsApp app, int organizationId) =>
        app.WithAsync<RegistryDbContext, List<OrganizationGrade>>(db => db.Set<OrganizationGrade>().AsNoTracking().Where(g => g.OrganizationId == organizationId).OrderBy(g => g.Id).ToListAsync());

    /// <summary>A grade held since before the test (as an earlier announcement left it), with the register brought in line.</summary>
    public static async Task<int> ArrangeGradeAsync(this RatingsApp app, string organizationName, int grade, DateOnly validFrom, DateOnly validUntil)
    {
        var organizationId = await app.OrganizationIdAsync(organizationName);
        return await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<RegistryDbContext>();
            var held = new OrganizationGrade { OrganizationId = organizationId, OrganizationName = organizationName, Grade = grade, AwardedOn = validFrom, ValidFrom = validFrom, ValidUntil = validUntil };
            db.Add(held);
            await db.SaveChangesAsync();
            await s.GetRequiredService<GradeService>().SyncAsync([organizationId], app.Today, CancellationToken.None);
            await db.SaveChangesAsync();
            return held.Id;
        });
    }

    public static Task<OperationResult> ChangeGradeAsync(this RatingsApp app, int gradeId, int newGrade, string? reason) => app.InScopeAsync(async s =>
    {
        var grades = s.GetRequiredService<GradeService>();
        return await grades.ChangeAsync((await grades.FindAsync(gradeId, CancellationToken.None))!, newGrade, reason, CancellationToken.None);
    });

    /// <summary>The daily grade job, once, as the hosted service would run it.</summary>
    public static Task<int?> RunGradeJobAsync(this RatingsApp app) => app.WithAsync<GradeJob, int?>(job => job.RunOnceAsync(CancellationToken.None));

    private static Task<PanelMember> SeatAsync(IServiceProvider services, int applicationId, string userId) =>
        services.GetRequiredService<RegistryDbContext>().Set<PanelMember>().SingleAsync(p => p.ApplicationId == applicationId && p.ReviewerUserId == userId);
}
