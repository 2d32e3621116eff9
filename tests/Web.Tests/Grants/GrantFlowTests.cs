using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>The venture fund through its services on each provider; every test opens its own round.</summary>
public abstract class GrantFlowTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    [Fact]
    public async Task SaveDraft_Budget_TotalsInFenKeptWithTheLines()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("邻里守望", 3_000_001, 2_000_099));

        var application = await app.ApplicationAsync(id);

        (application.State, application.RequestedFen, application.MatchingFen, application.BudgetLines.Count).ShouldBe((GrantState.Draft, 3_000_001L, 2_000_099L, 2));
    }

    [Fact]
    public async Task Submit_CompleteProject_ReceiptAndTheApplicantNotified()
    {
        var before = await app.NoticesAsync(DemoApplicant.Email, "Grant.Received");

        var application = await app.ApplicationAsync(await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("助老餐桌")));

        (application.State, application.ReceiptNumber).ShouldBe((GrantState.Submitted, $"GC{Registry.Core.Localization.ChinaTime.Date(application.SubmittedAt!.Value).Year}-{application.Id:D6}"));
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Received")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Submit_OverTheShare_RefusedAndStillADraft()
    {
        var id = await app.DraftAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("超比例项目", 3_000_001, 2_000_000));

        (await app.SubmitAsync(id)).ShouldFailWith().ShouldBe(("", "Grant.Error.OverShare"));
        (await app.ApplicationAsync(id)).State.ShouldBe(GrantState.Draft);
    }

    [Fact]
    public async Task Submit_OneSecondBeforeAndAtTheClosingInstant_AcceptedThenRefused()
    {
        var roundId = await app.OpenRoundAsync(TimeSpan.FromSeconds(2));
        var early = await app.DraftAsync(roundId, MemberServiceCentre, Project("最后一秒"));
        var late = await app.DraftAsync(roundId, MemberServiceCentre, Project("晚了一秒"));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await app.SubmitAsync(early)).ShouldSucceed();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await app.SubmitAsync(late)).ShouldFailWith().ShouldBe(("", "Grant.Error.CallClosed"));
    }

    /// <summary>
    /// The last-minute rush: 200 drafts submitted concurrently (each twice, as a double click would: 400 submissions in flight
    /// at once), while the clock passes the closing instant half-way. Every submission accepted is stored exactly once,
    /// submitted before the instant, and audited once (the sealed chain intact); every other one stays a draft; nothing
    /// fails for any other reason.
    /// </summary>
    [Fact]
    public async Task Submit_TwoHundredAtOnceAcrossTheClosingInstant_EveryAcceptedOneStoredExactlyOnce()
    {
        const int count = 200;
        var roundId = await app.OpenRoundAsync(TimeSpan.FromMinutes(5));
        var closesAt = (await app.RoundAsync(roundId)).ClosesAt;
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await app.DraftAsync(roundId, i % 2 == 0 ? MemberServiceCentre : MemberSocialGroup, Project($"冲刺项目{i:D3}")));
        }

        // All 400 attempts in flight at once (a bounded burst, in process): none starts until every one is ready.
        var done = 0;
        var ready = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = ids.SelectMany(id => new[] { id, id }).Select(id => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref ready) == 2 * count)
            {
                start.SetResult();
            }

            await start.Task;
            var result = await app.SubmitAsync(id);
            if (Interlocked.Increment(ref done) == count)
            {
                app.Clock.SetUtcNow(closesAt);
            }

            return (Id: id, Result: result);
        })).ToList();
        var results = await Task.WhenAll(attempts);

        results.Select(r => r.Result.Conflict ? "conflict" : r.Result.Errors.SingleOrDefault()?.Key ?? "ok").Distinct()
            .ShouldBeSubsetOf(["ok", "conflict", "Grant.Error.AlreadySubmitted", "Grant.Error.CallClosed"]);
        var accepted = results.Where(r => r.Result.Succeeded).Select(r => r.Id).ToList();
        accepted.ShouldBeUnique();
        accepted.Count.ShouldBeGreaterThan(0);
        var stored = await app.WithAsync<RegistryDbContext, List<GrantApplication>>(db => db.Set<GrantApplication>().AsNoTracking().Where(a => a.RoundId == roundId).ToListAsync());
        stored.Count.ShouldBe(count);
        stored.Where(a => a.State == GrantState.Submitted).Select(a => a.Id).ShouldBe(accepted, ignoreOrder: true);
        stored.Where(a => a.State == GrantState.Submitted).ShouldAllBe(a => a.SubmittedAt < closesAt);
        stored.Where(a => a.State != GrantState.Submitted).ShouldAllBe(a => a.State == GrantState.Draft && a.SubmittedAt == null);
        var (audited, chain) = await app.WithAsync<RegistryDbContext, (List<string>, AuditVerification)>(async db =>
        {
            await AuditChain.SealPendingAsync(db, AuditKey.Development, CancellationToken.None);
            var submitted = await db.Set<AuditEntry>().Where(e => e.Action == "grants.application-submitted" && e.Sequence != null).Select(e => e.EntityId).ToListAsync();
            return (submitted, await AuditChain.VerifyAsync(db, AuditKey.Development, CancellationToken.None));
        });
        audited.Where(id => ids.Contains(int.Parse(id, CultureInfo.InvariantCulture))).ShouldBe(accepted.Select(id => id.ToString(CultureInfo.InvariantCulture)), ignoreOrder: true);
        chain.IsIntact.ShouldBeTrue(chain.ReasonKey);
    }

    [Fact]
    public async Task Report_CleanOrganization_EveryRuleCheckedThroughTheContractsAndPassed()
    {
        var application = await app.ApplicationAsync(await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("社区互助")));

        var report = GrantApplicationService.Report(application);

        report.Select(c => c.Key).ShouldBe([GrantEligibility.Registered, GrantEligibility.AbnormalList, GrantEligibility.SeriousList, GrantEligibility.LastInspection, GrantEligibility.NoDoubleFunding,
            GrantEligibility.NoMajorViolation, GrantEligibility.NoEarlierBreach, GrantEligibility.NoPenalty]);
        report.ShouldAllBe(c => c.Passed);
    }

    [Fact]
    public async Task Report_RoundNeedingTwoAWithoutAGrade_FailsTheGradeRule()
    {
        var roundId = await app.OpenRoundAsync(eligibility: new EligibilityRules(MinimumGrade: 2));

        var application = await app.ApplicationAsync(await app.SubmittedAsync(roundId, MemberServiceCentre, Project("等级要求")));

        GrantApplicationService.Report(application).Where(c => !c.Passed).Select(c => c.Key).ShouldBe([GrantEligibility.MinimumGrade]);
    }

    [Fact]
    public async Task Screen_FailWithoutRule_Refused()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("无依据"));

        (await app.ScreenAsync(id, pass: false)).ShouldFailWith().ShouldBe(("Rule", "Grant.Error.FailNeedsRule"));
    }

    [Fact]
    public async Task Screen_FailNamingTheRule_RecordedAndTheApplicantNotified()
    {
        var roundId = await app.OpenRoundAsync(eligibility: new EligibilityRules(MinimumGrade: 2));
        var id = await app.SubmittedAsync(roundId, MemberServiceCentre, Project("未达等级"));
        var before = await app.NoticesAsync(DemoApplicant.Email, "Grant.Failed");

        (await app.ScreenAsync(id, pass: false, GrantEligibility.MinimumGrade)).ShouldSucceed();

        var application = await app.ApplicationAsync(id);
        (application.State, application.ScreeningRule).ShouldBe((GrantState.Failed, GrantEligibility.MinimumGrade));
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Failed")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Screen_PassAgainstAFailedCheckWithoutReason_Refused()
    {
        var id = await app.SubmittedAsync(await app.OpenRoundAsync(eligibility: new EligibilityRules(MinimumGrade: 2)), MemberServiceCentre, Project("未达等级通过"));

        (await app.ScreenAsync(id, pass: true)).ShouldFailWith().ShouldBe(("Note", "Grant.Error.OverrideReason"));
    }

    [Fact]
    public async Task AutoAssign_PassedApplications_EachGetsThreeDistinctReviewersBalanced()
    {
        var roundId = await app.OpenRoundAsync();
        var ids = await app.PassedAllAsync(roundId, [.. Enumerable.Range(0, 4).Select(i => (MemberServiceCentre, Project($"均衡{i}")))]);

        var (result, added) = await app.AutoAssignAsync(roundId);

        result.ShouldSucceed();
        added.ShouldBe(12);
        var seats = new List<ReviewAssignment>();
        foreach (var id in ids)
        {
            var own = await app.SeatsAsync(id);
            own.Select(s => s.ReviewerUserId).ShouldBeUnique();
            own.Count.ShouldBe(3);
            seats.AddRange(own);
        }

        var loads = seats.GroupBy(s => s.ReviewerUserId).Select(g => g.Count()).ToList();
        (loads.Max() - loads.Min()).ShouldBeLessThanOrEqualTo(1);
        (await app.AutoAssignAsync(roundId)).Added.ShouldBe(0);
    }

    [Fact]
    public async Task AutoAssign_ApplicationOfTheReviewersOrganization_NeverThatReviewer()
    {
        var roundId = await app.OpenRoundAsync();
        var ids = await app.PassedAllAsync(roundId, [.. Enumerable.Range(0, 4).Select(i => (MemberSocialGroup, Project($"老年协会项目{i}")))]);

        (await app.AutoAssignAsync(roundId)).Result.ShouldSucceed();

        var linked = await app.UserIdAsync(LinkedReviewer);
        foreach (var id in ids)
        {
            (await app.SeatsAsync(id)).ShouldNotContain(s => s.ReviewerUserId == linked);
        }
    }

    /// <summary>Applications of two organizations in one round: the accounts are fetched for all of them at once, each keeps its own.</summary>
    [Fact]
    public async Task AutoAssign_TwoOrganizations_LinkedReviewerOnlyOnTheOtherOrganizationsApplications()
    {
        var roundId = await app.OpenRoundAsync();
        var ids = await app.PassedAllAsync(roundId, [.. Enumerable.Range(0, 3).SelectMany(i => new[] { (MemberSocialGroup, Project($"协会项目{i}")), (MemberServiceCentre, Project($"中心项目{i}")) })]);
        var own = ids.Where((_, i) => i % 2 == 0).ToList();
        var other = ids.Where((_, i) => i % 2 == 1).ToList();

        (await app.AutoAssignAsync(roundId)).Result.ShouldSucceed();

        var linked = await app.UserIdAsync(LinkedReviewer);
        var seated = new List<int>();
        foreach (var id in own.Concat(other))
        {
            var seats = await app.SeatsAsync(id);
            seats.Count.ShouldBe(3);
            seated.AddRange(seats.Where(s => s.ReviewerUserId == linked).Select(s => s.ApplicationId));
        }

        seated.ShouldNotBeEmpty();
        seated.ShouldBeSubsetOf(other);
    }

    [Fact]
    public async Task UsersOfOrganizations_OneQuery_SameAccountsAsOneByOne()
    {
        var ids = new[] { await app.OrganizationIdAsync(MemberSocialGroup), await app.OrganizationIdAsync(MemberServiceCentre), int.MaxValue };

        var (batch, single) = await app.WithAsync<IOrganizationRegister, (ILookup<int, string>, List<IReadOnlyList<string>>)>(async register =>
        {
            var all = await register.UsersOfOrganizationsAsync(ids, CancellationToken.None);
            var each = new List<IReadOnlyList<string>>();
            foreach (var id in ids)
            {
                each.Add(await register.UsersOfOrganizationAsync(id, CancellationToken.None));
            }

            return (all, each);
        });

        ids.Select(id => batch[id].Order(StringComparer.Ordinal)).ShouldBe(single.Select(s => s.Order(StringComparer.Ordinal)));
        batch[ids[0]].ShouldContain(await app.UserIdAsync(LinkedReviewer));
        batch[int.MaxValue].ShouldBeEmpty();
    }

    [Fact]
    public async Task Assign_LinkedReviewerByHand_Refused()
    {
        var id = await app.PassedAsync(await app.OpenRoundAsync(), MemberSocialGroup, Project("手动分配"));
        var linked = await app.UserIdAsync(LinkedReviewer);

        var result = await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<ReviewService>().AssignAsync(a, [linked], CancellationToken.None));

        result.ShouldFailWith().ShouldBe(("Reviewers", "Grant.Error.LinkedReviewer"));
    }

    [Fact]
    public async Task Declare_Recusal_SeatGoesToAnotherReviewer()
    {
        var roundId = await app.OpenRoundAsync();
        var id = await app.PassedAsync(roundId, MemberServiceCentre, Project("回避"));
        (await app.AutoAssignAsync(roundId)).Result.ShouldSucceed();
        var first = (await app.SeatsAsync(id))[0];
        var email = (await app.WithAsync<ReviewService, IReadOnlyList<ReviewerLoad>>(r => r.PoolAsync(roundId, CancellationToken.None))).Single(r => r.UserId == first.ReviewerUserId).Email;

        (await app.DeclareAsync(id, email, conflict: true, "曾为该机构提供咨询。")).ShouldSucceed();

        var seats = await app.SeatsAsync(id);
        (seats.Count, seats.Count(s => !s.Recused)).ShouldBe((4, 3));
        seats.Select(s => s.ReviewerUserId).ShouldBeUnique();
    }

    [Fact]
    public async Task SaveScores_BeforeDeclaring_Refused()
    {
        var roundId = await app.OpenRoundAsync();
        var id = await app.PassedAsync(roundId, MemberServiceCentre, Project("先声明"));
        var reviewerId = await app.UserIdAsync(Reviewers[0]);
        (await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<ReviewService>().AssignAsync(a, [reviewerId], CancellationToken.None))).ShouldSucceed();

        (await app.ScoreAsync(id, Reviewers[0], 0.8m, declare: false)).ShouldFailWith().ShouldBe(("", "Grant.Error.DeclareFirst"));
    }

    [Fact]
    public async Task SaveScores_SubmittedSheet_LockedUntilAnOfficerReopensWithAReason()
    {
        var id = await app.ScoredAsync(await app.OpenRoundAsync(), MemberServiceCentre, Project("锁定"));
        var userId = await app.UserIdAsync(Reviewers[0]);

        (await app.ScoreAsync(id, Reviewers[0], 0.5m, declare: false)).ShouldFailWith().ShouldBe(("", "Grant.Error.SheetLocked"));
        var reopened = await app.InScopeAsync(async s =>
        {
            var reviews = s.GetRequiredService<ReviewService>();
            return await reviews.ReopenAsync((await reviews.SeatAsync(id, userId, CancellationToken.None))!, "请补充评语。", CancellationToken.None);
        });
        reopened.ShouldSucceed();
        (await app.ScoreAsync(id, Reviewers[0], 0.5m, declare: false)).ShouldSucceed();
    }

    [Fact]
    public async Task Results_ThreeReviewers_RawTrimmedAndZScoresSideBySide()
    {
        var roundId = await app.OpenRoundAsync();
        var id = await app.ScoredAsync(roundId, MemberServiceCentre, Project("计分"));

        var results = await app.InScopeAsync(async s => await s.GetRequiredService<DecisionService>().ResultsAsync((await s.GetRequiredService<RoundService>().FindAsync(roundId, CancellationToken.None))!, CancellationToken.None));

        var scores = results.Ranked.Single(r => r.Application.Id == id).Scores!;
        (scores.RawMean, scores.TrimmedMean, scores.Reviewers).ShouldBe((85m, 85m, 3));
    }

    [Fact]
    public async Task PublishShortlist_BudgetForTwo_RankOrderFundedNoticePublishedFiguresCount()
    {
        var roundId = await app.OpenRoundAsync(budgetFen: 7_000_000);
        var ids = await app.ScoredAllAsync(roundId,
            (MemberServiceCentre, Project("第一名", 3_000_000, 2_000_000), 0.9m), (MemberServiceCentre, Project("第二名", 3_000_000, 2_000_000, "助残服务"), 0.8m), (MemberServiceCentre, Project("第三名", 2_000_000, 2_000_000), 0.7m));
        var (best, second, third) = (ids[0], ids[1], ids[2]);
        (await app.OnApplicationAsync(second, (s, a) => s.GetRequiredService<DecisionService>().CutAsync(a, 2_000_000, "活动费用偏高。", a.Version, CancellationToken.None))).ShouldSucceed();

        (await app.PublishShortlistAsync(roundId)).ShouldSucceed();

        var applications = new[] { await app.ApplicationAsync(best), await app.ApplicationAsync(second), await app.ApplicationAsync(third) };
        applications.Select(a => (a.Rank ?? 0, a.State, a.AllocatedFen ?? 0)).ShouldBe([(1, GrantState.Shortlisted, 3_000_000L), (2, GrantState.Shortlisted, 2_000_000L), (3, GrantState.Shortlisted, 2_000_000L)]);
        var round = await app.RoundAsync(roundId);
        var notice = (await app.WithAsync<INoticePublisher, NoticeSummary?>(n => n.FindBySourceAsync(DecisionService.SourceModule, $"shortlist-{roundId}", CancellationToken.None)))!;
        (notice.Kind, notice.Id, notice.AcceptsObjections).ShouldBe((NoticeKind.VentureShortlist, round.ShortlistNoticeId!.Value, true));
        var figures = (await app.WithAsync<IGrantFigures, GrantRoundFigures?>(f => f.ForRoundAsync(roundId, CancellationToken.None)))!;
        (figures.Applications, figures.PassedScreening, figures.Shortlisted, figures.ShortlistedFen).ShouldBe((3, 3, 3, 7_000_000L));
    }

    [Fact]
    public async Task PublishShortlist_BudgetRunsOut_LowestRankedNotSelected()
    {
        var roundId = await app.OpenRoundAsync(budgetFen: 5_000_000);
        var ids = await app.ScoredAllAsync(roundId, (MemberServiceCentre, Project("甲项目", 3_000_000, 2_000_000), 0.9m), (MemberServiceCentre, Project("乙项目", 3_000_000, 2_000_000), 0.8m));
        var (best, second) = (ids[0], ids[1]);

        (await app.PublishShortlistAsync(roundId)).ShouldSucceed();

        ((await app.ApplicationAsync(best)).State, (await app.ApplicationAsync(second)).State, (await app.ApplicationAsync(second)).AllocationNote)
            .ShouldBe((GrantState.Shortlisted, GrantState.NotSelected, Allocation.BudgetExhausted));
    }

    [Fact]
    public async Task Award_AfterThePublicityPeriod_FundedProjectOnTheOrganizationsPage()
    {
        var roundId = await app.OpenRoundAsync();
        var id = await app.ScoredAsync(roundId, MemberServiceCentre, Project("获资助项目"));
        (await app.PublishShortlistAsync(roundId)).ShouldSucceed();
        var end = (await app.RoundAsync(roundId)).PublicityEndsOn!.Value;
        (await app.OnRoundAsync(roundId, (s, r) => s.GetRequiredService<DecisionService>().AwardAsync(r, r.Version, CancellationToken.None))).ShouldFailWith().Key.ShouldBe("Grant.Error.PublicityRunning");

        app.MoveTo(end.AddDays(1));
        (await app.OnRoundAsync(roundId, (s, r) => s.GetRequiredService<DecisionService>().AwardAsync(r, r.Version, CancellationToken.None))).ShouldSucceed();

        var organizationId = await app.OrganizationIdAsync(MemberServiceCentre);
        var funded = await app.WithAsync<IFundedProjects, IReadOnlyList<FundedProject>>(f => f.OfOrganizationAsync(organizationId, CancellationToken.None));
        funded.ShouldContain(p => p.ApplicationId == id && p.AmountFen == 3_000_000);
        var page = await app.Client().GetStringAsync($"/Organizations/Org/{organizationId}");
        page.ShouldContain("获资助项目");
    }

    [Fact]
    public async Task PublishShortlist_SheetStillOpen_Refused()
    {
        var roundId = await app.OpenRoundAsync();
        var id = await app.PassedAsync(roundId, MemberServiceCentre, Project("未评完"));
        (await app.AutoAssignAsync(roundId)).Result.ShouldSucceed();

        (await app.PublishShortlistAsync(roundId)).ShouldFailWith().ShouldBe(("", "Grant.Error.ReviewUnfinished"));
        (await app.ApplicationAsync(id)).State.ShouldBe(GrantState.Passed);
    }
}

public sealed class GrantFlowTestsOnSqlite(GrantsSqliteApp app) : GrantFlowTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class GrantFlowTestsOnPostgreSql(GrantsPostgreSqlApp app) : GrantFlowTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
