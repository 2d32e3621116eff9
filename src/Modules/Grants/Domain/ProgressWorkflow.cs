using Registry.Core.Workflows;

namespace Registry.Grants.Domain;

/// <summary>What moves a progress report on.</summary>
public enum ProgressTrigger
{
    /// <summary>The organization files it (again, after a return).</summary>
    Submit,

    /// <summary>The officer sends it back for correction, with the reason.</summary>
    Return,

    /// <summary>The officer records the outcome (pass, pass with conditions, fail).</summary>
    Evaluate,
}

/// <summary>
/// A progress report's states (mid-term and final evaluation): 草稿 → 已提交 → 已评估, or back to 退回 and submitted again.
/// Services and the recipe change a report's state only through <see cref="Next"/> (see <c>ProgressService.Transition</c>).
/// </summary>
public static class ProgressWorkflow
{
    private static readonly TransitionTable<ReportState, ProgressTrigger> Table = new TransitionTable<ReportState, ProgressTrigger>()
        .Permit(ReportState.Draft, ProgressTrigger.Submit, ReportState.Submitted)
        .Permit(ReportState.Returned, ProgressTrigger.Submit, ReportState.Submitted)
        .Permit(ReportState.Submitted, ProgressTrigger.Return, ReportState.Returned)
        .Permit(ReportState.Submitted, ProgressTrigger.Evaluate, ReportState.Evaluated);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static ReportState? Next(ReportState state, ProgressTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<ProgressTrigger> Permitted(ReportState state) => Table.Permitted(state);
}
