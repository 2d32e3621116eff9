using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class GrantWorkflowTests
{
    // The application's life as the venture-fund call states it, written out by hand so the test does not read the
    // machine it checks: filed once; 初筛 decided (and revisable until review starts); the published shortlist funds it or
    // not; a shortlisted project is awarded after the 公示 or withdrawn (an objection upheld).
    private static readonly (GrantState From, GrantTrigger Trigger, GrantState To)[] Allowed =
    [
        (GrantState.Draft, GrantTrigger.Submit, GrantState.Submitted),
        (GrantState.Submitted, GrantTrigger.ScreenIn, GrantState.Passed),
        (GrantState.Submitted, GrantTrigger.ScreenOut, GrantState.Failed),
        (GrantState.Passed, GrantTrigger.ScreenIn, GrantState.Passed),
        (GrantState.Passed, GrantTrigger.ScreenOut, GrantState.Failed),
        (GrantState.Failed, GrantTrigger.ScreenIn, GrantState.Passed),
        (GrantState.Failed, GrantTrigger.ScreenOut, GrantState.Failed),
        (GrantState.Passed, GrantTrigger.Shortlist, GrantState.Shortlisted),
        (GrantState.Passed, GrantTrigger.PassOver, GrantState.NotSelected),
        (GrantState.Shortlisted, GrantTrigger.Withdraw, GrantState.Withdrawn),
        (GrantState.Shortlisted, GrantTrigger.Award, GrantState.Awarded),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<GrantState, GrantTrigger> Pairs()
    {
        var data = new TheoryData<GrantState, GrantTrigger>();
        foreach (var state in Enum.GetValues<GrantState>())
        {
            foreach (var trigger in Enum.GetValues<GrantTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<GrantState> States() => [.. Enum.GetValues<GrantState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(GrantState from, GrantTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (GrantState?)a.To).SingleOrDefault();

        GrantWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(GrantState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        GrantWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 11 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(11);
    }

    [Theory]
    [InlineData(GrantState.Awarded)]
    [InlineData(GrantState.NotSelected)]
    [InlineData(GrantState.Withdrawn)]
    public void Permitted_DecidedApplication_IsEmpty(GrantState state)
    {
        GrantWorkflow.Permitted(state).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(GrantState.Submitted, true)]
    [InlineData(GrantState.Passed, true)]
    [InlineData(GrantState.Failed, true)]
    [InlineData(GrantState.Draft, false)]
    [InlineData(GrantState.Shortlisted, false)]
    public void CanScreen_State_OnlyBeforeTheShortlist(GrantState state, bool expected)
    {
        GrantWorkflow.CanScreen(state).ShouldBe(expected);
    }
}
