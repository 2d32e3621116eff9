using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class RectificationWorkflowTests
{
    // Rectification (整改) by hand: a 基本合格 or 不合格 result requires it; the organization files its report; the officer
    // verifies it or asks for more; an imported result may carry a rectification already verified on paper. A verified
    // rectification is final (it is what takes the organization off the abnormal list for that cause).
    private static readonly (RectificationState From, RectificationTrigger Trigger, RectificationState To)[] Allowed =
    [
        (RectificationState.None, RectificationTrigger.Require, RectificationState.Required),
        (RectificationState.Required, RectificationTrigger.Submit, RectificationState.Submitted),
        (RectificationState.Submitted, RectificationTrigger.Verify, RectificationState.Verified),
        (RectificationState.Submitted, RectificationTrigger.Return, RectificationState.Required),
        (RectificationState.Required, RectificationTrigger.RecordVerified, RectificationState.Verified),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<RectificationState, RectificationTrigger> Pairs()
    {
        var data = new TheoryData<RectificationState, RectificationTrigger>();
        foreach (var state in Enum.GetValues<RectificationState>())
        {
            foreach (var trigger in Enum.GetValues<RectificationTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<RectificationState> States() => [.. Enum.GetValues<RectificationState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(RectificationState from, RectificationTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (RectificationState?)a.To).SingleOrDefault();

        RectificationWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(RectificationState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        RectificationWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 5 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void Next_VerifyBeforeTheOrganizationFiled_Refused()
    {
        RectificationWorkflow.Next(RectificationState.Required, RectificationTrigger.Verify).ShouldBeNull();
    }
}
