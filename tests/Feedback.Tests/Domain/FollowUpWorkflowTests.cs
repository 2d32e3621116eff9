using Registry.Feedback.Domain;

namespace Registry.Feedback.Tests.Domain;

public sealed class FollowUpWorkflowTests
{
    private static readonly Dictionary<(FollowUpState, FollowUpTrigger), FollowUpState> Allowed = new()
    {
        [(FollowUpState.Open, FollowUpTrigger.Answer)] = FollowUpState.Answered,
        [(FollowUpState.Answered, FollowUpTrigger.Close)] = FollowUpState.Closed,
        [(FollowUpState.Answered, FollowUpTrigger.Reopen)] = FollowUpState.Open,
    };

    [Fact]
    public void Next_EveryStateAndTrigger_OnlyTheTableMoves()
    {
        foreach (var state in Enum.GetValues<FollowUpState>())
        {
            foreach (var trigger in Enum.GetValues<FollowUpTrigger>())
            {
                FollowUpWorkflow.Next(state, trigger).ShouldBe(Allowed.TryGetValue((state, trigger), out var to) ? to : null, $"{state} + {trigger}");
            }
        }
    }

    [Fact]
    public void Next_OpenFollowUp_CannotBeClosedUnanswered()
    {
        FollowUpWorkflow.Next(FollowUpState.Open, FollowUpTrigger.Close).ShouldBeNull("a 差评 is closed only after it was answered");
    }

    [Fact]
    public void IsFinal_OnlyClosed()
    {
        Enum.GetValues<FollowUpState>().Where(FollowUpWorkflow.IsFinal).ShouldBe([FollowUpState.Closed]);
    }
}
