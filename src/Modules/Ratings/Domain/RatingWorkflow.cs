using Registry.Core.Workflows;

namespace Registry.Ratings.Domain;

/// <summary>What moves a rating application on (社会组织评估管理办法, 民政部令第39号).</summary>
public enum RatingTrigger
{
    /// <summary>The organization files it inside the campaign's window.</summary>
    Submit,

    /// <summary>The officer confirms it eligible: the panel assesses it.</summary>
    ConfirmEligible,

    /// <summary>The officer rules it ineligible, with the reason.</summary>
    RuleIneligible,

    /// <summary>The committee sets the grade.</summary>
    Decide,

    /// <summary>The decided grade goes into 公示.</summary>
    Publicize,

    /// <summary>After the 公示 (and any review answered) the grade is announced and takes effect.</summary>
    Announce,
}

/// <summary>
/// A rating application's states: 草稿 → 已提交 → 评估中 | 不符合条件 → 已评定 → 公示中 → 已公告. Services change an
/// application's state only through <see cref="Next"/> (see <c>RatingApplicationService.Transition</c>).
/// </summary>
public static class RatingWorkflow
{
    private static readonly TransitionTable<RatingState, RatingTrigger> Table = new TransitionTable<RatingState, RatingTrigger>()
        .Permit(RatingState.Draft, RatingTrigger.Submit, RatingState.Submitted)
        .Permit(RatingState.Submitted, RatingTrigger.ConfirmEligible, RatingState.Assessment)
        .Permit(RatingState.Submitted, RatingTrigger.RuleIneligible, RatingState.Ineligible)
        .Permit(RatingState.Assessment, RatingTrigger.Decide, RatingState.Decided)
        .Permit(RatingState.Decided, RatingTrigger.Publicize, RatingState.Publicized)
        .Permit(RatingState.Publicized, RatingTrigger.Announce, RatingState.Announced);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static RatingState? Next(RatingState state, RatingTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<RatingTrigger> Permitted(RatingState state) => Table.Permitted(state);
}

/// <summary>What the officers decide on a grade proposal.</summary>
public enum ProposalTrigger
{
    /// <summary>Accepted: the grade is lowered or cancelled, or a check evaluation opened.</summary>
    Accept,

    /// <summary>Dismissed with the reason: the grade stands.</summary>
    Dismiss,
}

/// <summary>A grade proposal's states: open → accepted | dismissed, once (see <c>GradeOversightService</c>).</summary>
public static class ProposalWorkflow
{
    private static readonly TransitionTable<ProposalState, ProposalTrigger> Table = new TransitionTable<ProposalState, ProposalTrigger>()
        .Permit(ProposalState.Open, ProposalTrigger.Accept, ProposalState.Accepted)
        .Permit(ProposalState.Open, ProposalTrigger.Dismiss, ProposalState.Dismissed);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static ProposalState? Next(ProposalState state, ProposalTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<ProposalTrigger> Permitted(ProposalState state) => Table.Permitted(state);
}
