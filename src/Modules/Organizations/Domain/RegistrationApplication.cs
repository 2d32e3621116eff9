using Registry.Core.Data;

namespace Registry.Organizations.Domain;

/// <summary>The five registration procedures.</summary>
public enum ApplicationKind
{
    /// <summary>名称核准.</summary>
    NameApproval,

    /// <summary>成立登记.</summary>
    Establishment,

    /// <summary>变更登记.</summary>
    Change,

    /// <summary>注销登记.</summary>
    Deregistration,

    /// <summary>社区社会组织备案.</summary>
    CommunityFiling,
}

/// <summary>Where an application stands.</summary>
public enum ApplicationState
{
    /// <summary>草稿.</summary>
    Draft,

    /// <summary>已提交.</summary>
    Submitted,

    /// <summary>补正: returned with a list of deficiencies; the statutory clock stops.</summary>
    Returned,

    /// <summary>已受理: the clock runs.</summary>
    Accepted,

    /// <summary>审查中.</summary>
    UnderReview,

    /// <summary>准予.</summary>
    Approved,

    /// <summary>不予.</summary>
    Rejected,

    /// <summary>已撤回.</summary>
    Withdrawn,

    /// <summary>
    /// 前置审查: waiting for the supervising unit's consent (成立, 变更, 注销) or the street office's first review (社区社会组织备案)
    /// before the bureau receives it.
    /// </summary>
    PreReview,

    /// <summary>The supervising unit or street office did not agree: the application ends with its reason.</summary>
    PreReviewRefused,
}

/// <summary>Who reviews an application before the bureau (<see cref="ApplicationState.PreReview"/>).</summary>
public enum PreReviewParty
{
    /// <summary>Nobody online: the application goes straight to the bureau.</summary>
    None,

    /// <summary>业务主管单位.</summary>
    SupervisingUnit,

    /// <summary>街道.</summary>
    StreetOffice,
}

/// <summary>What someone does to an application.</summary>
public enum ApplicationTrigger
{
    Submit,
    Accept,
    Return,
    StartReview,
    Approve,
    Reject,
    Withdraw,

    /// <summary>The applicant submits to the supervising unit or street office first.</summary>
    SubmitForPreReview,

    /// <summary>The supervising unit consents / the street office passes its first review.</summary>
    PassPreReview,

    /// <summary>The supervising unit or street office does not agree.</summary>
    FailPreReview,
}

/// <summary>An online registration application (one of <see cref="ApplicationKind"/>).</summary>
public sealed class RegistrationApplication : IVersioned
{
    public int Id { get; set; }

    /// <summary>Receipt number given on first submission, e.g. DJ-2026-000123.</summary>
    public string? ReceiptNumber { get; set; }

    public ApplicationKind Kind { get; set; }

    public ApplicationState State { get; set; }

    public string ApplicantUserId { get; set; } = "";

    /// <summary>The organization concerned (change, deregistration) or created (establishment, filing).</summary>
    public int? OrganizationId { get; set; }

    /// <summary>For establishment: the approved name-approval application it relies on.</summary>
    public int? NameApplicationId { get; set; }

    /// <summary>The form as JSON (<see cref="ApplicationForm"/>).</summary>
    public string FormJson { get; set; } = "{}";

    /// <summary>The organization's type as the form states it (kept beside the JSON so figures can count by type in SQL).</summary>
    public OrganizationType? OrganizationType { get; set; }

    /// <summary>Denormalized for queues and search: the (proposed) organization name.</summary>
    public string Title { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>
    /// The day the materials that are (or are to be) accepted were received: each submission before acceptance sets it.
    /// The 受理 timer of 行政许可法 第三十二条 runs from it (<see cref="Deadline.EffectiveStart"/>); null on records imported without it.
    /// </summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>受理 date: the statutory clock starts the next working day.</summary>
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>
    /// Working days added to the period with the approval of the bureau's head (行政许可法 第四十二条: 20 working days,
    /// extendable by 10); 0 without an extension. The due dates are derived from it, never stored.
    /// </summary>
    public int ExtensionDays { get; set; }

    /// <summary>Why the period was extended; shown to the applicant.</summary>
    public string? ExtensionReason { get; set; }

    /// <summary>The head (局领导) who approved the extension, as recorded by the officer.</summary>
    public string? ExtensionApprovedBy { get; set; }

    public DateOnly? ExtendedOn { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Reason of a rejection, shown to the applicant.</summary>
    public string? DecisionReason { get; set; }

    public long Version { get; set; }

    /// <summary>Who reviews before the bureau; set on the first submission, <see cref="PreReviewParty.None"/> when nobody online does.</summary>
    public PreReviewParty PreReviewParty { get; set; }

    /// <summary>The supervising unit asked to consent (<see cref="PreReviewParty.SupervisingUnit"/>).</summary>
    public int? PreReviewUnitId { get; set; }

    /// <summary>The street whose office gives the first review (<see cref="PreReviewParty.StreetOffice"/>).</summary>
    public string? PreReviewStreet { get; set; }

    /// <summary>Name of the person who answered for the unit or street.</summary>
    public string? PreReviewedBy { get; set; }

    public DateTime? PreReviewedAt { get; set; }

    /// <summary>The unit's or street's opinion; shown to the applicant (it is the reason of a refusal).</summary>
    public string? PreReviewOpinion { get; set; }

    /// <summary>首办负责人: the officer named responsible when the application was accepted.</summary>
    public string? OwnerUserId { get; set; }

    public string? OwnerName { get; set; }

    /// <summary>Last day officers were warned that the promised period is about to run out (one warning a day).</summary>
    public DateOnly? DueReminderSentOn { get; set; }

    public List<CorrectionRequest> Corrections { get; set; } = [];

    public List<ApplicationDocument> Documents { get; set; } = [];

    public List<ApplicationEvent> Events { get; set; } = [];

    /// <summary>Clock pauses: corrections requested after acceptance.</summary>
    public IReadOnlyList<ClockPause> Pauses =>
        [.. Corrections.Where(c => AcceptedOn is { } accepted && c.RequestedOn >= accepted).OrderBy(c => c.RequestedOn).Select(c => new ClockPause(c.RequestedOn, c.ResubmittedOn))];
}

/// <summary>补正: what is missing, and when the applicant answered.</summary>
public sealed class CorrectionRequest
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public DateOnly RequestedOn { get; set; }

    public string RequestedBy { get; set; } = "";

    public string Deficiencies { get; set; } = "";

    public DateOnly? ResubmittedOn { get; set; }
}

/// <summary>A document of the checklist, attached as a stored file.</summary>
public sealed class ApplicationDocument
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string ItemCode { get; set; } = "";

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}

/// <summary>History line: each transition with who, when and the note.</summary>
public sealed class ApplicationEvent
{
    public long Id { get; set; }

    public int ApplicationId { get; set; }

    public DateTime At { get; set; }

    public string UserName { get; set; } = "";

    public ApplicationState From { get; set; }

    public ApplicationState To { get; set; }

    public string? Note { get; set; }
}

/// <summary>A name approved and held for an establishment application (6 months).</summary>
public sealed class NameReservation
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string NormalizedName { get; set; } = "";

    public OrganizationType Type { get; set; }

    public int ApplicationId { get; set; }

    public DateOnly ReservedUntil { get; set; }

    public int? UsedByOrganizationId { get; set; }
}

/// <summary>A period during which the statutory clock stood still; <see cref="To"/> null while it still does.</summary>
public sealed record ClockPause(DateOnly From, DateOnly? To);
