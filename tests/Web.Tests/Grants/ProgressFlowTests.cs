using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>Progress reports and their evaluation through the services on each provider; every test signs its own agreement.</summary>
public abstract class ProgressFlowTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    [Fact]
    public async Task EnsureReports_SignedAgreement_MidTermAtTheMidpointFinalFifteenWorkingDaysAfterTheEnd()
    {
        var agreementId = await app.FundedAsync("报告日期");
        var agreement = (await app.RecordAsync(agreementId)).Agreement;
        var calendar = await app.WithAsync<ICalendarProvider, WorkingDayCalendar>(c => c.GetAsync(CancellationToken.None));

        var midTerm = await app.ReportAsync(agreementId, ReportKind.MidTerm);
        var final = await app.ReportAsync(agreementId, ReportKind.Final);

        midTerm.DueDate(calendar).ShouldBe(new DueDate(agreement.StartOn.AddDays((agreement.EndOn.DayNumber - agreement.StartOn.DayNumber) / 2), false));
        (final.DueFrom, final.DueWorkingDays, final.DueDate(calendar).Date).ShouldBe((agreement.EndOn, 15, calendar.AddWorkingDays(agreement.EndOn, 15)));
        (midTerm.State, midTerm.OrganizationId, midTerm.Budget.Count, midTerm.Indicators.Count).ShouldBe((ReportState.Draft, agreement.OrganizationId, 2, 2));
        (await app.WithAsync<ProgressService, int>(p => p.EnsureReportsAsync(CancellationToken.None))).ShouldBe(0);
    }

    [Fact]
    public async Task Submit_CompleteReport_SubmittedTheOrganizationAndTheOfficersTold()
    {
        var report = await app.ReportAsync(await app.FundedAsync("按时提交"), ReportKind.MidTerm);
        var received = await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Received");
        var submitted = await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Progress.MidTerm.Submitted");

        await app.SubmittedReportAsync(report.Id);

        var stored = await app.ReportAsync(report.AgreementId, ReportKind.MidTerm);
        (stored.State, stored.BeneficiariesReached, stored.Budget.Sum(l => l.VarianceFen)).ShouldBe((ReportState.Submitted, (int?)130, (long?)-200));
        stored.SubmittedAt.ShouldNotBeNull();
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Received")).ShouldBe(received + 1);
        (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Progress.MidTerm.Submitted")).ShouldBe(submitted + 1);
    }

    [Fact]
    public async Task Submit_EmptyDraft_RefusedNamingEveryMissingPartStillADraft()
    {
        var report = await app.ReportAsync(await app.FundedAsync("空白报告"), ReportKind.MidTerm);

        var result = await app.SubmitReportAsync(report.Id);

        result.Errors.Select(e => e.Field).ShouldBe(["Narrative", "BeneficiariesReached", "Actuals[0]", "Actuals[1]", "Spent[0]", "Spent[1]"]);
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).State.ShouldBe(ReportState.Draft);
    }

    [Fact]
    public async Task Submit_FinalBeforeTheProjectEnded_Refused()
    {
        // The project ends half a year from whatever day this class's clock reached.
        var agreementId = await app.FundedAsync("提前结项");
        var endOn = app.Today.AddMonths(6);
        await app.WithAsync<RegistryDbContext, int>(db => db.Set<GrantAgreement>().Where(a => a.Id == agreementId).ExecuteUpdateAsync(u => u.SetProperty(a => a.EndOn, endOn)));
        var report = await app.ReportAsync(agreementId, ReportKind.Final);
        (await app.SaveAsync(report.Id, r => ProgressSteps.Complete(r))).ShouldSucceed();

        (await app.SubmitReportAsync(report.Id)).Errors.Select(e => e.Key).ShouldBe(["Grant.Progress.Error.NotEnded", "Grant.Progress.Error.MidTermFirst"]);
    }

    [Fact]
    public async Task SaveDraft_SeenAnOlderVersion_ConflictNothingOverwritten()
    {
        var report = await app.ReportAsync(await app.FundedAsync("两个窗口"), ReportKind.MidTerm);
        (await app.SaveAsync(report.Id, r => ProgressSteps.Complete(r, reached: 10))).ShouldSucceed();

        var stale = await app.OnReportAsync(report.Id, (s, r) => s.GetRequiredService<ProgressService>().SaveDraftAsync(r, ProgressSteps.Complete(r, reached: 99), report.Version, CancellationToken.None));

        stale.Conflict.ShouldBeTrue();
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).BeneficiariesReached.ShouldBe(10);
    }

    [Fact]
    public async Task Attach_RefusedUpload_ThePreviousFileStays()
    {
        var report = await app.ReportAsync(await app.FundedAsync("活动照片"), ReportKind.MidTerm);
        (await app.OnReportAsync(report.Id, (s, r) => Attach(s, r, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "活动.jpg"))).ShouldSucceed();

        var refused = await app.OnReportAsync(report.Id, (s, r) => Attach(s, r, "MZ not a photo"u8.ToArray(), "活动2.jpg"));

        refused.ShouldFailWith().ShouldBe(("File", "Files.TypeNotAllowed"));
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).Evidence.ShouldHaveSingleItem().FileName.ShouldBe("活动.jpg");
    }

    private static async Task<Registry.Core.Forms.OperationResult> Attach(IServiceProvider services, ProgressReport report, byte[] bytes, string name)
    {
        using var content = new MemoryStream(bytes);
        return await services.GetRequiredService<ProgressService>().AttachAsync(report, content, name, "入户探访", report.Version, CancellationToken.None);
    }

    [Fact]
    public async Task Return_WithReason_EditableAgainAndTheOrganizationTold()
    {
        var report = await app.ReportAsync(await app.FundedAsync("退回修改"), ReportKind.MidTerm);
        await app.SubmittedReportAsync(report.Id);
        var before = await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Returned");

        (await app.OnReportAsync(report.Id, (s, r) => s.GetRequiredService<ProgressService>().ReturnAsync(r, " ", r.Version, CancellationToken.None)))
            .ShouldFailWith().ShouldBe(("ReturnReason", "Validation.Required"));
        (await app.OnReportAsync(report.Id, (s, r) => s.GetRequiredService<ProgressService>().ReturnAsync(r, "请补充活动照片。", r.Version, CancellationToken.None))).ShouldSucceed();

        var stored = await app.ReportAsync(report.AgreementId, ReportKind.MidTerm);
        (stored.State, stored.ReturnReason).ShouldBe((ReportState.Returned, "请补充活动照片。"));
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Returned")).ShouldBe(before + 1);
        (await app.SubmitReportAsync(report.Id)).ShouldSucceed();
    }

    /// <summary>The project is moved to the organization the linked reviewer acts for (the money side's helper funds the demo applicant's centre).</summary>
    [Fact]
    public async Task Assign_AccountActingForTheOrganization_Refused()
    {
        var report = await app.ReportAsync(await app.FundedAsync("关联评估"), ReportKind.MidTerm);
        var socialGroup = await app.OrganizationIdAsync(MemberSocialGroup);
        await app.WithAsync<RegistryDbContext, int>(db => db.Set<GrantApplication>().Where(a => a.Id == report.ApplicationId).ExecuteUpdateAsync(u => u.SetProperty(a => a.OrganizationId, socialGroup)));
        await app.SubmittedReportAsync(report.Id);

        (await app.AssignEvaluatorAsync(report.Id, LinkedReviewer)).ShouldFailWith().ShouldBe(("Evaluators", "Grant.Error.LinkedReviewer"));
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[0])).ShouldSucceed();
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[0])).ShouldFailWith().ShouldBe(("Evaluators", "Grant.Error.AlreadySeated"));
    }

    [Fact]
    public async Task Assign_DraftReport_Refused()
    {
        var report = await app.ReportAsync(await app.FundedAsync("未提交评估"), ReportKind.MidTerm);

        (await app.AssignEvaluatorAsync(report.Id, Reviewers[0])).ShouldFailWith().ShouldBe(("", "Grant.Progress.Error.NotSubmitted"));
    }

    [Fact]
    public async Task SaveScores_BeforeTheDeclaration_Refused()
    {
        var report = await app.ReportAsync(await app.FundedAsync("先声明"), ReportKind.MidTerm);
        await app.SubmittedReportAsync(report.Id);
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[1])).ShouldSucceed();

        (await app.OnSeatAsync(report.Id, Reviewers[1], (e, seat, r) => e.SaveScoresAsync(seat, r, EvaluationRubric.Default, new Dictionary<string, ScoreEntry> { ["E1"] = new(20, "") }, false, CancellationToken.None)))
            .ShouldFailWith().ShouldBe(("", "Grant.Error.DeclareFirst"));
    }

    [Fact]
    public async Task Declare_Conflict_RecusedTheOfficersToldAndNoScoring()
    {
        var report = await app.ReportAsync(await app.FundedAsync("回避"), ReportKind.MidTerm);
        await app.SubmittedReportAsync(report.Id);
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[2])).ShouldSucceed();
        var before = await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Progress.Recused");

        (await app.OnSeatAsync(report.Id, Reviewers[2], (e, seat, _) => e.DeclareAsync(seat, true, null, CancellationToken.None))).ShouldFailWith().ShouldBe(("Reason", "Validation.Required"));
        (await app.OnSeatAsync(report.Id, Reviewers[2], (e, seat, _) => e.DeclareAsync(seat, true, "曾任该组织理事。", CancellationToken.None))).ShouldSucceed();

        (await app.NoticesAsync(TestAccounts.Officer.Email, "Grant.Progress.Recused")).ShouldBe(before + 1);
        (await app.OnSeatAsync(report.Id, Reviewers[2], (e, seat, r) => e.SaveScoresAsync(seat, r, EvaluationRubric.Default, new Dictionary<string, ScoreEntry>(), false, CancellationToken.None)))
            .ShouldFailWith().ShouldBe(("", "Grant.Error.DeclareFirst"));
        (await app.OutcomeAsync(report.Id, EvaluationOutcome.Pass)).ShouldFailWith().ShouldBe(("", "Grant.Progress.Error.NoSheet"));
    }

    [Fact]
    public async Task Outcome_PassWithConditionsWithoutThem_Refused()
    {
        var report = await app.ReportAsync(await app.FundedAsync("条件"), ReportKind.MidTerm);
        await app.SubmittedReportAsync(report.Id);
        await app.ScoredReportAsync(report.Id, Reviewers[3]);

        (await app.OutcomeAsync(report.Id, EvaluationOutcome.PassWithConditions)).ShouldFailWith().ShouldBe(("Conditions", "Validation.Required"));
        (await app.OutcomeAsync(report.Id, EvaluationOutcome.PassWithConditions, "三个月内补齐服务台账。")).ShouldSucceed();

        var stored = await app.ReportAsync(report.AgreementId, ReportKind.MidTerm);
        (stored.State, stored.Outcome, stored.Conditions).ShouldBe((ReportState.Evaluated, (EvaluationOutcome?)EvaluationOutcome.PassWithConditions, "三个月内补齐服务台账。"));
    }

    [Fact]
    public async Task MidTermFail_TheNextTrancheBlockedTheFirstStillPayable()
    {
        var agreementId = await app.FundedAsync("中期不通过");
        var report = await app.ReportAsync(agreementId, ReportKind.MidTerm);
        await app.SubmittedReportAsync(report.Id);
        await app.ScoredReportAsync(report.Id, Reviewers[0], share: 0.4m);
        var before = await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Fail");

        (await app.OutcomeAsync(report.Id, EvaluationOutcome.Fail, "未按计划开展活动，台账缺失。")).ShouldSucceed();

        var record = await app.RecordAsync(agreementId);
        record.Agreement.Tranches.Select(record.StatusOf).ShouldBe([TrancheStatus.Payable, TrancheStatus.Blocked, TrancheStatus.Waiting]);
        (await app.NoticesAsync(DemoApplicant.Email, "Grant.Progress.MidTerm.Fail")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task MidTermPass_TheSecondTranchePayable()
    {
        var agreementId = await app.FundedAsync("中期通过");
        var report = await app.ReportAsync(agreementId, ReportKind.MidTerm);
        await app.SubmittedReportAsync(report.Id);
        await app.ScoredReportAsync(report.Id, Reviewers[1]);

        (await app.OutcomeAsync(report.Id, EvaluationOutcome.Pass)).ShouldSucceed();

        var record = await app.RecordAsync(agreementId);
        record.Agreement.Tranches.Select(record.StatusOf).ShouldBe([TrancheStatus.Payable, TrancheStatus.Payable, TrancheStatus.Waiting]);
    }

    [Fact]
    public async Task FinalFail_RefundUpToWhatWasPaidRequiredAndTracked()
    {
        var agreementId = await app.FundedAsync("结项不通过");
        var first = (await app.RecordAsync(agreementId)).Agreement.Tranches[0];
        (await app.PayAsync(agreementId, 1, first.DueFen)).ShouldSucceed();
        var midTerm = await app.ReportAsync(agreementId, ReportKind.MidTerm);
        await app.SubmittedReportAsync(midTerm.Id);
        await app.ScoredReportAsync(midTerm.Id, Reviewers[2]);
        (await app.OutcomeAsync(midTerm.Id, EvaluationOutcome.Pass)).ShouldSucceed();
        app.MoveTo((await app.RecordAsync(agreementId)).Agreement.EndOn.AddDays(1));
        var final = await app.ReportAsync(agreementId, ReportKind.Final);
        await app.SubmittedReportAsync(final.Id);
        await app.ScoredReportAsync(final.Id, Reviewers[2], share: 0.3m);

        (await app.OutcomeAsync(final.Id, EvaluationOutcome.Fail, "资金使用不合规。", first.DueFen + 1)).ShouldFailWith().Key.ShouldBe("Grant.Progress.Error.RefundRange");
        (await app.OutcomeAsync(final.Id, EvaluationOutcome.Fail, "资金使用不合规。", first.DueFen)).ShouldSucceed();

        var record = await app.RecordAsync(agreementId);
        var refund = record.Refunds.ShouldHaveSingleItem();
        (refund.RequiredFen, refund.OutstandingFen, refund.Reason).ShouldBe((first.DueFen, first.DueFen, "资金使用不合规。"));
        (record.Final, (await app.ReportAsync(agreementId, ReportKind.Final)).RefundFen).ShouldBe(((EvaluationOutcome?)EvaluationOutcome.Fail, (long?)first.DueFen));
    }
}

public sealed class ProgressFlowTestsOnSqlite(GrantsSqliteApp app) : ProgressFlowTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class ProgressFlowTestsOnPostgreSql(GrantsPostgreSqlApp app) : ProgressFlowTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
