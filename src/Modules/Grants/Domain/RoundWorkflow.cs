using Registry.Core.Workflows;

namespace Registry.Grants.Domain;

/// <summary>What moves a round from one stage to the next (the call's end is a moment, not a trigger: a guard).</summary>
public enum RoundTrigger
{
    /// <summary>The first screening (初筛) decision: from then on no application is accepted, even before the closing instant.</summary>
    StartScreening,

    /// <summary>The shortlist (入围) is published for 公示: only once the call has closed.</summary>
    PublishShortlist,

    /// <summary>The final awards after the 公示.</summary>
    Award,
}

/// <summary>What the public and applicants are told of a round: its stage read together with the call window.</summary>
public enum RoundPhase
{
    /// <summary>The call has not opened yet.</summary>
    Upcoming,

    /// <summary>正在申报: the call is open and screening has not started.</summary>
    Accepting,

    /// <summary>The call is closed (or screening started): screening and expert review.</summary>
    Reviewing,

    /// <summary>The shortlist is in 公示.</summary>
    Publicity,

    /// <summary>Awards made.</summary>
    Awarded,
}

/// <summary>
/// A round's stages (公益创投: call → 初筛 → expert review → 入围公示 → award): 申报与评审 → 初筛中 → 入围公示 → 已确定资助.
/// Submissions are accepted only while the round is at <see cref="RoundStage.Open"/> and inside its call window; the
/// shortlist may be published only after the call has closed. Services change a round's stage only through
/// <see cref="Next"/> (see <c>RoundService.Transition</c>).
/// </summary>
public static class RoundWorkflow
{
    private static readonly TransitionTable<RoundStage, RoundTrigger> Table = new TransitionTable<RoundStage, RoundTrigger>()
        .Permit(RoundStage.Open, RoundTrigger.StartScreening, RoundStage.Screening)
        .Permit(RoundStage.Screening, RoundTrigger.PublishShortlist, RoundStage.Shortlisted)
        .Permit(RoundStage.Shortlisted, RoundTrigger.Award, RoundStage.Awarded);

    /// <summary>The stage after <paramref name="trigger"/>, or null when not allowed at <paramref name="stage"/> (with the call closed or not).</summary>
    public static RoundStage? Next(RoundStage stage, RoundTrigger trigger, bool callClosed) =>
        Guarded(trigger, callClosed) ? null : Table.Next(stage, trigger);

    public static IReadOnlyList<RoundTrigger> Permitted(RoundStage stage, bool callClosed) =>
        [.. Table.Permitted(stage).Where(t => !Guarded(t, callClosed))];

    /// <summary>Before the shortlist is published: settings, cuts, seats and score sheets may still change.</summary>
    public static bool BeforeShortlist(RoundStage stage) => stage is RoundStage.Open or RoundStage.Screening;

    /// <summary>Whether the call has closed at <paramref name="utc"/> (the closing instant itself is closed).</summary>
    public static bool CallClosed(GrantRound round, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(round);
        return utc >= round.ClosesAt;
    }

    /// <summary>Submissions (and new drafts) are accepted only inside the call window and before screening starts.</summary>
    public static bool AcceptsSubmissions(GrantRound round, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Stage == RoundStage.Open && round.IsOpenAt(utc);
    }

    /// <summary>What the public pages say of the round at <paramref name="utc"/>.</summary>
    public static RoundPhase Phase(GrantRound round, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Stage switch
        {
            RoundStage.Awarded => RoundPhase.Awarded,
            RoundStage.Shortlisted => RoundPhase.Publicity,
            RoundStage.Screening => RoundPhase.Reviewing,
            _ when utc < round.OpensAt => RoundPhase.Upcoming,
            _ when AcceptsSubmissions(round, utc) => RoundPhase.Accepting,
            _ => RoundPhase.Reviewing,
        };
    }

    /// <summary>The guard on the table: the shortlist waits for the call to close.</summary>
    private static bool Guarded(RoundTrigger trigger, bool callClosed) => trigger == RoundTrigger.PublishShortlist && !callClosed;
}
