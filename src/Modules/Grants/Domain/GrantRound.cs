using System.Text.Json;
using Registry.Core.Data;

namespace Registry.Grants.Domain;

/// <summary>A category of a round (e.g. 为老服务) with an optional quota of grant money in fen.</summary>
public sealed record RoundCategory(string Name, long? QuotaFen = null);

/// <summary>A review criterion (e.g. 公益性): its weight is the most points a reviewer can give it.</summary>
public sealed record RubricCriterion(string Code, string Name, int Weight, string Guidance = "");

/// <summary>
/// Who may apply, checked against the register, the inspections and the grades: registered or filed and active; not on
/// the abnormal list within <see cref="AbnormalYears"/> years nor the serious list within <see cref="SeriousYears"/>;
/// last year's inspection not 不合格 (when <see cref="LastInspectionNotFailed"/>); at least <see cref="MinimumGrade"/>
/// (0: no grade needed); no double government funding declared (when <see cref="NoDoubleFunding"/>); no major violation
/// (重大违法违规) within <see cref="MajorViolationYears"/> years (0: not checked); no earlier grant agreement of the fund that
/// ended in breach or a refund demand within <see cref="BreachBarYears"/> years (0: not checked).
/// </summary>
public sealed record EligibilityRules(
    int AbnormalYears = 1,
    int SeriousYears = 2,
    bool LastInspectionNotFailed = true,
    int MinimumGrade = 0,
    bool NoDoubleFunding = true,
    int MajorViolationYears = EligibilityRules.DefaultMajorViolationYears,
    int BreachBarYears = EligibilityRules.DefaultBreachBarYears)
{
    public const int DefaultMajorViolationYears = 3;

    public const int DefaultBreachBarYears = 3;
}

/// <summary>How applications are ranked for allocation.</summary>
public enum RankingMethod
{
    /// <summary>Mean of the reviewers' totals.</summary>
    RawMean,

    /// <summary>Mean without the highest and lowest total (with five reviewers or more).</summary>
    TrimmedMean,

    /// <summary>Mean of each reviewer's total normalized against that reviewer's own mean and spread.</summary>
    ZScore,
}

/// <summary>Where a round stands (see <see cref="RoundWorkflow"/>): call, screening and review, shortlist in 公示, awarded.</summary>
public enum RoundStage
{
    /// <summary>The call (accepting submissions inside its window); no screening decision yet.</summary>
    Open,

    /// <summary>Screening (初筛) has started: no more submissions; screening and expert review.</summary>
    Screening,

    /// <summary>The shortlist (入围) is published for 公示.</summary>
    Shortlisted,

    /// <summary>Final awards made.</summary>
    Awarded,
}

/// <summary>
/// A round of a project fund (公益创投 or another programme such as 社会建设创新项目扶持): budget, categories and quotas, the
/// budget rules, eligibility, the call window (instants), the review rubric, reviewers per application and the tranche plan.
/// </summary>
public sealed class GrantRound : IVersioned
{
    /// <summary>Default programme name.</summary>
    public const string VentureFund = "公益创投";

    public int Id { get; set; }

    /// <summary>Programme name (公益创投, 社会建设创新项目扶持, …).</summary>
    public string Programme { get; set; } = VentureFund;

    public string Name { get; set; } = "";

    public int Year { get; set; }

    public long BudgetFen { get; set; }

    /// <summary>JSON list of <see cref="RoundCategory"/>.</summary>
    public string CategoriesJson { get; set; } = "[]";

    /// <summary>Most a project may request (e.g. ¥50,000 = 5,000,000 fen).</summary>
    public long ProjectCapFen { get; set; }

    /// <summary>Largest share of the project budget the grant may cover, in basis points (6000 = 60%).</summary>
    public int MaxGrantShareBasisPoints { get; set; }

    /// <summary>Largest share of the grant that personnel costs (人员经费) may take, in basis points; null: no cap.</summary>
    public int? MaxPersonnelShareBasisPoints { get; set; }

    /// <summary>Largest share of the grant that administrative costs (管理费用) may take, in basis points; null: no cap.</summary>
    public int? MaxAdministrativeShareBasisPoints { get; set; }

    public int MinMonths { get; set; }

    public int MaxMonths { get; set; }

    /// <summary>JSON of <see cref="EligibilityRules"/>.</summary>
    public string EligibilityJson { get; set; } = "{}";

    /// <summary>Words that mark a budget line as a forbidden use of grant money (fixed assets, cash or gifts), one per line.</summary>
    public string ForbiddenItems { get; set; } = DefaultForbiddenItems;

    /// <summary>The call opens at this instant (UTC; shown in Asia/Shanghai).</summary>
    public DateTime OpensAt { get; set; }

    /// <summary>Submissions are refused from this instant on (UTC; shown in Asia/Shanghai).</summary>
    public DateTime ClosesAt { get; set; }

    /// <summary>JSON list of <see cref="RubricCriterion"/>.</summary>
    public string RubricJson { get; set; } = "[]";

    public int ReviewersPerApplication { get; set; }

