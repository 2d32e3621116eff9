using Registry.Cultivation.Domain;

namespace Registry.Cultivation.Tests.Domain;

public sealed class HubWorkflowTests
{
    // A recognition stands until it is withdrawn; a withdrawn one is final (a new recognition comes in a new batch).
    private static readonly (HubState From, HubTrigger Trigger, HubState To)[] Allowed =
    [
        (HubState.Recognized, HubTrigger.Withdraw, HubState.Withdrawn),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<HubState, HubTrigger> Pairs()
    {
        var data = new TheoryData<HubState, HubTrigger>();
        foreach (var state in Enum.GetValues<HubState>())
        {
            foreach (var trigger in Enum.GetValues<HubTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(HubState from, HubTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (HubState?)a.To).SingleOrDefault();

        HubWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Fact]
    public void Permitted_Withdrawn_Nothing()
    {
        HubWorkflow.Permitted(HubState.Withdrawn).ShouldBeEmpty();
    }

    [Fact]
    public void IsActive_Withdrawn_False()
    {
        new Hub { State = HubState.Withdrawn }.IsActive.ShouldBeFalse();
        new Hub { State = HubState.Recognized }.IsActive.ShouldBeTrue();
    }
}
