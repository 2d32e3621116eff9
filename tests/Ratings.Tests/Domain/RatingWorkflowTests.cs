using Registry.Ratings.Domain;

namespace Registry.Ratings.Tests.Domain;

public sealed class RatingWorkflowTests
{
    // The rating steps by hand (民政部令第39号: application → eligibility → field assessment → committee grade → 公示 →
    // announcement): each step once, in order; an ineligible application and an announced grade are final.
    private static readonly (RatingState From, RatingTrigger Trigger, RatingState To)[] Allowed =
    [
        (RatingState.Draft, RatingTrigger.Submit, RatingState.Submitted),
        (RatingState.Submitted, RatingTrigger.ConfirmEligible, RatingState.Assessment),
        (RatingState.Submitted, RatingTrigger.RuleIneligible, RatingState.Ineligible),
        (RatingState.Assessment, RatingTrigger.Decide, RatingState.Decided),
        (RatingState.Decided, RatingTrigger.Publicize, RatingState.Publicized),
        (RatingState.Publicized, RatingTrigger.Announce, RatingState.Announced),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<RatingState, RatingTrigger> Pairs()
    {
        var data = new TheoryData<RatingState, RatingTrigger>();
        foreach (var state in Enum.GetValues<RatingState>())
        {
            foreach (var trigger in Enum.GetValues<RatingTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<RatingState> States() => [.. Enum.GetValues<RatingState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(RatingState from, RatingTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (RatingState?)a.To).SingleOrDefault();

        RatingWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(RatingState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        RatingWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 6 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public void Next_AnnounceBeforeThePublicity_Refused()
    {
        RatingWorkflow.Next(RatingState.Decided, RatingTrigger.Announce).ShouldBeNull();
    }
}
