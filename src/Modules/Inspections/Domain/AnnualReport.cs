using Registry.Organizations.Contracts;
using Registry.Core.Data;

namespace Registry.Inspections.Domain;

/// <summary>Where an organization's report for a year stands.</summary>
public enum ReportState
{
    /// <summary>Expected, nothing filled in yet.</summary>
    NotStarted,

    Draft,

    Submitted,

    /// <summary>Sent back by the officer for correction; the organization edits and submits again.</summary>
    Returned,

    /// <summary>The officer recorded a result.</summary>
    Concluded,

    /// <summary>Founded too late in the year to take part.</summary>
    Exempt,

    /// <summary>Filed, waiting for the supervising unit's 初审 before the bureau reviews it.</summary>
    UnitReview,
}

/// <summary>The supervising unit's answer in its 初审.</summary>
public enum UnitReviewOutcome
{
    /// <summary>初审同意: passed on to the bureau.</summary>
    Agreed,

    /// <summary>退回修改: back to the organization.</summary>
    Returned,
}

/// <summary>年检结论.</summary>
public enum InspectionResult
{
    /// <summary>合格.</summary>
    Qualified,

    /// <summary>基本合格.</summary>
    BasicallyQualified,

    /// <summary>不合格.</summary>
    Unqualified,
}

/// <summary>Rectification (整改) after a 基本合格 or 不合格 result.</summary>
public enum RectificationState
{
    None,
    Required,
    Submitted,
    Verified,
}

/// <summary>An organization's annual report for one campaign year, its result and any rectification.</summary>
public sealed class AnnualReport : IVersioned
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int Year { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>Copied at creation, so lists and figures need no join with the register.</summary>
    public string OrganizationName { get; set; } = "";

    /// <summary>The organization's type code (see <c>OrganizationCodes</c>), copied at creation: it sets the deadline and the documents required.</summary>
    public string TypeCode { get; set; } = "";

    /// <summary>The organization's street (街道) when the report was created, copied like the type so the sector figures group by it without the register.</summary>
    public string Street { get; set; } = "";

    public ReportState State { get; set; }

    /// <summary>The simplified form (no audit report) for highly graded organizations.</summary>
    public bool Simplified { get; set; }

    public ReportContent Content { get; set; } = new();

    /// <summary>
    /// The pre-filled fields not yet confirmed or changed by the applicant (<see cref="ReportPrefill"/>), as JSON; null when
    /// none. While the report is not started the marks are derived when read, never stored.
    /// </summary>
    public string? PrefillJson { get; set; }

    public List<ReportDocument> Documents { get; set; } = [];

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Submitted after the campaign deadline.</summary>
    public bool SubmittedLate { get; set; }

    public string? ReturnNote { get; set; }

    /// <summary>The supervising unit the last filing went to for 初审 (null: straight to the bureau), copied with its name.</summary>
    public int? UnitId { get; set; }

    public string? UnitName { get; set; }

    /// <summary>The unit's answer to the last filing; null while it waits (or when there is no unit).</summary>
    public UnitReviewOutcome? UnitOutcome { get; set; }

    /// <summary>The unit's opinion (初审意见): required to return, shown to the bureau.</summary>
    public string? UnitOpinion { get; set; }

    public DateTime? UnitReviewedAt { get; set; }

    public string? UnitReviewedBy { get; set; }

    public InspectionResult? Result { get; set; }

    public string? ResultReasons { get; set; }

    public DateOnly? ResultOn { get; set; }

    public string? ResultBy { get; set; }

    /// <summary>The result came from an import of paper records, not from an online review.</summary>
    public bool Imported { get; set; }

    public RectificationState Rectification { get; set; }

    public string? RectificationRequirements { get; set; }

    public DateOnly? RectificationDueOn { get; set; }

    public string? RectificationReport { get; set; }

    public DateTime? RectificationSubmittedAt { get; set; }

    public DateOnly? RectificationVerifiedOn { get; set; }

    public string? RectificationVerifiedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public bool IsEditableByOrganization => State is ReportState.NotStarted or ReportState.Draft or ReportState.Returned;

    /// <summary>Sent back by the supervising unit (not the bureau): its opinion is the reason shown to the organization.</summary>
    public bool ReturnedByUnit => State == ReportState.Returned && UnitOutcome == UnitReviewOutcome.Returned;

    /// <summary>The audit report is required: always for a foundation (基金会管理条例 第三十六条), else unless the form is simplified.</summary>
    public bool AuditRequired => ReportDocuments.AuditRequired(Simplified, TypeCode);
}

