using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Ratings.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;
using Registry.Supervision.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Grants;
using Registry.Web.Tests.Infrastructure;
using Registry.Web.Tests.Ratings;

namespace Registry.Web.Tests.Supervision;

/// <summary>Penalty decisions arranged as the supervision module stores them (the case's steps have their own tests).</summary>
internal static class PenaltyArrangement
{
    /// <summary>A warning decided (and carried out) against the organization on <paramref name="decidedOn"/>.</summary>
    public static async Task ArrangePenaltyAsync(this ClockedApp app, string organizationName, string decisionNumber, DateOnly decidedOn)
    {
        var organizationId = await app.OrganizationIdAsync(organizationName);
        await app.WithAsync<RegistryDbContext, int>(db =>
        {
            db.Add(new PenaltyCase
            {
                CaseNumber = "立案-" + decisionNumber,
                OrganizationId = organizationId,
                OrganizationName = organizationName,
                Source = CaseSource.Officer,
                Cause = "超出章程规定的宗旨和业务范围进行活动",
                State = CaseState.Closed,
                FiledOn = decidedOn.AddDays(-30),
                Proposed = new PenaltyMeasures { Warning = true },
                Decided = new PenaltyMeasures { Warning = true },
                DecisionNumber = decisionNumber,
                DecidedOn = decidedOn,
                Officer = "测试",
            });
            return db.SaveChangesAsync();
        });
    }
}

/// <summary>
/// Rating eligibility reads the supervision module's decisions (IPenaltyRecords): a penalty within the set years (2 by
/// default, the anniversary day inside) fails the check, and the applicant sees why; on each provider.
/// </summary>
public abstract class RatingPenaltyEligibilityTests<TApp>(TApp app)
    where TApp : RatingsApp
{
    [Fact]
    public async Task Submit_PenalizedOnTheSecondAnniversary_CheckFailsAndTheApplicantSeesTheDecision()
    {
        await app.ArrangePenaltyAsync(RatingsApp.MemberSocialGroup, "民罚决字〔2024〕7号", app.Today.AddYears(-2));

        var id = await app.SubmitApplicationAsync(await app.OpenCampaignAsync(RuleSet.Revision2026), RatingsApp.MemberSocialGroup);

        var check = RatingApplicationService.ReadChecks(await app.ApplicationAsync(id)).Single(c => c.Key == "Rate.Check.NoRecentPenalty");
        (check.Passed, check.Detail).ShouldBe((false, $"{app.Today.AddYears(-2):yyyy-MM-dd} 民罚决字〔2024〕7号"));
        var applicant = await app.SignedInClientAsync(RatingsApp.DemoApplicant);
        var checks = (await applicant.GetDocumentAsync(RatingLinks.Application(id))).QuerySelector("[data-testid=checks]")!.TextContent;
        checks.ShouldContain("✗ 规定年限内未受到行政处罚");
        checks.ShouldContain("民罚决字〔2024〕7号");
    }

    [Fact]
    public async Task Submit_PenalizedTheDayBeforeTheSecondAnniversary_CheckPasses()
    {
        await app.ArrangePenaltyAsync(RatingsApp.MemberServiceCentre, "民罚决字〔2024〕3号", app.Today.AddYears(-2).AddDays(-1));

        var id = await app.SubmitApplicationAsync(await app.OpenCampaignAsync(RuleSet.Revision2026), RatingsApp.MemberServiceCentre);

        RatingApplicationService.ReadChecks(await app.ApplicationAsync(id)).Single(c => c.Key == "Rate.Check.NoRecentPenalty").Passed.ShouldBeTrue();
    }
}

public sealed class RatingPenaltyEligibilityTestsOnSqlite(RatingsSqliteApp app) : RatingPenaltyEligibilityTests<RatingsSqliteApp>(app), IClassFixture<RatingsSqliteApp>;

public sealed class RatingPenaltyEligibilityTestsOnPostgreSql(RatingsPostgreSqlApp app) : RatingPenaltyEligibilityTests<RatingsPostgreSqlApp>(app), IClassFixture<RatingsPostgreSqlApp>;

/// <summary>
/// Venture-fund eligibility reads the supervision module's decisions: a penalty within three years (the default) is
/// shown to the applicant on the draft and fails the report at submission; on each provider.
/// </summary>
public abstract class GrantPenaltyEligibilityTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    [Fact]
    public async Task Draft_PenalizedWithinThreeYears_ApplicantWarnedAndReportFails()
    {
        await app.ArrangePenaltyAsync(GrantsApp.MemberServiceCentre, "民罚决字〔2023〕9号", app.Today.AddYears(-3));
        var round = await app.OpenRoundAsync();

        var id = await app.DraftAsync(round, GrantsApp.MemberServiceCentre, GrantSteps.Project("独居老人探访"));

        var applicant = await app.SignedInClientAsync(GrantsApp.DemoApplicant);
        var warning = (await applicant.GetDocumentAsync(GrantLinks.Application(id))).QuerySelector($"[data-testid=eligibility-warning][data-key='{GrantEligibility.NoPenalty}']");
        warning.ShouldNotBeNull().TextContent.ShouldContain("审查期内未受到行政处罚");
        warning.TextContent.ShouldContain("民罚决字〔2023〕9号");
        (await app.SubmitAsync(id)).Succeeded.ShouldBeTrue();
        GrantApplicationService.Report(await app.ApplicationAsync(id)).Single(c => c.Key == GrantEligibility.NoPenalty).Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task Draft_PenalizedMoreThanThreeYearsAgo_NoWarning()
    {
        await app.ArrangePenaltyAsync(GrantsApp.MemberSocialGroup, "民罚决字〔2023〕2号", app.Today.AddYears(-3).AddDays(-1));
        var round = await app.OpenRoundAsync();

        var id = await app.DraftAsync(round, GrantsApp.MemberSocialGroup, GrantSteps.Project("老年互助小组"));

        var applicant = await app.SignedInClientAsync(GrantsApp.DemoApplicant);
        (await applicant.GetDocumentAsync(GrantLinks.Application(id))).QuerySelector($"[data-testid=eligibility-warning][data-key='{GrantEligibility.NoPenalty}']").ShouldBeNull();
    }
}

public sealed class GrantPenaltyEligibilityTestsOnSqlite(GrantsSqliteApp app) : GrantPenaltyEligibilityTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantPenaltyEligibilityTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantPenaltyEligibilityTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
