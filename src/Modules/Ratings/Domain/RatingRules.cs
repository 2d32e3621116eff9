using System.Globalization;
using Registry.Core.Review;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;

namespace Registry.Ratings.Domain;

/// <summary>
/// Eligibility settings a campaign fixes (localities differ): how many full years since registration an organization
/// needs, and (2010 rules) how long a grade must have been held before it may be re-rated.
/// </summary>
/// <param name="YearsRegistered">参加评估满两个年度 read as full years since registration (民政部令第39号 第六条(一)); default 2.</param>
/// <param name="ReratingAfterYears">
/// 2010 rules: years a grade must have run before its holder may be rated again; the measures say when its five-year
/// validity is full (第六条(二)), some localities allow it earlier (e.g. 3 years to move up a grade).
/// </param>
public sealed record EligibilityPolicy(int YearsRegistered = EligibilityPolicy.DefaultYearsRegistered, int ReratingAfterYears = EligibilityPolicy.DefaultReratingAfterYears)
{
    public const int DefaultYearsRegistered = 2;

    public const int DefaultReratingAfterYears = 5;

    public static EligibilityPolicy Default { get; } = new();

    public bool IsValid => YearsRegistered is >= 0 and <= 10 && ReratingAfterYears is >= 1 and <= 5;
}

/// <summary>
/// What the applicant declares where the register holds no record (2010 rules, 民政部令第39号 第七条(三)(四)): no
/// administrative penalty in the last year or one not yet carried out, and no investigation by a government department
/// or judicial organ under way.
/// </summary>
public sealed record ApplicantDeclaration(bool NoPenalty, bool NotUnderInvestigation)
{
    public static ApplicantDeclaration None { get; } = new(false, false);
}

/// <summary>Whether a holder of a valid grade may be rated again now, and how.</summary>
public enum ReevaluationWindow
{
    /// <summary>Not now.</summary>
    Closed,

    /// <summary>Allowed with the full field assessment.</summary>
    Full,

    /// <summary>2026 rules, first two years of validity: allowed with a simplified field assessment (简化实地评估).</summary>
    Simplified,
}

/// <summary>Eligibility and validity under the two rule sets (facts: DESIGN §3, Ratings).</summary>
public static class RatingRules
{
    /// <summary>2026 revision: re-evaluation may be requested in the first four years of a grade's validity.</summary>
    public const int ReevaluationYears2026 = 4;

    /// <summary>2026 revision: in the first two years of validity the field assessment may be simplified.</summary>
    public const int SimplifiedYears2026 = 2;

    /// <summary>
    /// Credit-list causes that record an administrative penalty (民政部令第60号 第十条(五), 第十四条(四)(五)(七), by their
    /// contract names; <c>SeriousPenalty</c> is the name entries made before the causes were split keep).
    /// </summary>
    public static readonly IReadOnlySet<string> PenaltyCauses = new HashSet<string>(StringComparer.Ordinal)
    {
        "WarningOrSmallFine", "LargeFine", "RepeatedPenalties", "ChangeRegistrationRevoked", "RegistrationRevoked", "SeriousPenalty",
    };

    /// <summary>
    /// Whether the holder of <paramref name="grade"/> (valid on <paramref name="on"/>) may be rated again.
    /// 2026 revision: during the first four years of validity (from <c>ValidFrom</c> up to the day before its fourth
    /// anniversary), simplified in the first two; not in the fifth year. 2010 rules (民政部令第39号 第六条(二)): once the
    /// grade has run <see cref="EligibilityPolicy.ReratingAfterYears"/> years (five by the measures).
    /// </summary>
    public static ReevaluationWindow Reevaluation(RuleSet rules, EligibilityPolicy policy, OrganizationGrade grade, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(grade);
        if (rules == RuleSet.Revision2026)
        {
            return on < grade.ValidFrom ? ReevaluationWindow.Closed
                : on < grade.ValidFrom.AddYears(SimplifiedYears2026) ? ReevaluationWindow.Simplified
                : on < grade.ValidFrom.AddYears(ReevaluationYears2026) ? ReevaluationWindow.Full
                : ReevaluationWindow.Closed;
        }

        return grade.ValidFrom.AddYears(policy.ReratingAfterYears) <= on ? ReevaluationWindow.Full : ReevaluationWindow.Closed;
    }

