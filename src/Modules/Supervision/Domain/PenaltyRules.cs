using Registry.Core.Calendar;

namespace Registry.Supervision.Domain;

/// <summary>How a period's days are counted.</summary>
public enum PeriodUnit
{
    /// <summary>自然日 (行政处罚法 第六十条 "九十日": 第八十五条 makes only its 二日、三日、五日、七日 working days).</summary>
    CalendarDays,

    /// <summary>工作日.</summary>
    WorkingDays,
}

/// <summary>Penalty-case settings (section <c>Registry:Supervision:Cases</c>); local figures are configurable.</summary>
public sealed class CaseOptions
{
    /// <summary>Decision period from 立案 (行政处罚法 第六十条: 九十日).</summary>
    public int DecisionPeriod { get; set; } = 90;

    /// <summary>
    /// Unit of <see cref="DecisionPeriod"/>: the law's 九十日 are calendar days (第八十五条 lists only 二、三、五、七日 as
    /// working days), so that is the default; a calendar-day period ending on a rest day moves to the next working day.
    /// </summary>
    public PeriodUnit DecisionPeriodUnit { get; set; } = PeriodUnit.CalendarDays;

    /// <summary>Longest single extension the head may approve, in the unit of the decision period (a local rule).</summary>
    public int MaxExtension { get; set; } = 30;

    /// <summary>
    /// 较大数额 (行政处罚法 第六十三条第一款(一)(二)): a fine, or confiscated income or property, of at least this many fen
    /// qualifies for a hearing. The figure is set by each province; ¥10,000 by default.
    /// </summary>
    public long HearingThresholdFen { get; set; } = 1_000_000;

    /// <summary>Prefix of decision numbers (文号), followed by 〔year〕n号.</summary>
    public string DecisionNumberPrefix { get; set; } = "民罚决字";
}

/// <summary>One credit-list effect of a decision (民政部令第60号 第十条(五), 第十四条(三)(四)(五)(七)).</summary>
public enum CreditEffect
{
    /// <summary>第十条(五) 受到警告或者不满5万元罚款处罚 → 活动异常名录.</summary>
    WarningOrSmallFine,

    /// <summary>第十四条(三) 受到限期停止活动行政处罚 → 严重违法失信名单.</summary>
    SeriousPenalty,

    /// <summary>第十四条(四) 受到5万元以上罚款处罚 → 严重违法失信名单.</summary>
    LargeFine,

    /// <summary>第十四条(五) 三年内两次以上受到行政处罚 → 严重违法失信名单.</summary>
    RepeatedPenalties,

    /// <summary>第十四条(七) 撤销登记: the register's status becomes revoked and the inspections module lists it.</summary>
    RegistrationRevoked,
}

/// <summary>Rules of penalty cases (行政处罚法 2021) as pure functions.</summary>
public static class PenaltyRules
{
    /// <summary>¥50,000 in fen: the line between 第十条(五) and 第十四条(四) of 民政部令第60号.</summary>
    public const long LargeFineFen = 5_000_000;

    /// <summary>Working days the party has to ask for a hearing after the notice (第六十四条(一): 五日, working days by 第八十五条).</summary>
    public const int HearingRequestWorkingDays = 5;

    /// <summary>Working days to deliver a decision not handed over on the spot (第六十一条: 七日, working days by 第八十五条).</summary>
    public const int DeliveryWorkingDays = 7;

    /// <summary>Days to pay a fine from receipt of the decision (第六十七条第三款: 十五日, calendar days).</summary>
    public const int FinePaymentDays = 15;

    /// <summary>Years within which a second penalty lists the organization as seriously untrustworthy (民政部令第60号 第十四条(五)).</summary>
    public const int RepeatYears = 3;

    /// <summary>
    /// Whether the proposed measures entitle the party to a hearing (行政处罚法 第六十三条第一款): 较大数额罚款 (1), 没收较大数额违法所得、
    /// 没收较大价值非法财物 (2), 限期停止活动 as 责令停产停业 (4) and 撤销登记 as 吊销许可证件 (3). A warning never does.
    /// </summary>
    public static bool QualifiesForHearing(PenaltyMeasures measures, CaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(options);
        return measures.FineFen >= options.HearingThresholdFen
            || measures.ConfiscatedIncomeFen >= options.HearingThresholdFen
            || measures.ConfiscatedPropertyFen >= options.HearingThresholdFen
            || measures.SuspensionMonths > 0
            || measures.RevokeRegistration;
    }

