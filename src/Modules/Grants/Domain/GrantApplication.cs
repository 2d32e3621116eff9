using Registry.Core.Data;
using Registry.Core.Localization;
using Registry.Core.Review;

namespace Registry.Grants.Domain;

/// <summary>Where a grant application stands.</summary>
public enum GrantState
{
    Draft,

    /// <summary>Filed before the closing instant; awaits screening (初筛).</summary>
    Submitted,

    /// <summary>Passed screening: goes to review.</summary>
    Passed,

    /// <summary>Failed screening, naming the rule.</summary>
    Failed,

    /// <summary>On the published shortlist (入围), in 公示.</summary>
    Shortlisted,

    /// <summary>Reviewed but not shortlisted.</summary>
    NotSelected,

    /// <summary>Final award made.</summary>
    Awarded,

    /// <summary>Shortlisted but not awarded (e.g. after an objection), with the reason.</summary>
    Withdrawn,
}

/// <summary>What a budget line pays for.</summary>
public enum BudgetCategory
{
    Personnel,
    SocialWork,
    Activities,
    Materials,
    Publicity,
    Administrative,
    Taxes,
    Other,
}

/// <summary>An output or outcome indicator with its target value.</summary>
public sealed record ProjectIndicator(string Kind, string Name, string Target);

/// <summary>
/// A project an organization applies for in a round: the project, its indicators and its budget; then screening, the
/// allocation (with an officer's cut and its reason) and the award.
/// </summary>
public sealed class GrantApplication : IVersioned
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    /// <summary>The organization's street on the register (街道), copied at start and submission: its street office recommends.</summary>
    public string Street { get; set; } = "";

    public string? ApplicantUserId { get; set; }

    public GrantState State { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Category { get; set; } = "";

    /// <summary>Who the project serves.</summary>
    public string Beneficiaries { get; set; } = "";

    public int BeneficiaryCount { get; set; }

    /// <summary>Where (街道/社区).</summary>
    public string Location { get; set; } = "";

    public DateOnly? StartOn { get; set; }

    public DateOnly? EndOn { get; set; }

    public string Need { get; set; } = "";

    public string Objectives { get; set; } = "";

    /// <summary>JSON list of <see cref="ProjectIndicator"/>.</summary>
    public string IndicatorsJson { get; set; } = "[]";

    /// <summary>Activities by month.</summary>
    public string ActivityPlan { get; set; } = "";

    public string Team { get; set; } = "";

    public string Partners { get; set; } = "";

    /// <summary>The applicant declares the project has no other government funding.</summary>
    public bool NoOtherGovernmentFunding { get; set; }

    /// <summary>
    /// The applicant declares no major violation of law or regulation (重大违法违规) within the round's period; relied on
    /// only where the register holds no penalty record of the organization for that period.
    /// </summary>
    public bool NoMajorViolation { get; set; }

    /// <summary>
    /// The organization's facts as stated, beside what was pre-filled from the register, the annual report and the ratings
    /// (JSON of <see cref="ApplicationFacts"/>; empty for applications started before facts were asked).
    /// </summary>
    public string FactsJson { get; set; } = "";

    public List<BudgetLine> BudgetLines { get; set; } = [];

    public long RequestedFen { get; set; }

    public long MatchingFen { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>The eligibility report (JSON list of <see cref="EligibilityCheck"/>) built at submission and on screening.</summary>
    public string EligibilityJson { get; set; } = "[]";

    /// <summary>The rule a failed screening names (an <see cref="EligibilityCheck"/> key or <c>Grant.Rule.Other</c>).</summary>
    public string? ScreeningRule { get; set; }

    public string? ScreeningNote { get; set; }

    public string? ScreenedBy { get; set; }

    public DateTime? ScreenedAt { get; set; }

    /// <summary>An officer's amount instead of the requested one (fen), with the reason.</summary>
    public long? CutToFen { get; set; }

    public string? CutReason { get; set; }

    /// <summary>What the allocation gives (0: not funded), and why not when 0.</summary>
    public long? AllocatedFen { get; set; }

    public string? AllocationNote { get; set; }

    public int? Rank { get; set; }

    public decimal? RankScore { get; set; }

    public long? AwardedFen { get; set; }

    public DateOnly? AwardedOn { get; set; }

    public string? WithdrawReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The receipt number given at submission (e.g. GC2026-000123).</summary>
    public string ReceiptNumber => SubmittedAt is null ? "" : $"GC{ChinaTime.Date(SubmittedAt.Value).Year}-{Id:D6}";

    /// <summary>The project budget (requested + matching).</summary>
    public long TotalFen => checked(RequestedFen + MatchingFen);

    /// <summary>Still in screening or review (the applicant sees no scores at any stage).</summary>
    public bool IsReviewed => State is GrantState.Passed or GrantState.Shortlisted or GrantState.NotSelected or GrantState.Awarded or GrantState.Withdrawn;
}

/// <summary>One line of a project budget: grant money requested and the matching (society's) money, in fen.</summary>
public sealed class BudgetLine
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public int Position { get; set; }

    public BudgetCategory Category { get; set; }

    public string Item { get; set; } = "";

    public long RequestedFen { get; set; }

    public long MatchingFen { get; set; }
}

/// <summary>One automatic eligibility check: a localization key for the rule, whether it passed, and details.</summary>
/// <summary>A reviewer's seat on an application: declaration, recusal, score sheet state.</summary>
public sealed class ReviewAssignment : IVersioned
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int ApplicationId { get; set; }

    public string ReviewerUserId { get; set; } = "";

    public string ReviewerName { get; set; } = "";

    public DateTime AssignedAt { get; set; }

    /// <summary>Assigned by the automatic balancing (else by an officer).</summary>
    public bool Automatic { get; set; }

    public DateTime? DeclaredAt { get; set; }

    /// <summary>The reviewer declared a conflict and stepped down (the application went to another reviewer).</summary>
    public bool Recused { get; set; }

    public string? RecusalReason { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Why an officer last reopened the submitted sheet.</summary>
    public string? ReopenReason { get; set; }

    public List<ReviewScore> Scores { get; set; } = [];

    public long Version { get; set; }

    /// <summary>Counts towards the application's reviewers (not recused).</summary>
    public bool IsActive => !Recused;

    public bool MayOpen => DeclaredAt is not null && !Recused;
}

/// <summary>A reviewer's points on one criterion, with a comment.</summary>
public sealed class ReviewScore
{
    public int Id { get; set; }

    public int AssignmentId { get; set; }

    public string CriterionCode { get; set; } = "";

    public decimal Points { get; set; }

    public string Comment { get; set; } = "";
}
