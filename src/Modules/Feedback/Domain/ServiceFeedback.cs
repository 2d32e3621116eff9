using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Workflows;

namespace Registry.Feedback.Domain;

/// <summary>The kinds of completed service (办件) an applicant may rate.</summary>
public enum ServiceKind
{
    /// <summary>A registration decision (准予/不予登记).</summary>
    Registration,

    /// <summary>An annual-inspection result (年检结论).</summary>
    Inspection,

    /// <summary>A rating result (评估等级).</summary>
    Rating,

    /// <summary>A venture-fund grant decision (公益创投立项).</summary>
    Grant,

    /// <summary>A reply to a request for disclosure (依申请公开答复).</summary>
    Disclosure,
}

/// <summary>The five levels of the national 政务服务"好差评" scheme; the numbers are the stars.</summary>
public enum SatisfactionLevel
{
    /// <summary>非常不满意.</summary>
    VeryDissatisfied = 1,

    /// <summary>不满意.</summary>
    Dissatisfied = 2,

    /// <summary>基本满意.</summary>
    BasicallySatisfied = 3,

    /// <summary>满意.</summary>
    Satisfied = 4,

    /// <summary>非常满意.</summary>
    VerySatisfied = 5,
}

/// <summary>The follow-up (整改/回访) of a 差评.</summary>
public enum FollowUpState
{
    /// <summary>Waiting for the officer's answer.</summary>
    Open,

    /// <summary>Answered; the applicant may accept it or say it did not resolve the matter.</summary>
    Answered,

    /// <summary>Done (accepted by the applicant or closed by the officer after the 回访).</summary>
    Closed,
}

public enum FollowUpTrigger
{
    /// <summary>The officer answers (整改情况/回访说明).</summary>
    Answer,

    /// <summary>The applicant accepts the answer, or the officer closes after the 回访.</summary>
    Close,

    /// <summary>The applicant says the answer did not resolve it: back to the officer, with a new period.</summary>
    Reopen,
}

/// <summary>Transition table of the follow-up; every change of <see cref="ServiceRating.FollowUp"/> goes through it.</summary>
public static class FollowUpWorkflow
{
    private static readonly TransitionTable<FollowUpState, FollowUpTrigger> Table = new TransitionTable<FollowUpState, FollowUpTrigger>()
        .Permit(FollowUpState.Open, FollowUpTrigger.Answer, FollowUpState.Answered)
        .Permit(FollowUpState.Answered, FollowUpTrigger.Close, FollowUpState.Closed)
        .Permit(FollowUpState.Answered, FollowUpTrigger.Reopen, FollowUpState.Open);

    public static FollowUpState? Next(FollowUpState state, FollowUpTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<FollowUpTrigger> Permitted(FollowUpState state) => Table.Permitted(state);

    public static bool IsFinal(FollowUpState state) => Table.IsFinal(state);
}

/// <summary>
/// A service completed for an organization or an account (办件办结), recorded from the owning module's change-feed event;
/// <see cref="SourceKey"/> (the event's natural key) makes recording idempotent.
/// </summary>
public sealed class CompletedService
{
    public const int MaxSubject = 300;

    public int Id { get; set; }

    public string SourceKey { get; set; } = "";

    public ServiceKind Kind { get; set; }

    /// <summary>Its members may rate it; null when the service was for an account only (a refused establishment, a disclosure request).</summary>
    public int? OrganizationId { get; set; }

    public string? OrganizationName { get; set; }

    /// <summary>The account that applied, which may rate it too.</summary>
    public string? ApplicantUserId { get; set; }

    /// <summary>What was decided, as the owning module names it (application title, year, grade, receipt number).</summary>
    public string Subject { get; set; } = "";

    /// <summary>The day of the decision (China date): the rating window runs from it.</summary>
    public DateOnly CompletedOn { get; set; }

    public ServiceRating? Rating { get; set; }
}

/// <summary>The applicant's one rating of a completed service, and the follow-up a 差评 opens.</summary>
public sealed class ServiceRating : IVersioned
{
    public const int MaxComment = 500;
    public const int MaxAnswer = 2000;
    public const int MaxReasons = 1000;

    public int Id { get; set; }

    public int ServiceId { get; set; }

    /// <summary>Copied from the service, so the statistics need no join.</summary>
    public ServiceKind Kind { get; set; }

