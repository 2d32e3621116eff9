using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class AgreementWorkflowTests
{
    // The agreement (资助协议) by hand: a revised plan (项目优化) may be asked for and accepted before signing, never while
    // one is pending; signing creates the tranches; only a signed agreement closes.
    private static readonly (AgreementState From, AgreementTrigger Trigger, AgreementState To)[] Allowed =
    [
        (AgreementState.Drafting, AgreementTrigger.RequestRevision, AgreementState.AwaitingRevision),
        (AgreementState.AwaitingRevision, AgreementTrigger.AcceptRevision, AgreementState.Drafting),
        (AgreementState.Drafting, AgreementTrigger.Sign, AgreementState.Signed),
        (AgreementState.Signed, AgreementTrigger.Close, AgreementState.Closed),
    ];

    /// <summary>Every (state, trigger) pair: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<AgreementState, AgreementTrigger> Pairs()
    {
        var data = new TheoryData<AgreementState, AgreementTrigger>();
        foreach (var state in Enum.GetValues<AgreementState>())
        {
            foreach (var trigger in Enum.GetValues<AgreementTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<AgreementState> States() => [.. Enum.GetValues<AgreementState>()];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Next_EveryStateAndTrigger_FollowsTheTable(AgreementState from, AgreementTrigger trigger)
    {
        var expected = Allowed.Where(a => a.From == from && a.Trigger == trigger).Select(a => (AgreementState?)a.To).SingleOrDefault();

        AgreementWorkflow.Next(from, trigger).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(AgreementState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        AgreementWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Fact]
    public void Allowed_Table_HasNoPairTwice()
    {
        // 4 transitions; the rest of the product is refused (checked pair by pair above).
        Allowed.Select(a => (a.From, a.Trigger)).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Next_SignWhileARevisionIsAwaited_Refused()
    {
        AgreementWorkflow.Next(AgreementState.AwaitingRevision, AgreementTrigger.Sign).ShouldBeNull();
    }
}
