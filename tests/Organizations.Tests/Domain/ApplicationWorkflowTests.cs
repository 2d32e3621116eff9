using Registry.Organizations.Domain;

namespace Registry.Organizations.Tests.Domain;

public sealed class ApplicationWorkflowTests
{
    // The workflow as the design states it, written out by hand so the test does not read the machine it checks:
    // 草稿 → 已提交 → 已受理 | 补正 → … → 审查中 → 准予 | 不予, corrections before or after acceptance,
    // withdrawal by the applicant at any point before a decision; where a supervising unit or street office is online, the
    // first submission goes to it (前置审查), its consent sends it to the bureau and its refusal ends it (issue 19).
    private static readonly (ApplicationState From, ApplicationTrigger Trigger, ApplicationState To)[] Allowed =
    [
        (ApplicationState.Draft, ApplicationTrigger.Submit, ApplicationState.Submitted),
        (ApplicationState.Draft, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn),
        (ApplicationState.Draft, ApplicationTrigger.SubmitForPreReview, ApplicationState.PreReview),
        (ApplicationState.PreReview, ApplicationTrigger.PassPreReview, ApplicationState.Submitted),
        (ApplicationState.PreReview, ApplicationTrigger.FailPreReview, ApplicationState.PreReviewRefused),
        (ApplicationState.PreReview, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn),
        (ApplicationState.Submitted, ApplicationTrigger.Accept, ApplicationState.Accepted),
        (ApplicationState.Submitted, ApplicationTrigger.Return, ApplicationState.Returned),
        (ApplicationState.Submitted, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn),
        (ApplicationState.Returned, ApplicationTrigger.Submit, ApplicationState.Submitted),
        (ApplicationState.Returned, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn),
        (ApplicationState.Accepted, ApplicationTrigger.StartReview, ApplicationState.UnderReview),
        (ApplicationState.Accepted, ApplicationTrigger.Return, ApplicationState.Returned),
        (ApplicationState.Accepted, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn),
        (ApplicationState.UnderReview, ApplicationTrigger.Approve, ApplicationState.Approved),
        (ApplicationState.UnderReview, ApplicationTrigger.Reject, ApplicationState.Rejected),
        (ApplicationState.UnderReview, ApplicationTrigger.Return, ApplicationState.Returned),
        (ApplicationState.UnderReview, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn),
    ];

    public static TheoryData<ApplicationState, ApplicationTrigger, ApplicationState> AllowedTransitions()
    {
        var data = new TheoryData<ApplicationState, ApplicationTrigger, ApplicationState>();
        foreach (var (from, trigger, to) in Allowed)
        {
            data.Add(from, trigger, to);
        }

        return data;
    }

    /// <summary>Every (state, trigger) pair not in <see cref="Allowed"/>: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<ApplicationState, ApplicationTrigger> RefusedTransitions()
    {
        var data = new TheoryData<ApplicationState, ApplicationTrigger>();
        foreach (var state in Enum.GetValues<ApplicationState>())
        {
            foreach (var trigger in Enum.GetValues<ApplicationTrigger>())
            {
                if (!Allowed.Any(a => a.From == state && a.Trigger == trigger))
                {
                    data.Add(state, trigger);
                }
            }
        }

        return data;
    }

    public static TheoryData<ApplicationState> States() => [.. Enum.GetValues<ApplicationState>()];

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Next_AllowedTransition_ReturnsTargetState(ApplicationState from, ApplicationTrigger trigger, ApplicationState to)
    {
        ApplicationWorkflow.Next(from, trigger).ShouldBe(to);
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Next_TransitionNotInTable_ReturnsNull(ApplicationState from, ApplicationTrigger trigger)
    {
        ApplicationWorkflow.Next(from, trigger).ShouldBeNull();
    }

    [Fact]
    public void RefusedTransitions_WithAllowedTable_CoverTheWholeCrossProduct()
    {
        // 10 states × 10 triggers = 100 pairs; 18 allowed, so 82 refused: the two tables together are exhaustive.
        var pairs = Enum.GetValues<ApplicationState>().Length * Enum.GetValues<ApplicationTrigger>().Length;

        (RefusedTransitions().Count + Allowed.Length).ShouldBe(pairs);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Permitted_AnyState_ListsExactlyTheTableTriggers(ApplicationState state)
    {
        var expected = Allowed.Where(a => a.From == state).Select(a => a.Trigger).Order();

        ApplicationWorkflow.Permitted(state).Order().ShouldBe(expected);
    }

    [Theory]
    [InlineData(ApplicationState.Approved)]
    [InlineData(ApplicationState.Rejected)]
    [InlineData(ApplicationState.Withdrawn)]
    [InlineData(ApplicationState.PreReviewRefused)]
    public void Permitted_FinalState_IsEmpty(ApplicationState state)
    {
        ApplicationWorkflow.Permitted(state).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ApplicationState.Draft, false)]
    [InlineData(ApplicationState.Submitted, false)]
    [InlineData(ApplicationState.Returned, false)]
    [InlineData(ApplicationState.Accepted, false)]
    [InlineData(ApplicationState.UnderReview, false)]
    [InlineData(ApplicationState.Approved, true)]
    [InlineData(ApplicationState.Rejected, true)]
    [InlineData(ApplicationState.Withdrawn, true)]
    [InlineData(ApplicationState.PreReview, false)]
    [InlineData(ApplicationState.PreReviewRefused, true)]
    public void IsFinal_State_MatchesDecisionOrWithdrawal(ApplicationState state, bool expected)
    {
        ApplicationWorkflow.IsFinal(state).ShouldBe(expected);
    }

    [Fact]
    public void IsFinal_EveryStateWithoutPermittedTriggers_IsFinal()
    {
        var deadEnds = Enum.GetValues<ApplicationState>().Where(s => ApplicationWorkflow.Permitted(s).Count == 0);

        deadEnds.ShouldAllBe(s => ApplicationWorkflow.IsFinal(s));
    }

    [Theory]
    [InlineData(ApplicationTrigger.Submit, true)]
    [InlineData(ApplicationTrigger.Withdraw, true)]
    [InlineData(ApplicationTrigger.Accept, false)]
    [InlineData(ApplicationTrigger.Return, false)]
    [InlineData(ApplicationTrigger.StartReview, false)]
    [InlineData(ApplicationTrigger.Approve, false)]
    [InlineData(ApplicationTrigger.Reject, false)]
    [InlineData(ApplicationTrigger.SubmitForPreReview, true)]
    [InlineData(ApplicationTrigger.PassPreReview, false)]
    [InlineData(ApplicationTrigger.FailPreReview, false)]
    public void IsApplicantTrigger_Trigger_OnlySubmitAndWithdraw(ApplicationTrigger trigger, bool expected)
    {
        ApplicationWorkflow.IsApplicantTrigger(trigger).ShouldBe(expected);
    }

    [Theory]
    [InlineData(ApplicationTrigger.PassPreReview, true)]
    [InlineData(ApplicationTrigger.FailPreReview, true)]
    [InlineData(ApplicationTrigger.Submit, false)]
    [InlineData(ApplicationTrigger.SubmitForPreReview, false)]
    [InlineData(ApplicationTrigger.Accept, false)]
    [InlineData(ApplicationTrigger.Approve, false)]
    public void IsPreReviewTrigger_Trigger_OnlyTheUnitsAndStreetsAnswers(ApplicationTrigger trigger, bool expected)
    {
        ApplicationWorkflow.IsPreReviewTrigger(trigger).ShouldBe(expected);
    }
}
