using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class RevisionWorkflowTests
{
    // A submitted revision is accepted or returned once; the awarded plan (version 0) is never decided.
    private static readonly (RevisionState From, RevisionTrigger Trigger, RevisionState To)[] Allowed =
    [
        (RevisionState.Submitted, RevisionTrigger.Accept, RevisionState.Accepted),
        (RevisionState.Submitted, RevisionTrigger.Return, RevisionState.Returned),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<RevisionState, RevisionTrigger> Pairs()
    {
        var data = new TheoryData<RevisionState, RevisionTrigger>();
        foreach (var state in Enum.GetValues<RevisionState>())
        {
            foreach (var trigger in Enum.GetValues<RevisionTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<RevisionState> States() => [.. Enum.GetValues<RevisionState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(RevisionState from, RevisionTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (RevisionState?)a.To).SingleOrDefault();

        RevisionWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(RevisionState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        RevisionWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 2 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(2);
    }
}