    /// <summary>Reviewers do not see the applicant organization.</summary>
    public bool BlindReview { get; set; }

    /// <summary>The day by which reviewers submit their score sheets (reviewers still scoring are reminded before it); null: none set.</summary>
    public DateOnly? ScoringDueOn { get; set; }

    /// <summary>Documents every application must attach before submission (e.g. 项目预算表, 机构章程, 上年度审计报告), one per line.</summary>
    public string RequiredDocuments { get; set; } = "";

    /// <summary>Once decided, the applicant reads the reviewers' comments, anonymized as 评审专家1, 评审专家2 … (never names).</summary>
    public bool ShowReviewCommentsToApplicant { get; set; }

    /// <summary>With the comments, the applicant also reads each reviewer's points.</summary>
    public bool ShowReviewScoresToApplicant { get; set; }

    /// <summary>A reviewers' spread (highest minus lowest total) above this is flagged.</summary>
    public int SpreadThreshold { get; set; } = 20;

    /// <summary>JSON list of tranche percentages (e.g. [50,30,20]) for the agreements of part 2.</summary>
    public string TranchePlanJson { get; set; } = "[]";

    public RankingMethod RankBy { get; set; }

    /// <summary>Days of 公示 for the shortlist.</summary>
    public int PublicityDays { get; set; } = 7;

    public RoundStage Stage { get; set; }

    public int? ShortlistNoticeId { get; set; }

    public DateOnly? PublicityEndsOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    public const string DefaultForbiddenItems = "固定资产\n购置设备\n现金\n礼品\n礼金\n购物卡\n慰问金";

    public IReadOnlyList<RoundCategory> Categories
    {
        get => JsonSerializer.Deserialize<List<RoundCategory>>(CategoriesJson) ?? [];
        set => CategoriesJson = JsonSerializer.Serialize(value);
    }

    public IReadOnlyList<RubricCriterion> Rubric
    {
        get => JsonSerializer.Deserialize<List<RubricCriterion>>(RubricJson) ?? [];
        set => RubricJson = JsonSerializer.Serialize(value);
    }

    public EligibilityRules Eligibility
    {
        get => JsonSerializer.Deserialize<EligibilityRules>(EligibilityJson) ?? new EligibilityRules();
        set => EligibilityJson = JsonSerializer.Serialize(value);
    }

    public IReadOnlyList<int> TranchePlan
    {
        get => JsonSerializer.Deserialize<List<int>>(TranchePlanJson) ?? [];
        set => TranchePlanJson = JsonSerializer.Serialize(value);
    }

    public IReadOnlyList<string> RequiredDocumentNames => RequiredDocuments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> ForbiddenWords => ForbiddenItems.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The most points a reviewer can give (the sum of the weights).</summary>
    public int MaxPoints => Rubric.Sum(c => c.Weight);

    /// <summary>The call window: from the opening instant up to, not including, the closing instant (see <see cref="RoundWorkflow.AcceptsSubmissions"/>).</summary>
    public bool IsOpenAt(DateTime utc) => utc >= OpensAt && utc < ClosesAt;

    /// <summary>
    /// Next year's round with the same rules: name, call window and year moved on by <paramref name="years"/>; nothing of
    /// this round's applications, shortlist or stage.
    /// </summary>
    public GrantRound CopyFor(int years, string name, DateTime createdAt) => new()
    {
        Programme = Programme,
        Name = name,
        Year = Year + years,
        BudgetFen = BudgetFen,
        CategoriesJson = CategoriesJson,
        ProjectCapFen = ProjectCapFen,
        MaxGrantShareBasisPoints = MaxGrantShareBasisPoints,
        MaxPersonnelShareBasisPoints = MaxPersonnelShareBasisPoints,
        MaxAdministrativeShareBasisPoints = MaxAdministrativeShareBasisPoints,
        MinMonths = MinMonths,
        MaxMonths = MaxMonths,
        EligibilityJson = EligibilityJson,
        ForbiddenItems = ForbiddenItems,
        OpensAt = OpensAt.AddYears(years),
        ClosesAt = ClosesAt.AddYears(years),
        RubricJson = RubricJson,
        ReviewersPerApplication = ReviewersPerApplication,
        BlindReview = BlindReview,
        RequiredDocuments = RequiredDocuments,
        ScoringDueOn = ScoringDueOn?.AddYears(years),
        ShowReviewCommentsToApplicant = ShowReviewCommentsToApplicant,
        ShowReviewScoresToApplicant = ShowReviewScoresToApplicant,
        SpreadThreshold = SpreadThreshold,
        TranchePlanJson = TranchePlanJson,
        RankBy = RankBy,
        PublicityDays = PublicityDays,
        CreatedAt = createdAt,
    };
}

/// <summary>One change of a round's stage (who, when, from, to), written by the round's transition.</summary>
public sealed class RoundStageEvent
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public DateTime At { get; set; }

    public string UserName { get; set; } = "";

    public RoundStage From { get; set; }

    public RoundStage To { get; set; }
}
