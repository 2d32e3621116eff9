using Registry.Core.Data;
using Registry.Core.Review;

namespace Registry.Ratings.Domain;

/// <summary>Where a rating application stands.</summary>
public enum RatingState
{
    Draft,

    /// <summary>Filed; eligibility awaits the officer's confirmation.</summary>
    Submitted,

    /// <summary>Confirmed eligible; the panel assesses and scores.</summary>
    Assessment,

    /// <summary>Not eligible (checked or decided by the officer, with the reason).</summary>
    Ineligible,

    /// <summary>The committee set the proposed grade.</summary>
    Decided,

    /// <summary>The proposed grade is in 公示.</summary>
    Publicized,

    /// <summary>Announced: the grade (if any) is effective.</summary>
    Announced,
}

/// <summary>An organization's application in a rating campaign, through eligibility, panel, scores, decision and announcement.</summary>
public sealed class RatingApplication : IVersioned
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string OrganizationType { get; set; } = "";

    public int RubricId { get; set; }

    public RatingState State { get; set; }

    public string? ApplicantUserId { get; set; }

    /// <summary>Self-assessment: JSON object indicator code → { points, note }.</summary>
    public string SelfAssessmentJson { get; set; } = "{}";

    /// <summary>基本情况 as stated (JSON object field code → <see cref="StatedFact"/>, see <see cref="RatingFacts"/>); "{}" until first saved.</summary>
    public string FactsJson { get; set; } = "{}";

    public List<RatingEvidence> Evidence { get; set; } = [];

    public DateTime? SubmittedAt { get; set; }

    /// <summary>The automatic checks as they were at submission (JSON list of <see cref="EligibilityCheck"/>).</summary>
    public string EligibilityJson { get; set; } = "[]";

    /// <summary>The officer's decision on eligibility when it differs from the checks, with the reason.</summary>
    public bool? EligibilityOverridden { get; set; }

    public string? EligibilityNote { get; set; }

    public string? EligibilityBy { get; set; }

    public DateOnly? FieldAssessmentOn { get; set; }

    /// <summary>2010 rules (民政部令第39号 第七条(三)): the applicant declared no penalty last year and none still being carried out.</summary>
    public bool DeclaredNoPenalty { get; set; }

    /// <summary>2010 rules (第七条(四)): the applicant declared no investigation by a government department or judicial organ under way.</summary>
    public bool DeclaredNotUnderInvestigation { get; set; }

    /// <summary>
    /// 2026 revision: a re-evaluation requested in the first two years of the grade's validity, so the field assessment may
    /// be simplified (set at submission from <see cref="RatingRules.Reevaluation"/>).
    /// </summary>
    public bool SimplifiedFieldAssessment { get; set; }

    public decimal? ComputedTotal { get; set; }

    /// <summary>Grade the scores earn by the campaign's thresholds (0: none).</summary>
    public int? ComputedGrade { get; set; }

    /// <summary>Grade the committee set (0: none); differs from <see cref="ComputedGrade"/> only with a reason.</summary>
    public int? DecidedGrade { get; set; }

    public string? DecisionReason { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public int? NoticeId { get; set; }

    public DateOnly? PublicityEndsOn { get; set; }

    public DateOnly? AnnouncedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>An evidence file for the self-assessment.</summary>
public sealed class RatingEvidence
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>The indicator it supports, or empty for general evidence.</summary>
    public string IndicatorCode { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}

/// <summary>An expert on an application's panel; sees the file only after declaring no conflict of interest.</summary>
public sealed class PanelMember
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string ReviewerUserId { get; set; } = "";

    public string ReviewerName { get; set; } = "";

    public DateTime AssignedAt { get; set; }

    public DateTime? DeclaredAt { get; set; }

    /// <summary>The expert declared a conflict and stepped down: scores nothing.</summary>
    public bool Recused { get; set; }

    public DateTime? ScoresSubmittedAt { get; set; }

    public bool MaySeeFile => DeclaredAt is not null && !Recused;
}

/// <summary>One expert's score on one indicator (or the bonus), with a comment.</summary>
public sealed class ExpertScore
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string ReviewerUserId { get; set; } = "";

    public string IndicatorCode { get; set; } = "";

    public decimal Points { get; set; }

    public string Comment { get; set; } = "";
}

/// <summary>复核申请: the organization contests the proposed grade during 公示; answered in writing within the statutory period.</summary>
public sealed class ReviewRequest
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public DateTime FiledAt { get; set; }

    public string FiledBy { get; set; } = "";

    public string Grounds { get; set; } = "";

    /// <summary>
    /// The day (Asia/Shanghai) the request was filed: the start of the written answer's period. The due date is derived
    /// from it and <see cref="AnswerWorkingDays"/> through the calendar whenever it is read, never stored.
    /// </summary>
    public DateOnly FiledOn { get; set; }

    /// <summary>Working days to answer in writing (15 by the measures), as they stood when the request was filed.</summary>
    public int AnswerWorkingDays { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? Decision { get; set; }

    /// <summary>The grade after review (equal to the proposed one when upheld).</summary>
    public int? GradeAfterReview { get; set; }

    public string? DecidedBy { get; set; }
}

/// <summary>A grade an organization holds or held, with its validity and what ended it.</summary>
public sealed class OrganizationGrade
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public int Grade { get; set; }

    public int? CampaignId { get; set; }

    public int? ApplicationId { get; set; }

    public DateOnly AwardedOn { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidUntil { get; set; }

    /// <summary>Downgraded or revoked before expiry: the date and the officer's reason.</summary>
    public DateOnly? EndedOn { get; set; }

    public string? EndReason { get; set; }

    /// <summary>For a downgrade, the lower grade that replaced it.</summary>
    public int? ReplacedByGrade { get; set; }

    public bool Reminded6Months { get; set; }

    public bool Reminded1Month { get; set; }

    public bool IsValidOn(DateOnly day) => EndedOn is null && day >= ValidFrom && day <= ValidUntil;
}
