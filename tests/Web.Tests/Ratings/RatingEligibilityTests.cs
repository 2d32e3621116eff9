using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Testing;
using Registry.Web.Data;
using static Registry.Web.Tests.Ratings.RatingsApp;

namespace Registry.Web.Tests.Ratings;

/// <summary>
/// Eligibility under each rule set with the campaign's settings, and a check evaluation that lowers a grade; on each
/// provider (the clock stands on Monday 2026-03-02).
/// </summary>
public abstract class RatingEligibilityTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    /// <summary>民政部令第39号 第七条(三)(四): no record of penalties or investigations, so the applicant declares; without it no submission.</summary>
    [Fact]
    public async Task Submit_Measures2010WithoutTheDeclaration_RefusedThenSubmittedWithIt()
    {
        var id = await app.DraftApplicationAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), "宁波市海曙区书法家协会");

        var refused = await app.SubmitDraftAsync(id, ApplicantDeclaration.None);
        (await app.ApplicationAsync(id)).State.ShouldBe(RatingState.Draft);
        (await app.SubmitDraftAsync(id, RatingSteps.Declared)).ShouldSucceed();

        refused.ShouldFailWith().ShouldBe(("NoPenalty", "Rate.Error.DeclarationRequired"));
        var application = await app.ApplicationAsync(id);
        (application.State, application.DeclaredNoPenalty, application.DeclaredNotUnderInvestigation).ShouldBe((RatingState.Submitted, true, true));
        RatingApplicationService.ReadChecks(application).Select(c => c.Key).ShouldBe(
            ["Rate.Check.Active", "Rate.Check.TwoYears", "Rate.Check.CreditLists", "Rate.Check.NoRecentPenalty", "Rate.Check.InspectionTaken", "Rate.Check.LastInspection", "Rate.Check.BasicTwice", "Rate.Check.NoPenalty", "Rate.Check.NoInvestigation"]);
    }

    /// <summary>2026 revision: a holder in the first two years of its grade may apply again, with a simplified field assessment.</summary>
    [Fact]
    public async Task Submit_Revision2026HolderInItsFirstYear_EligibleWithASimplifiedFieldAssessment()
    {
        await app.ArrangeGradeAsync(MemberSocialGroup, 3, new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31));

        var application = await app.ApplicationAsync(await app.SubmitApplicationAsync(await app.OpenCampaignAsync(RuleSet.Revision2026), MemberSocialGroup));

        application.SimplifiedFieldAssessment.ShouldBeTrue();
        RatingApplicationService.ReadChecks(application).ShouldAllBe(c => c.Passed);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        (await officer.GetDocumentAsync($"/Ratings/Admin/Application/{application.Id}")).QuerySelector("[data-testid=simplified-assessment]").ShouldNotBeNull();
    }

    /// <summary>2010 measures, default interval (第六条(二): the five-year validity full): a holder of a running grade is not eligible.</summary>
    [Fact]
    public async Task Submit_Measures2010HolderOfARunningGrade_ReratingCheckFails()
    {
        await app.ArrangeGradeAsync(MemberServiceCentre, 3, new DateOnly(2024, 5, 1), new DateOnly(2029, 4, 30));

        var application = await app.ApplicationAsync(await app.SubmitApplicationAsync(await app.OpenCampaignAsync(RuleSet.Measures2010), MemberServiceCentre));

        RatingApplicationService.ReadChecks(application).Where(c => !c.Passed).Select(c => c.Key).ShouldBe(["Rate.Check.Rerating"]);
    }

    /// <summary>The registration years and the re-rating interval are set when the officer opens the campaign.</summary>
    [Fact]
    public async Task OpenCampaign_WithEligibilitySettings_KeptOnTheCampaign()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.SubmitFormAsync("/Ratings/Admin", new Dictionary<string, string>
        {
            ["Input.Title"] = "2026年度等级评估（三年间隔）",
            ["Input.RuleSet"] = nameof(RuleSet.Measures2010),
            ["Input.YearsRegistered"] = "3",
            ["Input.ReratingAfterYears"] = "3",
        }, "form[data-testid=open-campaign]");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var campaign = await app.WithAsync<RegistryDbContext, RatingCampaign>(db => db.Set<RatingCampaign>().AsNoTracking().SingleAsync(c => c.Title == "2026年度等级评估（三年间隔）"));
        (campaign.RuleSet, campaign.YearsRegistered, campaign.ReratingAfterYears).ShouldBe((RuleSet.Measures2010, 3, 3));
    }

    /// <summary>核查评估: opened from a grade with what happened, concluded by lowering the grade through its downgrade path (audited).</summary>
    [Fact]
    public async Task CheckEvaluation_OpenedAndConcludedLower_TheRegistersGradeFollows()
    {
        const string name = "宁波市海曙区志愿者协会";
        var gradeId = await app.ArrangeGradeAsync(name, 4, new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31));
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var opened = await officer.SubmitFormAsync($"/Ratings/Admin/Evaluations?gradeId={gradeId}",
            new Dictionary<string, string> { ["Check.Reason"] = "媒体报道该会违规收费，可能影响评估等级。" }, "form[data-testid=check-form]");
        using var concluded = await officer.SubmitFormAsync("/Ratings/Admin/Evaluations",
            new Dictionary<string, string> { ["Conclude.ResultGrade"] = "3", ["Conclude.Conclusion"] = "核查属实，降为3A级。" }, "form[data-testid=conclude-form]");

        (opened.StatusCode, concluded.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect));
        var organizationId = await app.OrganizationIdAsync(name);
        (await app.RegisterGradeAsync(organizationId)).ShouldBe(3);
        var evaluation = await app.WithAsync<RegistryDbContext, GradeEvaluation>(db => db.Set<GradeEvaluation>().AsNoTracking().SingleAsync(e => e.GradeId == gradeId));
        (evaluation.Kind, evaluation.Outcome, evaluation.ResultGrade).ShouldBe((EvaluationKind.Check, EvaluationOutcome.Adjusted, (int?)3));
        var audit = await app.WithAsync<RegistryDbContext, List<string>>(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == "ratings.evaluation-concluded" || a.Action == "ratings.grade-lowered").Select(a => a.Action).ToListAsync());
        audit.ShouldContain("ratings.evaluation-concluded");
        audit.ShouldContain("ratings.grade-lowered");
    }
}

public sealed class RatingEligibilityTestsOnSqlite(RatingsSqliteApp app) : RatingEligibilityTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class RatingEligibilityTestsOnPostgreSql(RatingsPostgreSqlApp app) : RatingEligibilityTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;