/// <summary>What the organization reports: activities, people and finances (money in fen).</summary>
public sealed class ReportContent
{
    public string WorkSummary { get; set; } = "";

    public string NextYearPlan { get; set; } = "";

    public int IndividualMembers { get; set; }

    public int UnitMembers { get; set; }

    public int FullTimeStaff { get; set; }

    /// <summary>兼职人员.</summary>
    public int PartTimeStaff { get; set; }

    public int Volunteers { get; set; }

    public PartyOrganization PartyOrganization { get; set; }

    public int PartyMembers { get; set; }

    public string MajorChanges { get; set; } = "";

    public long IncomeGovernmentFen { get; set; }

    public long IncomeDonationsFen { get; set; }

    public long IncomeServicesFen { get; set; }

    public long IncomeMembershipFen { get; set; }

    public long IncomeOtherFen { get; set; }

    public long ExpenseProgrammeFen { get; set; }

    public long ExpenseStaffFen { get; set; }

    public long ExpenseAdministrativeFen { get; set; }

    public long ExpenseOtherFen { get; set; }

    public long NetAssetsStartFen { get; set; }

    public long NetAssetsEndFen { get; set; }

    /// <summary>Explained difference in the net-asset identity (e.g. restricted funds released, prior-year corrections).</summary>
    public long AdjustmentFen { get; set; }

    public string AdjustmentExplanation { get; set; } = "";

    public long IncomeFen => checked(IncomeGovernmentFen + IncomeDonationsFen + IncomeServicesFen + IncomeMembershipFen + IncomeOtherFen);

    public long ExpenditureFen => checked(ExpenseProgrammeFen + ExpenseStaffFen + ExpenseAdministrativeFen + ExpenseOtherFen);
}

/// <summary>党组织建设情况.</summary>
public enum PartyOrganization
{
    /// <summary>未建立.</summary>
    None,

    /// <summary>单独组建.</summary>
    Independent,

    /// <summary>联合组建.</summary>
    Joint,

    /// <summary>派驻党建指导员.</summary>
    Instructor,
}

/// <summary>A file attached to a report, one per checklist item (a new upload replaces the previous one only once accepted).</summary>
public sealed class ReportDocument
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public string ItemCode { get; set; } = "";

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}

/// <summary>Checklist items of a report.</summary>
public static class ReportDocuments
{
    /// <summary>财务会计报告 (balance sheet, income statement): always required.</summary>
    public const string FinancialStatements = "FinancialStatements";

    /// <summary>审计报告 (注册会计师审计报告): required unless the simplified form applies, and always for a foundation.</summary>
    public const string AuditReport = "AuditReport";

    /// <summary>Anything else the organization wants to add.</summary>
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> All = [FinancialStatements, AuditReport, Other];

    /// <summary>
    /// A foundation's annual report always includes the CPA audit report (基金会管理条例 第三十六条), also when a high grade
    /// gives it the simplified form; other types are spared it only by the simplified form.
    /// </summary>
    public static bool AuditRequired(bool simplified, string typeCode) => !simplified || typeCode == OrganizationCodes.Foundation;

    public static IReadOnlyList<string> Required(bool auditRequired) => auditRequired ? [FinancialStatements, AuditReport] : [FinancialStatements];
}
