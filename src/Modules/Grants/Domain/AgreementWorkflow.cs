using Registry.Core.Workflows;

namespace Registry.Grants.Domain;

/// <summary>What moves a grant agreement on.</summary>
public enum AgreementTrigger
{
    /// <summary>The officer asks for a revised plan and budget (项目优化).</summary>
    RequestRevision,

    /// <summary>The officer accepts the submitted revision: it becomes the plan in force.</summary>
    AcceptRevision,

    /// <summary>Signed, with the signed file: the tranches are created.</summary>
    Sign,

    /// <summary>Closed once the final evaluation passed and the money is settled.</summary>
    Close,
}

/// <summary>
/// A grant agreement's states (资助协议): 拟定 ⇄ 待修订 → 已签订 → 已结项. A returned revision leaves the agreement waiting
/// (see <see cref="RevisionWorkflow"/>). Services change an agreement's state only through <see cref="Next"/>
/// (see <c>GrantAgreementService.Transition</c>).
/// </summary>
public static class AgreementWorkflow
{
    private static readonly TransitionTable<AgreementState, AgreementTrigger> Table = new TransitionTable<AgreementState, AgreementTrigger>()
        .Permit(AgreementState.Drafting, AgreementTrigger.RequestRevision, AgreementState.AwaitingRevision)
        .Permit(AgreementState.AwaitingRevision, AgreementTrigger.AcceptRevision, AgreementState.Drafting)
        .Permit(AgreementState.Drafting, AgreementTrigger.Sign, AgreementState.Signed)
        .Permit(AgreementState.Signed, AgreementTrigger.Close, AgreementState.Closed);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static AgreementState? Next(AgreementState state, AgreementTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<AgreementTrigger> Permitted(AgreementState state) => Table.Permitted(state);
}

/// <summary>What the officer decides on a submitted revision.</summary>
public enum RevisionTrigger
{
    Accept,

    /// <summary>Returned with the reason; the applicant submits a new revision.</summary>
    Return,
}

/// <summary>
/// A revision's states: 原方案 (version 0, never decided), 已提交 → 已采纳 | 已退回. A new revision is a new row, created
/// <see cref="RevisionState.Submitted"/>.
/// </summary>
public static class RevisionWorkflow
{
    private static readonly TransitionTable<RevisionState, RevisionTrigger> Table = new TransitionTable<RevisionState, RevisionTrigger>()
        .Permit(RevisionState.Submitted, RevisionTrigger.Accept, RevisionState.Accepted)
        .Permit(RevisionState.Submitted, RevisionTrigger.Return, RevisionState.Returned);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static RevisionState? Next(RevisionState state, RevisionTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<RevisionTrigger> Permitted(RevisionState state) => Table.Permitted(state);
}
