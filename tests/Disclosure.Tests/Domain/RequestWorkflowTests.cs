using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Tests.Domain;

public sealed class RequestWorkflowTests
{
    // 条例 第三十条: 补正 stops the clock until the corrected request arrives, or the request is deemed abandoned;
    // 第三十二条: a consultation pauses it; 第三十三条: an extension keeps the request running; the answer closes it.
    private static readonly (RequestState From, RequestTrigger Trigger, RequestState To)[] Allowed =
    [
        (RequestState.Received, RequestTrigger.RequestCorrection, RequestState.AwaitingCorrection),
        (RequestState.Received, RequestTrigger.StartConsultation, RequestState.InConsultation),
        (RequestState.Received, RequestTrigger.Extend, RequestState.Received),
        (RequestState.Received, RequestTrigger.Answer, RequestState.Answered),
        (RequestState.Received, RequestTrigger.Withdraw, RequestState.Withdrawn),
        (RequestState.AwaitingCorrection, RequestTrigger.Correct, RequestState.Received),
        (RequestState.AwaitingCorrection, RequestTrigger.Abandon, RequestState.Abandoned),
        (RequestState.AwaitingCorrection, RequestTrigger.Withdraw, RequestState.Withdrawn),
        (RequestState.InConsultation, RequestTrigger.EndConsultation, RequestState.Received),
        (RequestState.InConsultation, RequestTrigger.Withdraw, RequestState.Withdrawn),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<RequestState, RequestTrigger> Pairs()
    {
        var data = new TheoryData<RequestState, RequestTrigger>();
        foreach (var state in Enum.GetValues<RequestState>())
        {
            foreach (var trigger in Enum.GetValues<RequestTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<RequestState> States() => [.. Enum.GetValues<RequestState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(RequestState from, RequestTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (RequestState?)a.To).SingleOrDefault();

        RequestWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(RequestState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        RequestWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Theory]
    [InlineData(RequestState.Answered)]
    [InlineData(RequestState.Abandoned)]
    [InlineData(RequestState.Withdrawn)]
    public void IsFinal_ClosedStates_AreFinal(RequestState state) => RequestWorkflow.IsFinal(state).ShouldBeTrue();

    [Fact]
    public void Allowed_Table_HasNoPairTwice() =>
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(10);
}
