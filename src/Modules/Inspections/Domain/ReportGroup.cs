using System.Linq.Expressions;

namespace Registry.Inspections.Domain;

/// <summary>
/// The groups of a campaign's reports that its figures count (filed, not filed, late, exempt, rectifications…): the
/// figures and the campaign list's <c>group</c> filter use the same predicates, so a figure and its list always agree.
/// </summary>
public enum ReportGroup
{
    /// <summary>Expected to file: everyone taking part but the exempt.</summary>
    Expected,

    /// <summary>Filed: with the supervising unit, submitted or concluded.</summary>
    Submitted,

    /// <summary>Not filed: not started, draft or returned.</summary>
    NotSubmitted,

    /// <summary>Filed after the deadline.</summary>
    SubmittedLate,

    /// <summary>Founded too late in the year to take part.</summary>
    Exempt,

    /// <summary>Concluded with a result.</summary>
    Concluded,

    /// <summary>A rectification was required (whatever its state now).</summary>
    RectificationsRequired,

    /// <summary>The rectification was verified.</summary>
    RectificationsVerified,
}

/// <summary>The predicate of each <see cref="ReportGroup"/>, as an expression (for queries) and compiled (for counted groups).</summary>
public static class ReportGroups
{
    private static readonly Dictionary<ReportGroup, Expression<Func<AnnualReport, bool>>> Expressions = new()
    {
        [ReportGroup.Expected] = r => r.State != ReportState.Exempt,
        [ReportGroup.Submitted] = r => r.State == ReportState.UnitReview || r.State == ReportState.Submitted || r.State == ReportState.Concluded,
        [ReportGroup.NotSubmitted] = r => r.State == ReportState.NotStarted || r.State == ReportState.Draft || r.State == ReportState.Returned,
        [ReportGroup.SubmittedLate] = r => r.SubmittedLate,
        [ReportGroup.Exempt] = r => r.State == ReportState.Exempt,
        [ReportGroup.Concluded] = r => r.State == ReportState.Concluded,
        [ReportGroup.RectificationsRequired] = r => r.Rectification != RectificationState.None,
        [ReportGroup.RectificationsVerified] = r => r.Rectification == RectificationState.Verified,
    };

    private static readonly Dictionary<ReportGroup, Func<AnnualReport, bool>> Compiled = Expressions.ToDictionary(e => e.Key, e => e.Value.Compile());

    /// <summary>The group's predicate for a query.</summary>
    public static Expression<Func<AnnualReport, bool>> Predicate(ReportGroup group) => Expressions[group];

    /// <summary>Whether a report (or a report standing for a counted group of them) belongs to the group.</summary>
    public static bool Contains(ReportGroup group, AnnualReport report) => Compiled[group](report);
}
