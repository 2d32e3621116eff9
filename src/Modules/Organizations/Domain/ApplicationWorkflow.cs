using Stateless;

namespace Registry.Organizations.Domain;

/// <summary>
/// The registration state machine: 草稿 → 已提交 → 已受理 | 补正 → … → 审查中 → 准予 | 不予; withdrawal before a decision.
/// Corrections may be asked before or after acceptance; after acceptance they stop the clock.
/// </summary>
public static class ApplicationWorkflow
{
    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static ApplicationState? Next(ApplicationState state, ApplicationTrigger trigger)
    {
        var machine = Build(state);
        if (!machine.CanFire(trigger))
        {
            return null;
        }

        machine.Fire(trigger);
        return machine.State;
    }

    public static IReadOnlyList<ApplicationTrigger> Permitted(ApplicationState state) => [.. Enum.GetValues<ApplicationTrigger>().Where(t => Build(state).CanFire(t))];

    public static bool IsFinal(ApplicationState state) => state is ApplicationState.Approved or ApplicationState.Rejected or ApplicationState.Withdrawn;

    /// <summary>Triggers only the applicant fires; the rest are officers'.</summary>
    public static bool IsApplicantTrigger(ApplicationTrigger trigger) => trigger is ApplicationTrigger.Submit or ApplicationTrigger.Withdraw;

    private static StateMachine<ApplicationState, ApplicationTrigger> Build(ApplicationState initial)
    {
        var machine = new StateMachine<ApplicationState, ApplicationTrigger>(initial);
        machine.Configure(ApplicationState.Draft)
            .Permit(ApplicationTrigger.Submit, ApplicationState.Submitted)
            .Permit(ApplicationTrigger.Withdraw, ApplicationState.Withdrawn);
        machine.Configure(ApplicationState.Submitted)
            .Permit(ApplicationTrigger.Accept, ApplicationState.Accepted)
            .Permit(ApplicationTrigger.Return, ApplicationState.Returned)
            .Permit(ApplicationTrigger.Withdraw, ApplicationState.Withdrawn);
        machine.Configure(ApplicationState.Returned)
            .Permit(ApplicationTrigger.Submit, ApplicationState.Submitted)
            .Permit(ApplicationTrigger.Withdraw, ApplicationState.Withdrawn);
        machine.Configure(ApplicationState.Accepted)
            .Permit(ApplicationTrigger.StartReview, ApplicationState.UnderReview)
            .Permit(ApplicationTrigger.Return, ApplicationState.Returned)
            .Permit(ApplicationTrigger.Withdraw, ApplicationState.Withdrawn);
        machine.Configure(ApplicationState.UnderReview)
            .Permit(ApplicationTrigger.Approve, ApplicationState.Approved)
            .Permit(ApplicationTrigger.Reject, ApplicationState.Rejected)
            .Permit(ApplicationTrigger.Return, ApplicationState.Returned)
            .Permit(ApplicationTrigger.Withdraw, ApplicationState.Withdrawn);
        return machine;
    }
}
