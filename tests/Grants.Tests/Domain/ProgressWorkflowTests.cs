using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class ProgressWorkflowTests
{
    // A progress report by hand: filed from a draft or after a return; only a filed report is returned or evaluated;
    // an evaluated report is final.
    private static readonly (ReportState From, ProgressTrigger Trigger, ReportState To)[] Allowed =
    [
        (ReportState.Draft, ProgressTrigger.Submit, ReportState.Submitted),
        (ReportState.Returned, ProgressTrigger.Submit, ReportState.Submitted),
        (ReportState.Submitted, ProgressTrigger.Return, ReportState.Returned),
        (ReportState.Submitted, ProgressTrigger.Evaluate, ReportState.Evaluated),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<ReportState, ProgressTrigger> Pairs()
    {
        var data = new TheoryData<ReportState, ProgressTrigger>();
        foreach (var state in Enum.GetValues<ReportState>())
        {
            foreach (var trigger in Enum.GetValues<ProgressTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<ReportState> States() => [.. Enum.GetValues<ReportState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(ReportState from, ProgressTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (ReportState?)a.To).SingleOrDefault();

        ProgressWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(ReportState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        ProgressWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 4 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Next_EvaluateADraft_Refused()
    {
        ProgressWorkflow.Next(ReportState.Draft, ProgressTrigger.Evaluate).ShouldBeNull();
    }
}