    /// <summary>
    /// The automatic checks for an organization applying on <paramref name="on"/>. Both rule sets: active, registered
    /// the campaign's full years (民政部令第39号 第六条(一)), not on a credit list, and a valid grade only inside the
    /// re-evaluation window (<see cref="Reevaluation"/>). 2010 rules only (第七条): last year's inspection taken (一), not
    /// 不合格 and not 基本合格 two years running (二), no penalty last year or one still running (三: the credit-list
    /// records, the supervision module's decisions and the applicant's declaration) and no investigation under way (四: an
    /// open penalty case, and the declaration). The 2026 revision no longer bars on inspections, investigations or minor
    /// penalties. Both rule sets, when <paramref name="penaltyYears"/> is above 0: no penalty decided within that many
    /// years (<see cref="PenaltyCheck"/>).
    /// </summary>
    public static IReadOnlyList<EligibilityCheck> Check(RuleSet rules, EligibilityPolicy policy, OrganizationSummary organization, OrganizationStanding standing, OrganizationGrade? currentGrade, ApplicantDeclaration declaration, DateOnly on, PenaltyHistory? penalties = null, int penaltyYears = 0)
    {
        penalties ??= PenaltyHistory.None;
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(declaration);
        var checks = new List<EligibilityCheck>
        {
            new("Rate.Check.Active", organization.Status == OrganizationCodes.Active),
            new("Rate.Check.TwoYears", organization.FoundedOn.AddYears(policy.YearsRegistered) <= on, organization.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Rate.Check.CreditLists", !standing.OnAbnormalList && !standing.OnSeriousList),
        };
        if (penaltyYears > 0)
        {
            checks.Add(PenaltyCheck(penaltyYears, penalties, on));
        }

        if (currentGrade is not null && currentGrade.IsValidOn(on))
        {
            var window = Reevaluation(rules, policy, currentGrade, on);
            checks.Add(new EligibilityCheck("Rate.Check.Rerating", window != ReevaluationWindow.Closed,
                string.Create(CultureInfo.InvariantCulture, $"{currentGrade.Grade}A {currentGrade.ValidFrom:yyyy-MM-dd} – {currentGrade.ValidUntil:yyyy-MM-dd}")));
        }

        if (rules == RuleSet.Measures2010)
        {
            var lastYear = standing.ResultOf(on.Year - 1);
            var yearBefore = standing.ResultOf(on.Year - 2);
            checks.Add(new EligibilityCheck("Rate.Check.InspectionTaken", lastYear is not null, (on.Year - 1).ToString(CultureInfo.InvariantCulture)));
            checks.Add(new EligibilityCheck("Rate.Check.LastInspection", lastYear != "Unqualified", DetailKey: lastYear is null ? null : ResultKey(lastYear)));
            checks.Add(new EligibilityCheck("Rate.Check.BasicTwice", !(lastYear == "BasicallyQualified" && yearBefore == "BasicallyQualified")));
            // 上年度受到行政处罚或者行政处罚尚未执行完毕: decided since 1 January last year, or not yet carried out.
            var penalized = standing.CreditLists.Any(e => PenaltyCauses.Contains(e.Cause) && (e.EnteredOn.Year >= on.Year - 1 || e.ExitedOn is null))
                || penalties.Decisions.Any(d => d.DecidedOn.Year >= on.Year - 1 || !d.Concluded);
            checks.Add(new EligibilityCheck("Rate.Check.NoPenalty", !penalized && declaration.NoPenalty, DetailKey: penalized ? "Rate.Check.PenaltyRecorded" : declaration.NoPenalty ? null : "Rate.Check.NotDeclared"));
            var investigated = penalties.UnderInvestigation || !declaration.NotUnderInvestigation;
            checks.Add(new EligibilityCheck("Rate.Check.NoInvestigation", !investigated,
                DetailKey: penalties.UnderInvestigation ? "Rate.Check.CaseOpen" : declaration.NotUnderInvestigation ? null : "Rate.Check.NotDeclared"));
        }

        return checks;
    }

    /// <summary>
    /// No administrative penalty decided within <paramref name="years"/> years before <paramref name="on"/> (the
    /// anniversary day still inside), from the supervision module's decisions; a failure names the newest one.
    /// </summary>
    public static EligibilityCheck PenaltyCheck(int years, PenaltyHistory penalties, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(penalties);
        return penalties.LatestWithin(years, on) is { } latest
            ? new EligibilityCheck("Rate.Check.NoRecentPenalty", false, string.Create(CultureInfo.InvariantCulture, $"{latest.DecidedOn:yyyy-MM-dd} {latest.DecisionNumber}"))
            : new EligibilityCheck("Rate.Check.NoRecentPenalty", true);
    }

    /// <summary>The ratings module's own key for an inspection result named by the inspections contract.</summary>
    public static string ResultKey(string result) => "Rate.InspectionResult." + result;

    /// <summary>
    /// Validity of a grade announced on <paramref name="announcedOn"/>: 2026 revision from 1 January after the
    /// announcement to 31 December of the fifth year; 2010 five years from the announcement.
    /// </summary>
    public static (DateOnly From, DateOnly Until) Validity(RuleSet rules, DateOnly announcedOn) => rules == RuleSet.Revision2026
        ? (new DateOnly(announcedOn.Year + 1, 1, 1), new DateOnly(announcedOn.Year + 5, 12, 31))
        : (announcedOn, announcedOn.AddYears(5).AddDays(-1));

    /// <summary>Reminders before a grade runs out: six months and one month before its last valid day.</summary>
    public const int FirstReminderMonths = 6;

    public const int LastReminderMonths = 1;

    /// <summary>
    /// The day the reminder <paramref name="monthsBefore"/> months ahead of <paramref name="validUntil"/> (the last valid
    /// day) is due: the same day of the month that many months earlier, or that month's last day when it is shorter.
    /// Valid until 31 December: six months before is 30 June; until 31 March 2028: one month before is 29 February 2028.
    /// </summary>
    public static DateOnly ReminderDue(DateOnly validUntil, int monthsBefore) => validUntil.AddMonths(-monthsBefore);

    /// <summary>
    /// The latest last valid day whose reminder is due on or before <paramref name="today"/>: every grade ending on or
    /// before it is due. Not simply today plus the months: on 30 June a grade ending 31 December is due, and on
    /// 28 February 2027 so are grades ending 29, 30 and 31 March.
    /// </summary>
    public static DateOnly RemindUntil(DateOnly today, int monthsBefore)
    {
        var until = today.AddMonths(monthsBefore);
        while (ReminderDue(until.AddDays(1), monthsBefore) <= today)
        {
            until = until.AddDays(1);
        }

        return until;
    }
}

/// <summary>The panel's scores of one application: per indicator every expert's points, the mean and the spread.</summary>
public sealed record ScoreSheet(IReadOnlyList<IndicatorScores> Indicators, IndicatorScores Bonus, decimal BaseTotal, decimal BonusCounted, decimal Total)
{
    /// <summary>A spread above this share of an indicator's maximum is flagged as a disagreement.</summary>
    public const decimal DisagreementShare = 0.2m;

