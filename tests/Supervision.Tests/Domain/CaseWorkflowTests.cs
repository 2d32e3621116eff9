using Registry.Supervision.Domain;

namespace Registry.Supervision.Tests.Domain;

public sealed class CaseWorkflowTests
{
    private static readonly Dictionary<(CaseState, CaseTrigger), CaseState> Allowed = new()
    {
        [(CaseState.Filed, CaseTrigger.Investigate)] = CaseState.Investigating,
        [(CaseState.Filed, CaseTrigger.Dismiss)] = CaseState.Dismissed,
        [(CaseState.Filed, CaseTrigger.Extend)] = CaseState.Filed,
        [(CaseState.Investigating, CaseTrigger.Notify)] = CaseState.Notified,
        [(CaseState.Investigating, CaseTrigger.Dismiss)] = CaseState.Dismissed,
        [(CaseState.Investigating, CaseTrigger.Extend)] = CaseState.Investigating,
        [(CaseState.Notified, CaseTrigger.RequestHearing)] = CaseState.HearingRequested,
        [(CaseState.Notified, CaseTrigger.Reinvestigate)] = CaseState.Investigating,
        [(CaseState.Notified, CaseTrigger.Decide)] = CaseState.Decided,
        [(CaseState.Notified, CaseTrigger.Dismiss)] = CaseState.Dismissed,
        [(CaseState.Notified, CaseTrigger.Extend)] = CaseState.Notified,
        [(CaseState.HearingRequested, CaseTrigger.HoldHearing)] = CaseState.HearingHeld,
        [(CaseState.HearingRequested, CaseTrigger.Extend)] = CaseState.HearingRequested,
        [(CaseState.HearingHeld, CaseTrigger.Reinvestigate)] = CaseState.Investigating,
        [(CaseState.HearingHeld, CaseTrigger.Decide)] = CaseState.Decided,
        [(CaseState.HearingHeld, CaseTrigger.Dismiss)] = CaseState.Dismissed,
        [(CaseState.HearingHeld, CaseTrigger.Extend)] = CaseState.HearingHeld,
        [(CaseState.Decided, CaseTrigger.Deliver)] = CaseState.Executing,
        [(CaseState.Executing, CaseTrigger.Close)] = CaseState.Closed,
    };

    [Fact]
    public void Next_EveryStateAndTrigger_OnlyTheTableMoves()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            foreach (var trigger in Enum.GetValues<CaseTrigger>())
            {
                CaseWorkflow.Next(state, trigger).ShouldBe(Allowed.TryGetValue((state, trigger), out var to) ? to : null, $"{state} + {trigger}");
            }
        }
    }

    [Fact]
    public void Next_Art62_NoDecisionBeforeTheNotice_Refused()
    {
        CaseWorkflow.Next(CaseState.Investigating, CaseTrigger.Decide).ShouldBeNull();
        CaseWorkflow.Next(CaseState.HearingRequested, CaseTrigger.Decide).ShouldBeNull("a requested hearing must be held first (第六十二条)");
    }

    [Fact]
    public void IsFinal_ClosedAndDismissed_Final()
    {
        CaseWorkflow.IsFinal(CaseState.Closed).ShouldBeTrue();
        CaseWorkflow.IsFinal(CaseState.Dismissed).ShouldBeTrue();
        CaseWorkflow.IsFinal(CaseState.Decided).ShouldBeFalse();
    }
}
