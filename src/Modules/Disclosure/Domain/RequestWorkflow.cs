using Registry.Core.Workflows;

namespace Registry.Disclosure.Domain;

/// <summary>What moves a request for disclosure on.</summary>
public enum RequestTrigger
{
    /// <summary>一次性补正告知 (第三十条): at most once, within 7 working days of receipt.</summary>
    RequestCorrection,

    /// <summary>The corrected request arrived: the clock restarts from that day (第三十条).</summary>
    Correct,

    /// <summary>Third-party consultation begins; its time does not count (第三十二条).</summary>
    StartConsultation,

    /// <summary>The third party answered or its 15 working days ran out.</summary>
    EndConsultation,

    /// <summary>The office head approved a longer period, up to 20 working days, once (第三十三条第二款).</summary>
    Extend,

    /// <summary>The written reply was given (第三十六条).</summary>
    Answer,

    /// <summary>Not corrected within the period given: 视为放弃申请 (第三十条).</summary>
    Abandon,

    /// <summary>The applicant withdrew the request.</summary>
    Withdraw,
}

/// <summary>
/// A request's states: 已收到 → (补正 ⇄) → (征求意见 ⇄) → 已答复 / 视为放弃 / 已撤回. The service, pages and recipe change a
/// request's state only through <see cref="Next"/> (see <c>RequestService.TransitionAsync</c>); guards that need the clock
/// (one 补正 within 7 working days, one extension before the due day) live in the service.
/// </summary>
public static class RequestWorkflow
{
    private static readonly TransitionTable<RequestState, RequestTrigger> Table = new TransitionTable<RequestState, RequestTrigger>()
        .Permit(RequestState.Received, RequestTrigger.RequestCorrection, RequestState.AwaitingCorrection)
        .Permit(RequestState.Received, RequestTrigger.StartConsultation, RequestState.InConsultation)
        .Permit(RequestState.Received, RequestTrigger.Extend, RequestState.Received)
        .Permit(RequestState.Received, RequestTrigger.Answer, RequestState.Answered)
        .Permit(RequestState.Received, RequestTrigger.Withdraw, RequestState.Withdrawn)
        .Permit(RequestState.AwaitingCorrection, RequestTrigger.Correct, RequestState.Received)
        .Permit(RequestState.AwaitingCorrection, RequestTrigger.Abandon, RequestState.Abandoned)
        .Permit(RequestState.AwaitingCorrection, RequestTrigger.Withdraw, RequestState.Withdrawn)
        .Permit(RequestState.InConsultation, RequestTrigger.EndConsultation, RequestState.Received)
        .Permit(RequestState.InConsultation, RequestTrigger.Withdraw, RequestState.Withdrawn);

    /// <summary>The state after <paramref name="trigger"/>, or null when the transition is not allowed.</summary>
    public static RequestState? Next(RequestState state, RequestTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<RequestTrigger> Permitted(RequestState state) => Table.Permitted(state);

    public static bool IsFinal(RequestState state) => Table.IsFinal(state);
}
