using Registry.Core.Workflows;

namespace Registry.Organizations.Domain;

/// <summary>
/// The registration state machine: 草稿 → 已提交 → 已受理 | 补正 → … → 审查中 → 准予 | 不予; withdrawal before a decision.
/// Corrections may be asked before or after acceptance; after acceptance they stop the clock. Where a supervising unit or
/// street office is online, the first submission goes to it (前置审查) and reaches the bureau only with its consent; its
/// refusal ends the application.
/// </summary>
public static class ApplicationWorkflow
{
    private static readonly TransitionTable<ApplicationState, ApplicationTrigger> Table = new TransitionTable<ApplicationState, ApplicationTrigger>()
        .Permit(ApplicationState.Draft, ApplicationTrigger.Submit, ApplicationState.Submitted)
        .Permit(ApplicationState.Draft, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn)
        .Permit(ApplicationState.Draft, ApplicationTrigger.SubmitForPreReview, ApplicationState.PreReview)
        .Permit(ApplicationState.PreReview, ApplicationTrigger.PassPreReview, ApplicationState.Submitted)
        .Permit(ApplicationState.PreReview, ApplicationTrigger.FailPreReview, ApplicationState.PreReviewRefused)
        .Permit(ApplicationState.PreReview, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn)
        .Permit(ApplicationState.Submitted, ApplicationTrigger.Accept, ApplicationState.Accepted)
        .Permit(ApplicationState.Submitted, ApplicationTrigger.Return, ApplicationState.Returned)
        .Permit(ApplicationState.Submitted, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn)
        .Permit(ApplicationState.Returned, ApplicationTrigger.Submit, ApplicationState.Submitted)
        .Permit(ApplicationState.Returned, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn)
        .Permit(ApplicationState.Accepted, ApplicationTrigger.StartReview, ApplicationState.UnderReview)
        .Permit(ApplicationState.Accepted, ApplicationTrigger.Return, ApplicationState.Returned)
        .Permit(ApplicationState.Accepted, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn)
        .Permit(ApplicationState.UnderReview, ApplicationTrigger.Approve, ApplicationState.Approved)
        .Permit(ApplicationState.UnderReview, ApplicationTrigger.Reject, ApplicationState.Rejected)
        .Permit(ApplicationState.UnderReview, ApplicationTrigger.Return, ApplicationState.Returned)
        .Permit(ApplicationState.UnderReview, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static ApplicationState? Next(ApplicationState state, ApplicationTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<ApplicationTrigger> Permitted(ApplicationState state) => Table.Permitted(state);

    public static bool IsFinal(ApplicationState state) => Table.IsFinal(state);

    /// <summary>Triggers only the applicant fires.</summary>
    public static bool IsApplicantTrigger(ApplicationTrigger trigger) => trigger is ApplicationTrigger.Submit or ApplicationTrigger.Withdraw or ApplicationTrigger.SubmitForPreReview;

    /// <summary>Triggers only the supervising unit or street office fires; the rest are officers'.</summary>
    public static bool IsPreReviewTrigger(ApplicationTrigger trigger) => trigger is ApplicationTrigger.PassPreReview or ApplicationTrigger.FailPreReview;
}
