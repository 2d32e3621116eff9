using Registry.Core.Workflows;

namespace Registry.Grants.Domain;

/// <summary>What moves a grant application on.</summary>
public enum GrantTrigger
{
    /// <summary>The organization files it inside the call window.</summary>
    Submit,

    /// <summary>初筛 passed (a screening decision may be revised until review starts).</summary>
    ScreenIn,

    /// <summary>初筛 failed, naming the rule.</summary>
    ScreenOut,

    /// <summary>The published shortlist funds it (入围).</summary>
    Shortlist,

    /// <summary>The published shortlist does not fund it.</summary>
    PassOver,

    /// <summary>Shortlisted but not awarded (e.g. an objection upheld during 公示).</summary>
    Withdraw,

    /// <summary>The final award after the 公示.</summary>
    Award,
}

/// <summary>
/// A grant application's states (公益创投: application → 初筛 → expert review → 入围公示 → award): 草稿 → 已提交 → 初筛通过 |
/// 未通过初筛 → 入围 | 未入围 → 已资助 | 撤销. Services change an application's state only through
/// <see cref="Next"/> (see <c>GrantApplicationService.Transition</c>).
/// </summary>
public static class GrantWorkflow
{
    private static readonly TransitionTable<GrantState, GrantTrigger> Table = new TransitionTable<GrantState, GrantTrigger>()
        .Permit(GrantState.Draft, GrantTrigger.Submit, GrantState.Submitted)
        .Permit(GrantState.Submitted, GrantTrigger.ScreenIn, GrantState.Passed)
        .Permit(GrantState.Submitted, GrantTrigger.ScreenOut, GrantState.Failed)
        .Permit(GrantState.Passed, GrantTrigger.ScreenIn, GrantState.Passed)
        .Permit(GrantState.Passed, GrantTrigger.ScreenOut, GrantState.Failed)
        .Permit(GrantState.Failed, GrantTrigger.ScreenIn, GrantState.Passed)
        .Permit(GrantState.Failed, GrantTrigger.ScreenOut, GrantState.Failed)
        .Permit(GrantState.Passed, GrantTrigger.Shortlist, GrantState.Shortlisted)
        .Permit(GrantState.Passed, GrantTrigger.PassOver, GrantState.NotSelected)
        .Permit(GrantState.Shortlisted, GrantTrigger.Withdraw, GrantState.Withdrawn)
        .Permit(GrantState.Shortlisted, GrantTrigger.Award, GrantState.Awarded);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static GrantState? Next(GrantState state, GrantTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<GrantTrigger> Permitted(GrantState state) => Table.Permitted(state);

    /// <summary>Whether the application can still be screened (or its screening revised).</summary>
    public static bool CanScreen(GrantState state) => Next(state, GrantTrigger.ScreenIn) is not null;
}
