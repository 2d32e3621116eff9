using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;

namespace Registry.Web.Tests.Grants;

/// <summary>Progress reports and their evaluation through the services, one scope per step as a request would be.</summary>
internal static class ProgressSteps
{
    /// <summary>When the projects of <see cref="GrantSteps.Project"/> start.</summary>
    public static readonly DateOnly ProjectStart = new(2026, 7, 1);

    /// <summary>
    /// A signed agreement (<see cref="GrantProjectSteps.SignedAgreementAsync"/>) with the clock moved to at least the project's
    /// first day (reports may be filed); the holiday calendar gets plain 2027 and 2028 years for the final reports' due dates.
    /// </summary>
    public static async Task<int> FundedAsync(this GrantsApp app, string title)
    {
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<ICalendarProvider>().SaveYearsAsync([new CalendarYearData(2027, "test", [], []), new CalendarYearData(2028, "test", [], [])], CancellationToken.None);
            return await s.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
        });
        if (app.Today < ProjectStart)
        {
            app.MoveTo(ProjectStart);
        }

        return await app.SignedAgreementAsync(title);
    }

    /// <summary>The agreement's report of <paramref name="kind"/> (created first if need be).</summary>
    public static Task<ProgressReport> ReportAsync(this GrantsApp app, int agreementId, ReportKind kind) => app.InScopeAsync(async s =>
    {
        await s.GetRequiredService<ProgressService>().EnsureReportsAsync(CancellationToken.None);
        return await s.GetRequiredService<RegistryDbContext>().Set<ProgressReport>().AsNoTracking().Include(r => r.Evidence).SingleAsync(r => r.AgreementId == agreementId && r.Kind == kind);
    });

    public static Task<OperationResult> OnReportAsync(this GrantsApp app, int reportId, Func<IServiceProvider, ProgressReport, Task<OperationResult>> step) =>
        app.InScopeAsync(async s => await step(s, (await s.GetRequiredService<ProgressService>().FindAsync(reportId, CancellationToken.None))!));

    /// <summary>Everything a submission needs: every indicator's actual and every line's spending (approved minus 1 yuan).</summary>
    public static ProgressInput Complete(ProgressReport report, int reached = 130) =>
        new("已开展入户探访，组建互助小组6个，服务对象满意度93%。", reached, [.. report.Indicators.Select(i => "完成：" + i.Target)], report.Budget.ToDictionary(l => l.Position, l => l.ApprovedFen - 100));

    public static Task<OperationResult> SaveAsync(this GrantsApp app, int reportId, Func<ProgressReport, ProgressInput> input) =>
        app.OnReportAsync(reportId, (s, r) => s.GetRequiredService<ProgressService>().SaveDraftAsync(r, input(r), r.Version, CancellationToken.None));

    public static Task<OperationResult> SubmitReportAsync(this GrantsApp app, int reportId) =>
        app.OnReportAsync(reportId, (s, r) => s.GetRequiredService<ProgressService>().SubmitAsync(r, r.Version, CancellationToken.None));

    /// <summary>Filled in completely and submitted.</summary>
    public static async Task SubmittedReportAsync(this GrantsApp app, int reportId)
    {
        (await app.SaveAsync(reportId, r => Complete(r))).ShouldSucceed();
        (await app.SubmitReportAsync(reportId)).ShouldSucceed();
    }

    public static async Task<OperationResult> AssignEvaluatorAsync(this GrantsApp app, int reportId, string email)
    {
        var userId = await app.UserIdAsync(email);
        return await app.OnReportAsync(reportId, (s, r) => s.GetRequiredService<EvaluationService>().AssignAsync(r, [userId], CancellationToken.None));
    }

    public static async Task<OperationResult> OnSeatAsync(this GrantsApp app, int reportId, string email, Func<EvaluationService, EvaluationSeat, ProgressReport, Task<OperationResult>> step)
    {
        var userId = await app.UserIdAsync(email);
        return await app.InScopeAsync(async s =>
        {
            var evaluations = s.GetRequiredService<EvaluationService>();
            var report = (await s.GetRequiredService<ProgressService>().FindAsync(reportId, CancellationToken.None))!;
            return await step(evaluations, (await evaluations.SeatAsync(reportId, userId, CancellationToken.None))!, report);
        });
    }

    /// <summary>The evaluator is seated, declares no conflict and submits every criterion at <paramref name="share"/> of its weight.</summary>
    public static async Task ScoredReportAsync(this GrantsApp app, int reportId, string email, decimal share = 0.8m)
    {
        (await app.AssignEvaluatorAsync(reportId, email)).ShouldSucceed();
        (await app.OnSeatAsync(reportId, email, (e, seat, _) => e.DeclareAsync(seat, false, null, CancellationToken.None))).ShouldSucceed();
        (await app.OnSeatAsync(reportId, email, (e, seat, report) => e.SaveScoresAsync(seat, report, EvaluationRubric.Default,
            EvaluationRubric.Default.ToDictionary(c => c.Code, c => new ScoreEntry(c.Weight * share, "按计划完成。")), submit: true, CancellationToken.None))).ShouldSucceed();
    }

    public static Task<OperationResult> OutcomeAsync(this GrantsApp app, int reportId, EvaluationOutcome outcome, string? text = null, long? refundFen = null) =>
        app.OnReportAsync(reportId, (s, r) => s.GetRequiredService<EvaluationService>().RecordOutcomeAsync(r,
            new OutcomeInput(outcome, outcome == EvaluationOutcome.PassWithConditions ? text : null, outcome == EvaluationOutcome.Fail ? text : null, refundFen), r.Version, CancellationToken.None));
}