    /// <summary>
    /// Means per indicator over the experts who submitted (rounded to 0.1 point at the end only), the bonus mean capped by
    /// the rubric. Indicators nobody scored count 0.
    /// </summary>
    public static ScoreSheet Compute(RubricDefinition rubric, IReadOnlyCollection<ExpertScore> scores, IReadOnlyCollection<string> countingExperts)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        var counted = scores.Where(s => countingExperts.Contains(s.ReviewerUserId)).ToList();
        IndicatorScores For(string code, decimal max)
        {
            var points = counted.Where(s => s.IndicatorCode == code).ToDictionary(s => s.ReviewerUserId, s => s.Points);
            var mean = points.Count == 0 ? 0 : points.Values.Average();
            var spread = points.Count == 0 ? 0 : points.Values.Max() - points.Values.Min();
            return new IndicatorScores(code, max, points, mean, spread, max > 0 && spread > max * DisagreementShare);
        }

        var indicators = rubric.Indicators.Select(i => For(i.Code, i.Max)).ToList();
        var bonus = For(RubricDefinition.BonusCode, rubric.BonusCap);
        var baseTotal = indicators.Sum(i => i.Mean);
        var bonusCounted = Math.Min(bonus.Mean, rubric.BonusCap);
        return new ScoreSheet(indicators, bonus, Math.Round(baseTotal, 1), Math.Round(bonusCounted, 1), Math.Round(baseTotal + bonusCounted, 1));
    }
}

/// <summary>Every expert's points on one indicator, their mean and spread, and whether they disagree too much.</summary>
public sealed record IndicatorScores(string Code, decimal Max, IReadOnlyDictionary<string, decimal> ByExpert, decimal Mean, decimal Spread, bool Disagreement);
