using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Ratings.Domain;

/// <summary>Eligibility and validity under the two rule sets (facts: DESIGN §3, Ratings).</summary>
public static class RatingRules
{
    /// <summary>
    /// The automatic checks for an organization applying on <paramref name="on"/>. Both rule sets: active, registered two
    /// full years, not on a credit list, no valid grade unless re-rating is allowed (2010: held two years or more; 2026:
    /// expiring within a year). 2010 only: last year's inspection not 不合格 and not 基本合格 two years running.
    /// </summary>
    public static IReadOnlyList<EligibilityCheck> Check(RuleSet rules, OrganizationSummary organization, OrganizationStanding standing, OrganizationGrade? currentGrade, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(standing);
        var checks = new List<EligibilityCheck>
        {
            new("Rate.Check.Active", organization.Status == OrganizationCodes.Active),
            new("Rate.Check.TwoYears", organization.FoundedOn.AddYears(2) <= on, organization.FoundedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Rate.Check.CreditLists", !standing.OnAbnormalList && !standing.OnSeriousList),
        };
        if (currentGrade is not null && currentGrade.IsValidOn(on))
        {
            var reratable = rules == RuleSet.Measures2010
                ? currentGrade.AwardedOn.AddYears(2) <= on
                : currentGrade.ValidUntil <= on.AddYears(1);
            checks.Add(new EligibilityCheck("Rate.Check.Rerating", reratable, $"{currentGrade.Grade}A → {currentGrade.ValidUntil:yyyy-MM-dd}"));
        }

        if (rules == RuleSet.Measures2010)
        {
            var lastYear = standing.ResultOf(on.Year - 1);
            var yearBefore = standing.ResultOf(on.Year - 2);
            checks.Add(new EligibilityCheck("Rate.Check.LastInspection", lastYear != "Unqualified", lastYear ?? ""));
            checks.Add(new EligibilityCheck("Rate.Check.BasicTwice", !(lastYear == "BasicallyQualified" && yearBefore == "BasicallyQualified")));
        }

        return checks;
    }

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
