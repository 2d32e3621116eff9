using Registry.Cultivation.Domain;

namespace Registry.Cultivation.Tests.Domain;

public sealed class ServiceListWorkflowTests
{
    private static readonly (CallState From, CallTrigger Trigger, CallState To)[] CallsAllowed =
    [
        (CallState.Open, CallTrigger.Close, CallState.Reviewing),
        (CallState.Reviewing, CallTrigger.Publish, CallState.Publicity),
        (CallState.Publicity, CallTrigger.Announce, CallState.Announced),
    ];

    private static readonly (ServiceApplicationState From, ServiceApplicationTrigger Trigger, ServiceApplicationState To)[] ApplicationsAllowed =
    [
        (ServiceApplicationState.Submitted, ServiceApplicationTrigger.Approve, ServiceApplicationState.Approved),
        (ServiceApplicationState.Submitted, ServiceApplicationTrigger.Reject, ServiceApplicationState.Rejected),
        (ServiceApplicationState.Approved, ServiceApplicationTrigger.Reject, ServiceApplicationState.Rejected),
        (ServiceApplicationState.Rejected, ServiceApplicationTrigger.Approve, ServiceApplicationState.Approved),
        (ServiceApplicationState.Approved, ServiceApplicationTrigger.Remove, ServiceApplicationState.Removed),
        (ServiceApplicationState.Approved, ServiceApplicationTrigger.List, ServiceApplicationState.Listed),
    ];

    public static TheoryData<CallState, CallTrigger> CallPairs()
    {
        var data = new TheoryData<CallState, CallTrigger>();
        foreach (var state in Enum.GetValues<CallState>())
        {
            foreach (var trigger in Enum.GetValues<CallTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<ServiceApplicationState, ServiceApplicationTrigger> ApplicationPairs()
    {
        var data = new TheoryData<ServiceApplicationState, ServiceApplicationTrigger>();
        foreach (var state in Enum.GetValues<ServiceApplicationState>())
        {
            foreach (var trigger in Enum.GetValues<ServiceApplicationTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CallPairs))]
    public void Next_EveryCallStateAndTrigger_FollowsTheTable(CallState from, CallTrigger trigger)
    {
        var expected = CallsAllowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (CallState?)a.To).SingleOrDefault();

        ServiceListWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(ApplicationPairs))]
    public void Next_EveryApplicationStateAndTrigger_FollowsTheTable(ServiceApplicationState from, ServiceApplicationTrigger trigger)
    {
        var expected = ApplicationsAllowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (ServiceApplicationState?)a.To).SingleOrDefault();

        ServiceListWorkflow.Next(from, trigger).ShouldBe(expected);
    }
}
