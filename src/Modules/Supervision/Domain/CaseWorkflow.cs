using Registry.Core.Workflows;

namespace Registry.Supervision.Domain;

/// <summary>States of an administrative penalty case (行政处罚法 第五章). Stored by name: never rename a value.</summary>
public enum CaseState
{
    /// <summary>立案 (第五十四条第二款).</summary>
    Filed,

    /// <summary>调查取证 (第五十四条第一款, 第五十五条).</summary>
    Investigating,

    /// <summary>告知 of the proposed penalty, its facts, grounds and the right to 陈述、申辩 (and 听证 where it applies) (第四十四条).</summary>
    Notified,

    /// <summary>The party asked for a hearing within 5 working days of the notice (第六十四条(一), 第八十五条).</summary>
    HearingRequested,

    /// <summary>听证 held (第六十四条, 第六十五条): the decision follows its record.</summary>
    HearingHeld,

    /// <summary>决定 (第五十七条, 第五十九条): the decision document is issued.</summary>
    Decided,

    /// <summary>执行: the decision was delivered (送达, 第六十一条) and is being carried out (第六十六条, 第六十七条).</summary>
    Executing,

    /// <summary>结案: carried out.</summary>
    Closed,

    /// <summary>不予行政处罚 or 撤销案件 (第五十七条第一款(二)–(四)): closed without a penalty.</summary>
    Dismissed,
}

/// <summary>What moves a case on.</summary>
public enum CaseTrigger
{
    Investigate,
    Notify,
    RequestHearing,
    HoldHearing,
    Reinvestigate,
    Decide,
    Deliver,
    Close,
    Dismiss,

    /// <summary>The head of the bureau approved a longer period for the decision (第六十条: 法律、法规、规章另有规定的，从其规定).</summary>
    Extend,
}

/// <summary>
/// 立案 → 调查取证 → 告知 (→ 听证) → 决定 → 执行 → 结案, or 不予处罚. The service changes a case's state only through
/// <see cref="Next"/>; guards that need dates or amounts (the hearing window, no heavier penalty after 申辩) live in
/// <see cref="PenaltyRules"/>.
/// </summary>
public static class CaseWorkflow
{
    private static readonly TransitionTable<CaseState, CaseTrigger> Table = new TransitionTable<CaseState, CaseTrigger>()
        .Permit(CaseState.Filed, CaseTrigger.Investigate, CaseState.Investigating)
        .Permit(CaseState.Filed, CaseTrigger.Dismiss, CaseState.Dismissed)
        .Permit(CaseState.Filed, CaseTrigger.Extend, CaseState.Filed)
        .Permit(CaseState.Investigating, CaseTrigger.Notify, CaseState.Notified)
        .Permit(CaseState.Investigating, CaseTrigger.Dismiss, CaseState.Dismissed)
        .Permit(CaseState.Investigating, CaseTrigger.Extend, CaseState.Investigating)
        .Permit(CaseState.Notified, CaseTrigger.RequestHearing, CaseState.HearingRequested)
        .Permit(CaseState.Notified, CaseTrigger.Reinvestigate, CaseState.Investigating)
        .Permit(CaseState.Notified, CaseTrigger.Decide, CaseState.Decided)
        .Permit(CaseState.Notified, CaseTrigger.Dismiss, CaseState.Dismissed)
        .Permit(CaseState.Notified, CaseTrigger.Extend, CaseState.Notified)
        .Permit(CaseState.HearingRequested, CaseTrigger.HoldHearing, CaseState.HearingHeld)
        .Permit(CaseState.HearingRequested, CaseTrigger.Extend, CaseState.HearingRequested)
        .Permit(CaseState.HearingHeld, CaseTrigger.Reinvestigate, CaseState.Investigating)
        .Permit(CaseState.HearingHeld, CaseTrigger.Decide, CaseState.Decided)
        .Permit(CaseState.HearingHeld, CaseTrigger.Dismiss, CaseState.Dismissed)
        .Permit(CaseState.HearingHeld, CaseTrigger.Extend, CaseState.HearingHeld)
        .Permit(CaseState.Decided, CaseTrigger.Deliver, CaseState.Executing)
        .Permit(CaseState.Executing, CaseTrigger.Close, CaseState.Closed);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static CaseState? Next(CaseState state, CaseTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<CaseTrigger> Permitted(CaseState state) => Table.Permitted(state);

    public static bool IsFinal(CaseState state) => Table.IsFinal(state);

    /// <summary>Whether a decision is pending, so the decision deadline runs.</summary>
    public static bool AwaitsDecision(CaseState state) => state is CaseState.Filed or CaseState.Investigating or CaseState.Notified or CaseState.HearingRequested or CaseState.HearingHeld;
}
