using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;

namespace Registry.Web.Tests.Grants;

/// <summary>The venture fund's procedure through its services, one scope per step as a request would be.</summary>
internal static class GrantSteps
{
    /// <summary>Each reviewer's share of every criterion's weight: totals 84, 85, 86 (raw mean 85).</summary>
    public static readonly decimal[] ReviewerShares = [0.84m, 0.85m, 0.86m];

    /// <summary>Opens a round whose call closes <paramref name="closesIn"/> from now (default: a month), with the given budget and rules (and any other setting <paramref name="configure"/> sets).</summary>
    public static Task<int> OpenRoundAsync(this GrantsApp app, TimeSpan? closesIn = null, long budgetFen = 100_000_000, long? elderlyQuotaFen = null, EligibilityRules? eligibility = null, Action<GrantRound>? configure = null) =>
        app.WithAsync<RoundService, int>(async rounds =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var round = new GrantRound
            {
                Name = $"{app.Today.Year}年海曙区公益创投 {Guid.NewGuid().ToString("N")[..8]}",
                Year = app.Today.Year,
                BudgetFen = budgetFen,
                Categories = [new RoundCategory("为老服务", elderlyQuotaFen), new RoundCategory("助残服务"), new RoundCategory("青少年服务"), new RoundCategory("社区治理"), new RoundCategory("扶贫济困")],
                ProjectCapFen = 5_000_000,
                MaxGrantShareBasisPoints = 6000,
                MinMonths = 6,
                MaxMonths = 12,
                Eligibility = eligibility ?? new EligibilityRules(),
                OpensAt = now.AddDays(-1),
                ClosesAt = now + (closesIn ?? TimeSpan.FromDays(30)),
                Rubric = [new RubricCriterion("C1", "公益性", 30), new RubricCriterion("C2", "融合性", 20), new RubricCriterion("C3", "专业性", 30), new RubricCriterion("C4", "经济性", 20)],
                ReviewersPerApplication = 3,
                TranchePlan = [50, 30, 20],
            };
            configure?.Invoke(round);
            (await rounds.CreateAsync(round, CancellationToken.None)).ShouldSucceed();
            return round.Id;
        });

    /// <summary>A complete project; <paramref name="declared"/>: both declarations (no other government funding, no major violation) ticked.</summary>
    public static ProjectInput Project(string title, long requestedFen = 3_000_000, long matchingFen = 2_000_000, string category = "为老服务", bool declared = true) => new(
        title, "为独居老人提供上门探访和互助服务。", category, "独居老人", 120, "南门街道", new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30),
        "辖区独居老人多，缺少日常关照。", "建立互助小组，定期探访。", [new ProjectIndicator("Output", "探访次数", "1200次"), new ProjectIndicator("Outcome", "满意度", "90%")],
        "7月组建团队；8月起每月探访。", "社工2名，志愿者20名。", "南门街道", declared,
        [new BudgetLineInput(BudgetCategory.SocialWork, "专业社工服务", requestedFen, 0), new BudgetLineInput(BudgetCategory.Activities, "探访活动", 0, matchingFen)], NoMajorViolation: declared);

    /// <summary>Starts a draft for the organization and saves the project; returns the application id.</summary>
    public static async Task<int> DraftAsync(this GrantsApp app, int roundId, string organizationName, ProjectInput project)
    {
        var organizationId = await app.OrganizationIdAsync(organizationName);
        var id = await app.WithAsync<GrantApplicationService, int>(async applications =>
        {
            var (result, application) = await applications.StartAsync(roundId, organizationId, CancellationToken.None);
            result.ShouldSucceed();
            return application!.Id;
        });
        (await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<GrantApplicationService>().SaveDraftAsync(a, project, a.Version, CancellationToken.None))).ShouldSucceed();
        return id;
    }

    public static Task<OperationResult> SubmitAsync(this GrantsApp app, int applicationId) =>
        app.OnApplicationAsync(applicationId, (s, a) => s.GetRequiredService<GrantApplicationService>().SubmitAsync(a, a.Version, CancellationToken.None));

    public static async Task<int> SubmittedAsync(this GrantsApp app, int roundId, string organizationName, ProjectInput project)
    {
        var id = await app.DraftAsync(roundId, organizationName, project);
        (await app.SubmitAsync(id)).ShouldSucceed();
        return id;
    }

    /// <summary>
    /// Ends the call now (test set-up: the closing instant moved to the clock's now, as if the call had been opened that
    /// long; officers cannot close a call early), so the shortlist may be published.
    /// </summary>
    public static Task CloseCallAsync(this GrantsApp app, int roundId) =>
        app.WithAsync<RegistryDbContext, int>(async db =>
        {
            var round = await db.Set<GrantRound>().SingleAsync(r => r.Id == roundId);
            round.ClosesAt = app.Clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });

    /// <summary>Closes the call and publishes the shortlist (every application scored).</summary>
    public static async Task<OperationResult> PublishShortlistAsync(this GrantsApp app, int roundId)
    {
        await app.CloseCallAsync(roundId);
        return await app.OnRoundAsync(roundId, (s, r) => s.GetRequiredService<DecisionService>().PublishShortlistAsync(r, r.Version, CancellationToken.None));
    }

    /// <summary>Submits every project first (screening ends the call), then passes each; returns the ids in order.</summary>
    public static async Task<List<int>> PassedAllAsync(this GrantsApp app, int roundId, params (string Organization, ProjectInput Project)[] projects)
    {
        var ids = new List<int>();
        foreach (var (organization, project) in projects)
        {
            ids.Add(await app.SubmittedAsync(roundId, organization, project));
        }

        foreach (var id in ids)
        {
            (await app.ScreenAsync(id, pass: true)).ShouldSucceed();
        }

        return ids;
    }

    /// <summary>As <see cref="ScoredAsync"/> for several projects: all submitted, then all passed, then each scored at its share.</summary>
    public static async Task<List<int>> ScoredAllAsync(this GrantsApp app, int roundId, params (string Organization, ProjectInput Project, decimal? Share)[] projects)
    {
        var ids = await app.PassedAllAsync(roundId, [.. projects.Select(p => (p.Organization, p.Project))]);
        foreach (var (id, share) in ids.Zip(projects.Select(p => p.Share)))
        {
            await app.ReviewAsync(id, share);
        }

        return ids;
    }

    public static Task<OperationResult> ScreenAsync(this GrantsApp app, int applicationId, bool pass, string? rule = null, string? note = null) =>
        app.OnApplicationAsync(applicationId, (s, a) => s.GetRequiredService<GrantApplicationService>().ScreenAsync(a, pass, rule, note, a.Version, CancellationToken.None));

    public static async Task<int> PassedAsync(this GrantsApp app, int roundId, string organizationName, ProjectInput project)
    {
        var id = await app.SubmittedAsync(roundId, organizationName, project);
        (await app.ScreenAsync(id, pass: true)).ShouldSucceed();
        return id;
    }

    public static Task<OperationResult> OnApplicationAsync(this GrantsApp app, int applicationId, Func<IServiceProvider, GrantApplication, Task<OperationResult>> step) =>
        app.InScopeAsync(async s => await step(s, (await s.GetRequiredService<GrantApplicationService>().FindAsync(applicationId, CancellationToken.None))!));

    public static Task<OperationResult> OnRoundAsync(this GrantsApp app, int roundId, Func<IServiceProvider, GrantRound, Task<OperationResult>> step) =>
        app.InScopeAsync(async s => await step(s, (await s.GetRequiredService<RoundService>().FindAsync(roundId, CancellationToken.None))!));

    public static Task<GrantApplication> ApplicationAsync(this GrantsApp app, int applicationId) =>
        app.WithAsync<RegistryDbContext, GrantApplication>(db => db.Set<GrantApplication>().AsNoTracking().Include(a => a.BudgetLines).SingleAsync(a => a.Id == applicationId));

    public static Task<GrantRound> RoundAsync(this GrantsApp app, int roundId) =>
        app.WithAsync<RegistryDbContext, GrantRound>(db => db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == roundId));

    public static Task<List<ReviewAssignment>> SeatsAsync(this GrantsApp app, int applicationId) =>
        app.WithAsync<ReviewService, List<ReviewAssignment>>(r => r.SeatsOfApplicationAsync(applicationId, CancellationToken.None));

    public static async Task<(OperationResult Result, int Added)> AutoAssignAsync(this GrantsApp app, int roundId) =>
        await app.InScopeAsync(async s => await s.GetRequiredService<ReviewService>().AutoAssignAsync((await s.GetRequiredService<RoundService>().FindAsync(roundId, CancellationToken.None))!, CancellationToken.None));

    public static async Task<OperationResult> DeclareAsync(this GrantsApp app, int applicationId, string email, bool conflict = false, string? reason = null)
    {
        var userId = await app.UserIdAsync(email);
        return await app.InScopeAsync(async s =>
        {
            var reviews = s.GetRequiredService<ReviewService>();
            return await reviews.DeclareAsync((await reviews.SeatAsync(applicationId, userId, CancellationToken.None))!, conflict, reason, CancellationToken.None);
        });
    }

    /// <summary>The reviewer declares no conflict, scores every criterion at <paramref name="share"/> of its weight and saves or submits.</summary>
    public static async Task<OperationResult> ScoreAsync(this GrantsApp app, int applicationId, string email, decimal share, bool submit = true, bool declare = true)
    {
        if (declare)
        {
            (await app.DeclareAsync(applicationId, email)).ShouldSucceed();
        }

        var userId = await app.UserIdAsync(email);
        return await app.InScopeAsync(async s =>
        {
            var reviews = s.GetRequiredService<ReviewService>();
            var seat = (await reviews.SeatAsync(applicationId, userId, CancellationToken.None))!;
            var round = (await s.GetRequiredService<RoundService>().FindAsync(seat.RoundId, CancellationToken.None))!;
            var entries = round.Rubric.ToDictionary(c => c.Code, c => new ScoreEntry(c.Weight * share, "方案清晰。"));
            return await reviews.SaveScoresAsync(seat, round, entries, submit, CancellationToken.None);
        });
    }

    /// <summary>
    /// Passed, reviewed by three reviewers of the pool (assigned by hand), each submitting at <see cref="ReviewerShares"/>,
    /// or all at <paramref name="share"/> of every weight.
    /// </summary>
    public static async Task<int> ScoredAsync(this GrantsApp app, int roundId, string organizationName, ProjectInput project, decimal? share = null)
    {
        var id = await app.PassedAsync(roundId, organizationName, project);
        await app.ReviewAsync(id, share);
        return id;
    }

    /// <summary>Three reviewers of the pool assigned by hand, each submitting at <see cref="ReviewerShares"/> or all at <paramref name="share"/>.</summary>
    private static async Task ReviewAsync(this GrantsApp app, int id, decimal? share)
    {
        var ids = new List<string>();
        foreach (var email in GrantsApp.Reviewers.Take(3))
        {
            ids.Add(await app.UserIdAsync(email));
        }

        (await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<ReviewService>().AssignAsync(a, ids, CancellationToken.None))).ShouldSucceed();
        foreach (var (email, own) in GrantsApp.Reviewers.Take(3).Zip(ReviewerShares))
        {
            (await app.ScoreAsync(id, email, share ?? own)).ShouldSucceed();
        }
    }
}
