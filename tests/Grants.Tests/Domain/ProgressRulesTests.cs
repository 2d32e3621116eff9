using Registry.Core.Calendar;
using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class ProgressRulesTests
{
    private static readonly DateOnly Start = new(2026, 7, 1);
    private static readonly DateOnly End = new(2027, 6, 30);

    private static GrantAgreement Agreement() => new()
    {
        Id = 7,
        ApplicationId = 3,
        OrganizationId = 5,
        StartOn = Start,
        EndOn = End,
        Plan = new AgreementPlan("互助", "每月探访", [new ProjectIndicator("Output", "探访次数", "1200次"), new ProjectIndicator("Outcome", "满意度", "90%")], Start, End,
            [new PlanLine(BudgetCategory.SocialWork, "专业社工服务", 3_000_000, 0), new PlanLine(BudgetCategory.Activities, "探访活动", 0, 2_000_000)]),
    };

    private static ProgressReport Report(ReportKind kind = ReportKind.MidTerm) => ProgressRules.NewReport(Agreement(), kind, 15, DateTime.UnixEpoch);

    /// <summary>2027 published with 端午 9–11 June and 1–2 July off (a test calendar); 2028 has no notice: provisional.</summary>
    private static WorkingDayCalendar Calendar2027() =>
        new([new CalendarYearData(2027, "test", [new HolidayRange("端午节", new DateOnly(2027, 6, 9), new DateOnly(2027, 6, 11)), new HolidayRange("国庆节", new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 2))], [])]);

    private static ProgressInput Complete(int? reached = 130) => new("已开展探访1320次，组建互助小组6个。", reached, ["1320次", "93%"], new Dictionary<int, long> { [0] = 2_950_000, [1] = 2_050_001 });

    private static ProgressReport Filled(ReportKind kind = ReportKind.MidTerm)
    {
        var report = Report(kind);
        ProgressRules.Apply(report, Complete());
        return report;
    }

    private static readonly ProgressReport EvaluatedMidTerm = new() { Kind = ReportKind.MidTerm, State = ReportState.Evaluated, Outcome = EvaluationOutcome.Pass };

    [Fact]
    public void NewReport_CopiesThePlansIndicatorsAndLinesWithTheLineTotalApproved()
    {
        var report = Report();

        report.Indicators.Select(i => (i.Name, i.Target, i.Actual)).ShouldBe([("探访次数", "1200次", ""), ("满意度", "90%", "")]);
        report.Budget.Select(l => (l.Position, l.Item, l.ApprovedFen, l.ActualFen)).ShouldBe([(0, "专业社工服务", 3_000_000L, (long?)null), (1, "探访活动", 2_000_000L, (long?)null)]);
        (report.AgreementId, report.ApplicationId, report.OrganizationId, report.State).ShouldBe((7, 3, 5, ReportState.Draft));
    }

    [Fact]
    public void Apply_SpentPerLine_VarianceInFenBothWays()
    {
        Filled().Budget.Select(l => l.VarianceFen).ShouldBe([(long?)-50_000, 50_001]);
    }

    [Fact]
    public void MidTermDue_IsTheMidpointOfThePeriod() =>
        ProgressRules.MidTermDue(Start, End).ShouldBe(new DateOnly(2026, 12, 30));

    [Fact]
    public void FinalDue_CountsWorkingDaysPastTheWeekendAndTheHoliday()
    {
        var calendar = new WorkingDayCalendar([new CalendarYearData(2027, "test", [new HolidayRange("端午节", new DateOnly(2027, 6, 9), new DateOnly(2027, 6, 11)), new HolidayRange("国庆节", new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 2))], [])]);

        // Ends on Wednesday 30 June 2027; 1–2 July are off in this test calendar, then the weekend: 5 working days end on Friday 9 July.
        ProgressRules.FinalDue(calendar, End, 5).ShouldBe(new DueDate(new DateOnly(2027, 7, 9), false));
    }

    [Fact]
    public void NewReport_Final_StoresTheProjectEndAndTheWorkingDaysNotADate()
    {
        var report = Report(ReportKind.Final);

        (report.DueFrom, report.DueWorkingDays).ShouldBe((End, 15));
    }

    [Fact]
    public void NewReport_MidTerm_DueOnTheMidpointWithoutWorkingDays()
    {
        var report = Report();

        (report.DueFrom, report.DueWorkingDays, report.DueDate(Calendar2027())).ShouldBe((new DateOnly(2026, 12, 30), 0, new DueDate(new DateOnly(2026, 12, 30), false)));
    }

    [Fact]
    public void DueDate_FinalReportInAPublishedYear_DerivedAndNotProvisional() =>
        Report(ReportKind.Final).DueDate(Calendar2027()).ShouldBe(ProgressRules.FinalDue(Calendar2027(), End, 15));

    [Fact]
    public void DueDate_FinalReportRunningIntoAYearWithoutANotice_ProvisionalNeverMissing()
    {
        var report = ProgressRules.NewReport(Agreement(), ReportKind.Final, 15, DateTime.UnixEpoch);
        report.DueFrom = new DateOnly(2027, 12, 24);

        var due = report.DueDate(Calendar2027());

        due.Provisional.ShouldBeTrue();
        due.Date.Year.ShouldBe(2028);
    }

    [Fact]
    public void DueDate_AfterTheYearsNoticeIsLoaded_ChangesWithNoOtherStep()
    {
        var report = Report(ReportKind.Final);
        var provisional = report.DueDate(new WorkingDayCalendar([]));

        var published = report.DueDate(Calendar2027());

        (provisional.Provisional, published.Provisional, published.Date).ShouldBe((true, false, ProgressRules.FinalDue(Calendar2027(), End, 15).Date));
    }

    [Fact]
    public void ShapeErrors_NegativeBeneficiaries_Refused() =>
        ProgressRules.ShapeErrors(Report(), Complete(reached: -1)).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.Negative");

    [Fact]
    public void ShapeErrors_LineThatWasNotApproved_Refused() =>
        ProgressRules.ShapeErrors(Report(), Complete() with { LineActualFen = new Dictionary<int, long> { [0] = 1, [2] = 100 } })
            .ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.UnknownLine");

    [Fact]
    public void ShapeErrors_NegativeSpending_Refused() =>
        ProgressRules.ShapeErrors(Report(), Complete() with { LineActualFen = new Dictionary<int, long> { [1] = -1 } })
            .ShouldHaveSingleItem().Field.ShouldBe("Spent[1]");

    [Fact]
    public void ShapeErrors_IndicatorMissingFromTheInput_Refused() =>
        ProgressRules.ShapeErrors(Report(), Complete() with { IndicatorActuals = ["1320次"] }).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.IndicatorsChanged");

    [Fact]
    public void ShapeErrors_NarrativeOneCharacterTooLong_Refused()
    {
        ProgressRules.ShapeErrors(Report(), Complete() with { Narrative = new string('字', ProgressRules.NarrativeMax) }).ShouldBeEmpty();
        ProgressRules.ShapeErrors(Report(), Complete() with { Narrative = new string('字', ProgressRules.NarrativeMax + 1) }).ShouldHaveSingleItem().Key.ShouldBe("Validation.MaxLength");
    }

    [Fact]
    public void ShapeErrors_EmptyDraft_Accepted() =>
        ProgressRules.ShapeErrors(Report(), new ProgressInput("", null, ["", ""], new Dictionary<int, long>())).ShouldBeEmpty();

    [Fact]
    public void SubmitErrors_CompleteMidTermDuringTheProject_None() =>
        ProgressRules.SubmitErrors(Filled(), new DateOnly(2026, 12, 1), Start, End, null).ShouldBeEmpty();

    [Fact]
    public void SubmitErrors_BeforeTheProjectStarted_Refused() =>
        ProgressRules.SubmitErrors(Filled(), Start.AddDays(-1), Start, End, null).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.NotStarted");

    [Fact]
    public void SubmitErrors_FinalOnTheLastDay_RefusedTheDayAfterAccepted()
    {
        ProgressRules.SubmitErrors(Filled(ReportKind.Final), End, Start, End, EvaluatedMidTerm).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.NotEnded");
        ProgressRules.SubmitErrors(Filled(ReportKind.Final), End.AddDays(1), Start, End, EvaluatedMidTerm).ShouldBeEmpty();
    }

    [Fact]
    public void SubmitErrors_FinalBeforeTheMidTermWasEvaluated_Refused() =>
        ProgressRules.SubmitErrors(Filled(ReportKind.Final), End.AddDays(1), Start, End, new ProgressReport { State = ReportState.Submitted })
            .ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.MidTermFirst");

    [Fact]
    public void SubmitErrors_EmptyDraft_NamesEveryMissingPart() =>
        ProgressRules.SubmitErrors(Report(), new DateOnly(2026, 12, 1), Start, End, null).Select(e => e.Field)
            .ShouldBe(["Narrative", "BeneficiariesReached", "Actuals[0]", "Actuals[1]", "Spent[0]", "Spent[1]"]);

    [Fact]
    public void SubmitErrors_AlreadySubmitted_Refused()
    {
        var report = Filled();
        report.State = ReportState.Submitted;

        ProgressRules.SubmitErrors(report, new DateOnly(2026, 12, 1), Start, End, null).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.NotEditable");
    }

    [Fact]
    public void SubmitErrors_ReturnedForCorrection_MayBeSubmittedAgain()
    {
        var report = Filled();
        report.State = ReportState.Returned;

        ProgressRules.SubmitErrors(report, new DateOnly(2026, 12, 1), Start, End, null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(EvaluationOutcome.PassWithConditions, null, null, "Conditions")]
    [InlineData(EvaluationOutcome.Fail, null, null, "Reason")]
    [InlineData(null, null, null, "Outcome")]
    public void OutcomeErrors_TextMissing_NamesTheField(EvaluationOutcome? outcome, string? conditions, string? reason, string field) =>
        ProgressRules.OutcomeErrors(ReportKind.MidTerm, new OutcomeInput(outcome, conditions, reason, null), 0).ShouldHaveSingleItem().Field.ShouldBe(field);

    [Fact]
    public void OutcomeErrors_PassWithConditionsStated_None() =>
        ProgressRules.OutcomeErrors(ReportKind.MidTerm, new OutcomeInput(EvaluationOutcome.PassWithConditions, "补充活动照片", null, null), 0).ShouldBeEmpty();

    [Fact]
    public void OutcomeErrors_RefundOnAMidTermFail_Refused() =>
        ProgressRules.OutcomeErrors(ReportKind.MidTerm, new OutcomeInput(EvaluationOutcome.Fail, null, "未按计划开展", 100), 1_000).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.RefundOnlyOnFinalFail");

    [Fact]
    public void OutcomeErrors_RefundOnAFinalPass_Refused() =>
        ProgressRules.OutcomeErrors(ReportKind.Final, new OutcomeInput(EvaluationOutcome.Pass, null, null, 100), 1_000).ShouldHaveSingleItem().Key.ShouldBe("Grant.Progress.Error.RefundOnlyOnFinalFail");

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    [InlineData(0, false)]
    public void OutcomeErrors_RefundOnAFinalFail_AtMostWhatWasPaid(long refundFen, bool accepted) =>
        ProgressRules.OutcomeErrors(ReportKind.Final, new OutcomeInput(EvaluationOutcome.Fail, null, "资金挪用", refundFen), 1_000).Count.ShouldBe(accepted ? 0 : 1);

    [Fact]
    public void Passed_OnlyPassAndPassWithConditions()
    {
        new ProgressReport { Outcome = EvaluationOutcome.Pass }.Passed.ShouldBeTrue();
        new ProgressReport { Outcome = EvaluationOutcome.PassWithConditions }.Passed.ShouldBeTrue();
        new ProgressReport { Outcome = EvaluationOutcome.Fail }.Passed.ShouldBeFalse();
        new ProgressReport().Passed.ShouldBeFalse();
    }

    [Fact]
    public void IsOverdueOn_OpenAfterTheDueDateOnly()
    {
        var report = Report();

        var due = report.DueDate(Calendar2027());

        (report.IsOverdueOn(due, due.Date), report.IsOverdueOn(due, due.Date.AddDays(1))).ShouldBe((false, true));
        report.State = ReportState.Submitted;
        report.IsOverdueOn(due, due.Date.AddDays(1)).ShouldBeFalse();
    }
}