    /// <summary>
    /// Whether <paramref name="decided"/> is heavier than what the party was told of (行政处罚法 第四十五条第二款: 不得因当事人陈述、
    /// 申辩而给予更重的处罚): a heavier decision needs a new notice (Reinvestigate, then Notify).
    /// </summary>
    public static bool IsHeavier(PenaltyMeasures decided, PenaltyMeasures proposed)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(proposed);
        return (decided.Warning && !proposed.Warning)
            || decided.FineFen > proposed.FineFen
            || decided.ConfiscatedIncomeFen > proposed.ConfiscatedIncomeFen
            || decided.ConfiscatedPropertyFen > proposed.ConfiscatedPropertyFen
            || decided.SuspensionMonths > proposed.SuspensionMonths
            || (decided.RevokeRegistration && !proposed.RevokeRegistration);
    }

    /// <summary>Localization keys of what is wrong with the measures (amounts non-negative and bounded, at least one measure).</summary>
    public static IReadOnlyList<string> Problems(PenaltyMeasures measures, long maxFen)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var problems = new List<string>();
        if (measures.IsEmpty)
        {
            problems.Add("Sup.Error.NoMeasure");
        }

        if (measures.FineFen < 0 || measures.ConfiscatedIncomeFen < 0 || measures.ConfiscatedPropertyFen < 0 || measures.FineFen > maxFen || measures.ConfiscatedIncomeFen > maxFen || measures.ConfiscatedPropertyFen > maxFen)
        {
            problems.Add("Sup.Error.AmountOutOfRange");
        }

        if (measures.SuspensionMonths is < 0 or > 12)
        {
            problems.Add("Sup.Error.SuspensionMonths");
        }

        return problems;
    }

    /// <summary>
    /// The last day of the three years after a penalty on <paramref name="earlier"/>: the same date three years on
    /// (民法典 第二百零一条, 第二百零二条: a period in years ends on the corresponding day), so a second penalty on that day is
    /// within three years and one on the next day is not.
    /// </summary>
    public static DateOnly RepeatWindowEnd(DateOnly earlier) => earlier.AddYears(RepeatYears);

    /// <summary>
    /// The credit-list effects of a decision taken on <paramref name="decidedOn"/>, given the organization's earlier
    /// penalty decisions: 撤销登记 → register revoked and 第十四条(七); 限期停止活动 → 第十四条(三); a fine ≥ ¥50,000 →
    /// 第十四条(四); a second penalty within three years → 第十四条(五); otherwise a warning or a smaller fine → 第十条(五).
    /// The abnormal-list effect is left out when a serious one applies (the serious list supersedes it). Confiscation alone
    /// lists nothing (no cause of 民政部令第60号 names it).
    /// </summary>
    public static IReadOnlyList<CreditEffect> EffectsOf(PenaltyMeasures decided, DateOnly decidedOn, IEnumerable<DateOnly> earlierPenalties)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(earlierPenalties);
        var effects = new List<CreditEffect>();
        if (decided.RevokeRegistration)
        {
            effects.Add(CreditEffect.RegistrationRevoked);
        }

        if (decided.SuspensionMonths > 0)
        {
            effects.Add(CreditEffect.SeriousPenalty);
        }

        if (decided.FineFen >= LargeFineFen)
        {
            effects.Add(CreditEffect.LargeFine);
        }

        if (earlierPenalties.Any(e => e <= decidedOn && RepeatWindowEnd(e) >= decidedOn))
        {
            effects.Add(CreditEffect.RepeatedPenalties);
        }

        if (effects.Count == 0 && (decided.Warning || decided.FineFen > 0))
        {
            effects.Add(CreditEffect.WarningOrSmallFine);
        }

        return effects;
    }
}

/// <summary>A case's deadlines as of a day, derived from its events and the calendar when read (never stored).</summary>
public sealed record CaseDeadlines(
    DueDate DecisionDue,
    int ExtendedBy,
    DueDate? HearingRequestDue,
    DueDate? DeliveryDue,
    DueDate? FinePaymentDue,
    bool Overdue);

/// <summary>Derives a case's deadlines.</summary>
public static class CaseClock
{
    /// <summary>
    /// Decision due = 立案 + the period (+ approved extensions) in its unit; a calendar-day period that ends on a rest day
    /// ends on the next working day (民法典 第二百零三条). Hearing request due = notice + 5 working days; delivery due =
    /// decision + 7 working days; fine due = delivery + 15 calendar days (moved off a rest day likewise).
    /// </summary>
    public static CaseDeadlines Compute(WorkingDayCalendar calendar, CaseOptions options, PenaltyCase penaltyCase, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(penaltyCase);
        var extended = penaltyCase.Events.Where(e => e.Kind == CaseEventKind.Extend).Sum(e => e.Days ?? 0);
        var period = options.DecisionPeriod + extended;
        var decisionDue = options.DecisionPeriodUnit == PeriodUnit.WorkingDays
            ? calendar.DueAfter(penaltyCase.FiledOn, period)
            : CalendarDays(calendar, penaltyCase.FiledOn, period);
        DueDate? hearing = penaltyCase.NotifiedOn is { } notified && PenaltyRules.QualifiesForHearing(penaltyCase.Proposed, options)
            ? calendar.DueAfter(notified, PenaltyRules.HearingRequestWorkingDays) : null;
        DueDate? delivery = penaltyCase.DecidedOn is { } decided ? calendar.DueAfter(decided, PenaltyRules.DeliveryWorkingDays) : null;
        DueDate? payment = penaltyCase.DeliveredOn is { } delivered && penaltyCase.Decided.FineFen > 0
            ? CalendarDays(calendar, delivered, PenaltyRules.FinePaymentDays) : null;
        var decidedOrToday = penaltyCase.DecidedOn ?? today;
        var overdue = (CaseWorkflow.AwaitsDecision(penaltyCase.State) && today > decisionDue.Date)
            || (penaltyCase.DecidedOn is not null && decidedOrToday > decisionDue.Date);
        return new CaseDeadlines(decisionDue, extended, hearing, delivery, payment, overdue);
    }

    /// <summary>Start + days calendar days, moved to the next working day when it falls on a rest day (民法典 第二百零三条).</summary>
    public static DueDate CalendarDays(WorkingDayCalendar calendar, DateOnly start, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = start.AddDays(days);
        while (!calendar.IsWorkingDay(due))
        {
            due = due.AddDays(1);
        }

        return new DueDate(due, calendar.IsProvisionalBetween(start, due));
    }
}
