using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Grants.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>Who may open the progress and evaluation pages, and what their forms refuse, over HTTP on each provider.</summary>
public abstract class ProgressPagesTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private const string Narrative = "已开展入户探访";

    private async Task<ProgressReport> MidTermAsync(string title)
    {
        var report = await app.ReportAsync(await app.FundedAsync(title), ReportKind.MidTerm);
        return report;
    }

    private async Task<ProgressReport> SubmittedAsync(string title)
    {
        var report = await MidTermAsync(title);
        await app.SubmittedReportAsync(report.Id);
        return report;
    }

    /// <summary>
    /// Issue 15: a final report due 15 working days after a project ending 2031-06-30, a year no holiday notice is loaded
    /// for: the date is derived when read, shown and marked provisional (never blank); the mid-term's calendar date is not.
    /// </summary>
    [Fact]
    public async Task ProgressList_FinalReportDueInAYearWithoutANotice_DateShownMarkedProvisional()
    {
        var agreementId = await app.FundedAsync("暂定截止");
        var final = await app.ReportAsync(agreementId, ReportKind.Final);
        await app.WithAsync<RegistryDbContext, int>(async db =>
        {
            // The project's end moved into a year without a notice (set-up: only the clock's input changes).
            var report = await db.Set<ProgressReport>().SingleAsync(r => r.Id == final.Id);
            report.DueFrom = new DateOnly(2031, 6, 30);
            return await db.SaveChangesAsync();
        });
        var calendar = await app.WithAsync<Registry.Core.Calendar.ICalendarProvider, Registry.Core.Calendar.WorkingDayCalendar>(c => c.GetAsync(CancellationToken.None));
        calendar.IsProvisional(2031).ShouldBeTrue();

        var page = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Grants/Progress/{final.Id}");

        var due = page.QuerySelector("[data-testid=due]")!;
        due.QuerySelector("time")!.GetAttribute("datetime").ShouldBe(calendar.AddWorkingDays(new DateOnly(2031, 6, 30), 15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        due.QuerySelector("[data-testid=provisional]").ShouldNotBeNull();
        var list = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync("/Grants/Progress");
        var rows = list.QuerySelectorAll("[data-testid=report]").Where(r => r.TextContent.Contains("暂定截止", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(2);
        rows.Count(r => r.QuerySelector("[data-testid=provisional]") is not null).ShouldBe(1);
    }

    private static Dictionary<string, string> FilledForm(ProgressReport report)
    {
        var fields = new Dictionary<string, string> { ["Form.Narrative"] = Narrative + "，服务老人130人。", ["Form.BeneficiariesReached"] = "130" };
        for (var i = 0; i < report.Indicators.Count; i++)
        {
            fields[$"Form.Actuals[{i}]"] = "已完成";
        }

        foreach (var line in report.Budget)
        {
            fields[$"Form.Spent[{line.Position}]"] = "1,000.50";
        }

        return fields;
    }

    [Fact]
    public async Task ReportPage_OtherOrganizationsReport_NotFound()
    {
        var report = await MidTermAsync("他人报告");

        using var response = await (await app.SignedInClientAsync(TestAccounts.Applicant)).GetAsync(new Uri($"/Grants/Progress/{report.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReportPage_FilledAndSubmittedThroughTheForm_SubmittedWithTheSpendingInFen()
    {
        var report = await MidTermAsync("表单报告");
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Progress/{report.Id}", FilledForm(report), "#progress-form", handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.ReportAsync(report.AgreementId, ReportKind.MidTerm);
        (stored.State, stored.Budget.Select(l => l.ActualFen).Distinct().Single()).ShouldBe((ReportState.Submitted, (long?)100_050));
        (await client.GetDocumentAsync($"/Grants/Progress/{report.Id}")).QuerySelector("[data-testid=narrative]")!.TextContent.ShouldStartWith(Narrative);
    }

    [Fact]
    public async Task ReportPage_SubmitEmpty_LocalizedErrorsAndStillADraft()
    {
        var report = await MidTermAsync("空表提交");
        var client = await app.SignedInClientAsync(DemoApplicant);

        using var response = await client.SubmitFormAsync($"/Grants/Progress/{report.Id}", new Dictionary<string, string>(), "#progress-form", handler: "Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("实际服务人数");
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).State.ShouldBe(ReportState.Draft);
    }

    [Fact]
    public async Task ReportPage_BadAmount_RefusedNothingSaved()
    {
        var report = await MidTermAsync("金额错误");
        var fields = FilledForm(report);
        fields["Form.Spent[0]"] = "一千元";

        using var response = await (await app.SignedInClientAsync(DemoApplicant)).SubmitFormAsync($"/Grants/Progress/{report.Id}", fields, "#progress-form", handler: "Save");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).Narrative.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReportPage_SavedFromAStalePage_ConflictShownNothingOverwritten()
    {
        var report = await MidTermAsync("两个标签页");
        var client = await app.SignedInClientAsync(DemoApplicant);
        var stale = await client.ReadFormAsync($"/Grants/Progress/{report.Id}", "#progress-form");
        (await app.SaveAsync(report.Id, r => ProgressSteps.Complete(r, reached: 7))).ShouldSucceed();

        using var response = await client.PostFormAsync(stale, FilledForm(report), "Save");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).BeneficiariesReached.ShouldBe(7);
    }

    [Fact]
    public async Task ReportPage_UploadOfAnExecutable_RefusedThePhotoKept()
    {
        var report = await MidTermAsync("上传照片");
        var client = await app.SignedInClientAsync(DemoApplicant);
        using (var photo = await client.SubmitFormAsync($"/Grants/Progress/{report.Id}", new Dictionary<string, string> { ["Caption"] = "入户探访" }, "#progress-form", "Save",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("探访.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]) }))
        {
            photo.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await client.SubmitFormAsync($"/Grants/Progress/{report.Id}", new Dictionary<string, string>(), "#progress-form", "Save",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("照片.png", "MZ\x90\0"u8.ToArray()) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).Evidence.ShouldHaveSingleItem().FileName.ShouldBe("探访.png");
    }

    [Fact]
    public async Task EvaluationSheet_EvaluatorNotSeated_IsForbidden()
    {
        var report = await SubmittedAsync("未分配评估");
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[0])).ShouldSucceed();

        using var response = await (await app.SignedInClientAsync((Reviewers[1], ReviewerPassword))).GetAsync(new Uri($"/Grants/Evaluation/Sheet/{report.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EvaluationSheet_SeatedBeforeDeclaring_AsksForTheDeclarationAndHidesTheReport()
    {
        var report = await SubmittedAsync("声明前");
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[2])).ShouldSucceed();

        var page = await (await app.SignedInClientAsync((Reviewers[2], ReviewerPassword))).GetDocumentAsync($"/Grants/Evaluation/Sheet/{report.Id}");

        page.QuerySelector("[data-testid=declaration-form]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=score-form]").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain(Narrative);
    }

    [Fact]
    public async Task EvaluationSheet_ScoresPostedBeforeDeclaring_IsForbidden()
    {
        var report = await SubmittedAsync("未声明打分");
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[3])).ShouldSucceed();

        using var response = await (await app.SignedInClientAsync((Reviewers[3], ReviewerPassword)))
            .SubmitFormAsync($"/Grants/Evaluation/Sheet/{report.Id}", new Dictionary<string, string> { ["Scores[E1].Points"] = "30" }, handler: "SubmitScores");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EvaluationSheet_DeclaredThroughTheForm_ShowsTheReportAndTheSheet()
    {
        var report = await SubmittedAsync("声明后");
        (await app.AssignEvaluatorAsync(report.Id, Reviewers[0])).ShouldSucceed();
        var client = await app.SignedInClientAsync((Reviewers[0], ReviewerPassword));

        using var declared = await client.SubmitFormAsync($"/Grants/Evaluation/Sheet/{report.Id}", new Dictionary<string, string> { ["Conflict"] = "false" }, handler: "Declare");

        declared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync($"/Grants/Evaluation/Sheet/{report.Id}");
        page.QuerySelector("[data-testid=narrative]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("[data-testid=score-form]").ShouldNotBeNull();
    }

    [Fact]
    public async Task AgreementPage_ListsItsReports_LinkedToTheirEvaluation()
    {
        var report = await SubmittedAsync("协议报告");

        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetAsync(new Uri($"/Grants/Projects/Admin/Agreement/{report.AgreementId}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var links = (await response.ParseAsync()).QuerySelectorAll("[data-testid=progress-section] [data-testid=report] a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain($"/Grants/Evaluation/{report.Id}");
        links.ShouldAllBe(href => href!.StartsWith("/Grants/Evaluation/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficerReport_Applicant_IsForbidden()
    {
        var report = await SubmittedAsync("官员页面");

        using var response = await (await app.SignedInClientAsync(DemoApplicant)).GetAsync(new Uri($"/Grants/Evaluation/{report.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OfficerReport_FailWithoutAReason_LocalizedErrorNothingRecorded()
    {
        var report = await SubmittedAsync("不通过无理由");
        await app.ScoredReportAsync(report.Id, Reviewers[1]);

        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer))
            .SubmitFormAsync($"/Grants/Evaluation/{report.Id}", new Dictionary<string, string> { ["Decision.Outcome"] = "Fail" }, "[data-testid=outcome-form]", "Outcome");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("不通过理由");
        (await app.ReportAsync(report.AgreementId, ReportKind.MidTerm)).State.ShouldBe(ReportState.Submitted);
    }

    [Fact]
    public async Task OfficerReport_PassRecordedThroughTheForm_TheApplicantSeesTheOutcome()
    {
        var report = await SubmittedAsync("通过");
        await app.ScoredReportAsync(report.Id, Reviewers[2]);

        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer))
            .SubmitFormAsync($"/Grants/Evaluation/{report.Id}", new Dictionary<string, string> { ["Decision.Outcome"] = "Pass" }, "[data-testid=outcome-form]", "Outcome");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await (await app.SignedInClientAsync(DemoApplicant)).GetDocumentAsync($"/Grants/Progress/{report.Id}");
        page.QuerySelector("[data-testid=outcome-value]")!.TextContent.ShouldBe("通过");
    }

    [Fact]
    public async Task EvaluationAdmin_EvaluatedReports_PagedInTheQueryLatestFirstWithTheirTotal()
    {
        var report = await SubmittedAsync("最近评估");
        await app.ScoredReportAsync(report.Id, Reviewers[1]);
        (await app.OutcomeAsync(report.Id, EvaluationOutcome.Pass)).ShouldSucceed();
        var evaluated = await app.InScopeAsync(s => s.GetRequiredService<Registry.Web.Data.RegistryDbContext>().Set<ProgressReport>().CountAsync(r => r.State == ReportState.Evaluated));

        // A page beyond the last is brought into range, never an error.
        var page = await (await app.SignedInClientAsync(TestAccounts.Officer)).GetDocumentAsync("/Grants/Evaluation/Admin?p=999");

        var list = page.QuerySelectorAll("[data-testid=reports]")[^1];
        list.QuerySelector("[data-testid=report] a")!.GetAttribute("href").ShouldBe($"/Grants/Evaluation/{report.Id}");
        page.QuerySelector("[data-testid=list-total]")!.GetAttribute("data-total").ShouldBe(evaluated.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task EvaluationQueue_EvaluatorWithoutSeats_EmptyState()
    {
        var page = await (await app.SignedInClientAsync(TestAccounts.Reviewer)).GetDocumentAsync("/Grants/Evaluation");

        page.QuerySelector("[data-testid=empty]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Rubric_WeightOutOfRange_LocalizedErrorAndTheDefaultKept()
    {
        var report = await MidTermAsync("评估指标");
        var roundId = (await app.RecordAsync(report.AgreementId)).Agreement.RoundId;

        using var response = await (await app.SignedInClientAsync(TestAccounts.Officer))
            .SubmitFormAsync($"/Grants/Evaluation/Rubric/{roundId}", new Dictionary<string, string> { ["Criteria[0].Weight"] = "150" }, "[data-testid=rubric-form]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("1至100");
        (await app.WithAsync<Registry.Grants.Services.EvaluationService, IReadOnlyList<RubricCriterion>>(e => e.RubricAsync(roundId, CancellationToken.None))).ShouldBe(EvaluationRubric.Default);
    }
}

public sealed class ProgressPagesTestsOnSqlite(GrantsSqliteApp app) : ProgressPagesTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class ProgressPagesTestsOnPostgreSql(GrantsPostgreSqlApp app) : ProgressPagesTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
