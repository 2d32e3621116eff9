using Registry.Ratings.Domain;

namespace Registry.Ratings.Tests.Domain;

public sealed class ProposalWorkflowTests
{
    // A grade proposal is decided once: accepted or dismissed while open, never again.
    private static readonly (ProposalState From, ProposalTrigger Trigger, ProposalState To)[] Allowed =
    [
        (ProposalState.Open, ProposalTrigger.Accept, ProposalState.Accepted),
        (ProposalState.Open, ProposalTrigger.Dismiss, ProposalState.Dismissed),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<ProposalState, ProposalTrigger> Pairs()
    {
        var data = new TheoryData<ProposalState, ProposalTrigger>();
        foreach (var state in Enum.GetValues<ProposalState>())
        {
            foreach (var trigger in Enum.GetValues<ProposalTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<ProposalState> States() => [.. Enum.GetValues<ProposalState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(ProposalState from, ProposalTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (ProposalState?)a.To).SingleOrDefault();

        ProposalWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(ProposalState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        ProposalWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 2 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(2);
    }
}
