using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class AnnualReportWorkflowTests
{
    // The annual report by hand: the organization drafts and files (again after a return), to its supervising unit first
    // when the unit answers online; the unit agrees (on to the bureau) or returns it; the officer returns or concludes a
    // filed report; a result reviewed on paper may be imported before any conclusion. A report exempt that year (registered
    // less than six months before 31 December) and a concluded one take nothing further.
    private static readonly (ReportState From, ReportTrigger Trigger, ReportState To)[] Allowed =
    [
        (ReportState.NotStarted, ReportTrigger.Start, ReportState.Draft),
        (ReportState.NotStarted, ReportTrigger.Submit, ReportState.Submitted),
        (ReportState.Draft, ReportTrigger.Submit, ReportState.Submitted),
        (ReportState.Returned, ReportTrigger.Submit, ReportState.Submitted),
        (ReportState.Submitted, ReportTrigger.Return, ReportState.Returned),
        (ReportState.Submitted, ReportTrigger.Conclude, ReportState.Concluded),
        (ReportState.NotStarted, ReportTrigger.Import, ReportState.Concluded),
        (ReportState.Draft, ReportTrigger.Import, ReportState.Concluded),
        (ReportState.Submitted, ReportTrigger.Import, ReportState.Concluded),
        (ReportState.Returned, ReportTrigger.Import, ReportState.Concluded),
        (ReportState.NotStarted, ReportTrigger.SubmitToUnit, ReportState.UnitReview),
        (ReportState.Draft, ReportTrigger.SubmitToUnit, ReportState.UnitReview),
        (ReportState.Returned, ReportTrigger.SubmitToUnit, ReportState.UnitReview),
        (ReportState.UnitReview, ReportTrigger.UnitAgree, ReportState.Submitted),
        (ReportState.UnitReview, ReportTrigger.UnitReturn, ReportState.Returned),
        (ReportState.UnitReview, ReportTrigger.Import, ReportState.Concluded),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<ReportState, ReportTrigger> Pairs()
    {
        var data = new TheoryData<ReportState, ReportTrigger>();
        foreach (var state in Enum.GetValues<ReportState>())
        {
            foreach (var trigger in Enum.GetValues<ReportTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<ReportState> States() => [.. Enum.GetValues<ReportState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(ReportState from, ReportTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (ReportState?)a.To).SingleOrDefault();

        AnnualReportWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(ReportState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        AnnualReportWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 16 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(16);
    }

    [Theory]
    [InlineData(ReportState.Concluded)]
    [InlineData(ReportState.Exempt)]
    public void Permitted_ConcludedOrExempt_IsEmpty(ReportState state)
    {
        AnnualReportWorkflow.Permitted(state).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ReportTrigger.Return)]
    [InlineData(ReportTrigger.Conclude)]
    public void Next_BureauDecisionWhileWithTheUnit_Refused(ReportTrigger trigger)
    {
        // The bureau decides only once the unit agreed (社会团体登记管理条例 第二十八条); time alone passes nothing on.
        AnnualReportWorkflow.Next(ReportState.UnitReview, trigger).ShouldBeNull();
    }

    [Theory]
    [InlineData(ReportState.Submitted)]
    [InlineData(ReportState.Returned)]
    [InlineData(ReportState.Concluded)]
    public void Next_UnitAnswerOutsideUnitReview_Refused(ReportState state)
    {
        AnnualReportWorkflow.Next(state, ReportTrigger.UnitAgree).ShouldBeNull();
        AnnualReportWorkflow.Next(state, ReportTrigger.UnitReturn).ShouldBeNull();
    }

    [Fact]
    public void Next_ImportForAnExemptYear_Refused()
    {
        AnnualReportWorkflow.Next(ReportState.Exempt, ReportTrigger.Import).ShouldBeNull();
    }
}