    public SatisfactionLevel Level { get; set; }

    /// <summary>The reasons chosen from the configured list, one per line.</summary>
    public string Reasons { get; set; } = "";

    public string? Comment { get; set; }

    public string RatedByUserId { get; set; } = "";

    public DateTime RatedAt { get; set; }

    /// <summary>China date of the rating: the year it counts in.</summary>
    public DateOnly RatedOn { get; set; }

    /// <summary>Null unless the rating is a 差评.</summary>
    public FollowUpState? FollowUp { get; set; }

    /// <summary>When the current period of the follow-up started (opened, or reopened).</summary>
    public DateOnly? FollowUpStartedOn { get; set; }

    /// <summary>The period in working days in force when it started; the due day is derived from both when read.</summary>
    public int? FollowUpWorkingDays { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> ReasonList => Reasons.Length == 0 ? [] : Reasons.Split('\n');
}

/// <summary>The rules of the 好差评 scheme as this bureau configures them.</summary>
public sealed record FeedbackRules
{
    /// <summary>Days (calendar) after the decision in which the applicant may rate.</summary>
    public int RatingWindowDays { get; init; } = 30;

    /// <summary>Working days for the officer to answer a 差评 (整改/回访).</summary>
    public int FollowUpWorkingDays { get; init; } = 15;

    public IReadOnlyList<string> Reasons { get; init; } = DefaultReasons;

    /// <summary>The evaluation dimensions of the national scheme (国办发〔2019〕51号).</summary>
    public static readonly IReadOnlyList<string> DefaultReasons = ["办事效率", "服务态度", "材料要求", "流程清晰", "结果公正", "办事便利"];
}

/// <summary>Pure rules: who may still rate, when a follow-up is due, what counts as 好评.</summary>
public static class FeedbackCalculations
{
    /// <summary>不满意 and 非常不满意 are 差评: they open a follow-up.</summary>
    public static bool IsBad(SatisfactionLevel level) => level <= SatisfactionLevel.Dissatisfied;

    /// <summary>The last day a rating is accepted.</summary>
    public static DateOnly RatingWindowEnd(DateOnly completedOn, int windowDays) => completedOn.AddDays(windowDays);

    public static bool MayStillRate(DateOnly completedOn, int windowDays, DateOnly today) => today >= completedOn && today <= RatingWindowEnd(completedOn, windowDays);

    /// <summary>
    /// The due day of an open follow-up, derived from its start and period; null when none is open, or when the calendar has
    /// no data for the years it spans (never guessed: the list shows no day rather than a wrong one).
    /// </summary>
    public static DueDate? FollowUpDue(ServiceRating rating, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(calendar);
        if (rating is not { FollowUp: FollowUpState.Open, FollowUpStartedOn: { } start, FollowUpWorkingDays: { } days })
        {
            return null;
        }

        try
        {
            return calendar.DueAfter(start, days);
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }

    /// <summary>An open follow-up past its due day.</summary>
    public static bool IsOverdue(ServiceRating rating, WorkingDayCalendar calendar, DateOnly today) =>
        rating.FollowUp == FollowUpState.Open && FollowUpDue(rating, calendar) is { } due && today > due.Date;
}

/// <summary>Counts per level of one group of ratings (a kind of service in a year), and its satisfaction rate.</summary>
public sealed record SatisfactionCounts(IReadOnlyDictionary<SatisfactionLevel, int> ByLevel)
{
    public int Total => ByLevel.Values.Sum();

    public int Count(SatisfactionLevel level) => ByLevel.TryGetValue(level, out var n) ? n : 0;

    /// <summary>好评 (非常满意, 满意, 基本满意).</summary>
    public int Good => ByLevel.Where(p => !FeedbackCalculations.IsBad(p.Key)).Sum(p => p.Value);

    /// <summary>Satisfaction rate (好评率) in per cent with one decimal, rounded half away from zero; null without ratings.</summary>
    public decimal? RatePercent => Total == 0 ? null : Math.Round(Good * 100m / Total, 1, MidpointRounding.AwayFromZero);

    public static SatisfactionCounts Of(IEnumerable<SatisfactionLevel> levels) =>
        new(levels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count()));

    public static SatisfactionCounts Sum(IEnumerable<SatisfactionCounts> parts) =>
        new(parts.SelectMany(p => p.ByLevel).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));
}
