using System.Text.Json;
using Registry.Core.Data;

namespace Registry.Ratings.Domain;

/// <summary>Which national rules govern eligibility and validity.</summary>
public enum RuleSet
{
    /// <summary>社会组织评估管理办法 (民政部令第39号, 2010).</summary>
    Measures2010,

    /// <summary>The revision in force from 2026-03-01.</summary>
    Revision2026,
}

/// <summary>
/// Grade thresholds (local, set per campaign): 5A ≥ FiveA, 4A ≥ FourA, …, 1A ≥ OneA; below the 1A floor no grade (未达等级).
/// The defaults are the published scheme of DESIGN §3 (5A ≥900, 4A 800–899, 3A 700–799, 2A 600–699, 1A below 600),
/// which has no floor (OneA 0: every total earns at least 1A); a locality with a floor (e.g. 1A ≥ 500) sets it.
/// </summary>
public sealed record GradeScale(decimal FiveA = 900, decimal FourA = 800, decimal ThreeA = 700, decimal TwoA = 600, decimal OneA = 0)
{
    /// <summary>Some totals earn no grade at all.</summary>
    public bool HasFloor => OneA > 0;

    /// <summary>The grade (1–5) a total earns, or 0 for none.</summary>
    public int GradeFor(decimal total) =>
        total >= FiveA ? 5 : total >= FourA ? 4 : total >= ThreeA ? 3 : total >= TwoA ? 2 : total >= OneA ? 1 : 0;

    public bool IsOrdered => FiveA > FourA && FourA > ThreeA && ThreeA > TwoA && TwoA > OneA && OneA >= 0;
}

/// <summary>A rating round: application window, rule set, rubric per organization type, thresholds, publicity length.</summary>
public sealed class RatingCampaign : IVersioned
{
    public int Id { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = "";

    public DateOnly WindowOpens { get; set; }

    public DateOnly WindowCloses { get; set; }

    public RuleSet RuleSet { get; set; }

    /// <summary>JSON object: organization type code → rubric id (the version fixed when the campaign opened).</summary>
    public string RubricsJson { get; set; } = "{}";

    /// <summary>JSON of <see cref="GradeScale"/>.</summary>
    public string ScaleJson { get; set; } = "{}";

    /// <summary>Days of 公示 for the proposed grades.</summary>
    public int PublicityDays { get; set; }

    /// <summary>Full years since registration an applicant needs (<see cref="EligibilityPolicy.YearsRegistered"/>).</summary>
    public int YearsRegistered { get; set; } = EligibilityPolicy.DefaultYearsRegistered;

    /// <summary>2010 rules: years a grade must have run before re-rating (<see cref="EligibilityPolicy.ReratingAfterYears"/>).</summary>
    public int ReratingAfterYears { get; set; } = EligibilityPolicy.DefaultReratingAfterYears;

    public DateTime OpenedAt { get; set; }

    public string OpenedBy { get; set; } = "";

    public long Version { get; set; }

    public IReadOnlyDictionary<string, int> Rubrics => JsonSerializer.Deserialize<Dictionary<string, int>>(RubricsJson) ?? [];

    public GradeScale Scale => JsonSerializer.Deserialize<GradeScale>(ScaleJson) ?? new GradeScale();

    public EligibilityPolicy Policy => new(YearsRegistered, ReratingAfterYears);

    /// <summary>
    /// Who answers review requests (复核): the 复核委员会 under the 2010 measures (第二十一条); the 2026 revision abolished it
    /// and gave its work to the 评估委员会.
    /// </summary>
    public string ReviewBodyKey => RuleSet == RuleSet.Revision2026 ? "Rate.ReviewBody.AssessmentCommittee" : "Rate.ReviewBody.ReviewCommittee";

    public bool IsOpenOn(DateOnly day) => day >= WindowOpens && day <= WindowCloses;
}
