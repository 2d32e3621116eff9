using System.Text.Json;
using Registry.Core.Data;

namespace Registry.Grants.Domain;

/// <summary>Where a grant agreement (资助协议) stands.</summary>
public enum AgreementState
{
    /// <summary>Drawn up from the award; may still ask the applicant for a revised plan and budget.</summary>
    Drafting,

    /// <summary>The officer asked for a revised plan and budget (项目优化); the applicant submits, the officer accepts.</summary>
    AwaitingRevision,

    /// <summary>Signed: tranches created, payments may follow as their conditions are met.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The agreement's state in the domain's word, not the integer type.")]
    Signed,

    /// <summary>Final evaluation passed and all money settled.</summary>
    Closed,
}

/// <summary>What must happen before a tranche may be paid.</summary>
public enum TrancheCondition
{
    OnSigning,
    MidTermPassed,
    FinalPassed,
}

/// <summary>
/// The agreement for one awarded application: the agreed amount (the award) and matching commitment in fen, the project
/// period, the plan and budget as agreed (after a revision if one was asked for), signing (date and signed file), the
/// tranches with their payments, refunds and closure.
/// </summary>
public sealed class GrantAgreement : IVersioned
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public int RoundId { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string Title { get; set; } = "";

    public string Category { get; set; } = "";

    public long AgreedFen { get; set; }

    public long MatchingFen { get; set; }

    public DateOnly StartOn { get; set; }

    public DateOnly EndOn { get; set; }

    public AgreementState State { get; set; }

    /// <summary>What the officer asked to change (项目优化), while a revision is asked for.</summary>
    public string? RevisionRequest { get; set; }

    /// <summary>The plan and budget in force (JSON of <see cref="AgreementPlan"/>).</summary>
    public string PlanJson { get; set; } = "{}";

    public DateOnly? SignedOn { get; set; }

    public Guid? SignedFileId { get; set; }

    public string? SignedFileName { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The final evaluation's outcome recorded at closure.</summary>
    public EvaluationOutcome? Result { get; set; }

    /// <summary>
    /// The day the grants module learned (from the register's change feed) that the grantee was deregistered or its
    /// registration revoked while the project ran; flags the project for the officers. Null while the grantee is active.
    /// </summary>
    public DateOnly? GranteeGoneOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<GrantTranche> Tranches { get; set; } = [];

    public AgreementPlan Plan
    {
        get => JsonSerializer.Deserialize<AgreementPlan>(PlanJson) ?? AgreementPlan.Empty;
        set => PlanJson = JsonSerializer.Serialize(value);
    }

    public long PaidFen => Tranches.Sum(t => t.PaidFen);
}

/// <summary>One instalment of an agreement: its share of the agreed amount, the condition and the payments made.</summary>
public sealed class GrantTranche
{
    public int Id { get; set; }

    public int AgreementId { get; set; }

    /// <summary>1-based order in the plan.</summary>
    public int Index { get; set; }

    public int Percent { get; set; }

    public long DueFen { get; set; }

    public TrancheCondition Condition { get; set; }

    public List<GrantPayment> Payments { get; set; } = [];

    public long PaidFen => Payments.Sum(p => p.AmountFen);

    public long UnpaidFen => DueFen - PaidFen;
}

/// <summary>Money paid on a tranche: date, amount in fen and the bank or voucher reference.</summary>
public sealed class GrantPayment
{
    public int Id { get; set; }

    public int TrancheId { get; set; }

    public int AgreementId { get; set; }

    public DateOnly PaidOn { get; set; }

    public long AmountFen { get; set; }

    public string Reference { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

/// <summary>Money the organization must pay back (e.g. after a failed final evaluation), tracked until repaid.</summary>
public sealed class GrantRefund : IVersioned
{
    public int Id { get; set; }

    public int AgreementId { get; set; }

    public long RequiredFen { get; set; }

    public string Reason { get; set; } = "";

    public DateOnly RequiredOn { get; set; }

    public string RequiredBy { get; set; } = "";

    public List<GrantRepayment> Repayments { get; set; } = [];

    public long Version { get; set; }

    public long RepaidFen => Repayments.Sum(r => r.AmountFen);

    public long OutstandingFen => RequiredFen - RepaidFen;
}

/// <summary>A repayment towards a refund.</summary>
public sealed class GrantRepayment
{
    public int Id { get; set; }

    public int RefundId { get; set; }

    public int AgreementId { get; set; }

    public DateOnly RepaidOn { get; set; }

    public long AmountFen { get; set; }

    public string Reference { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

/// <summary>Where a submitted revision of the plan and budget stands.</summary>
public enum RevisionState
{
    /// <summary>The plan as awarded (version 0), kept to compare against.</summary>
    Original,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>One version of an agreement's plan and budget: the awarded one (0), then each revision the applicant submits.</summary>
public sealed class AgreementRevision
{
    public int Id { get; set; }

    public int AgreementId { get; set; }

    public int Number { get; set; }

    public RevisionState State { get; set; }

    /// <summary>JSON of <see cref="AgreementPlan"/>.</summary>
    public string PlanJson { get; set; } = "{}";

    public string SubmittedBy { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Why the officer returned it.</summary>
    public string? Note { get; set; }

    public AgreementPlan Plan
    {
        get => JsonSerializer.Deserialize<AgreementPlan>(PlanJson) ?? AgreementPlan.Empty;
        set => PlanJson = JsonSerializer.Serialize(value);
    }
}

/// <summary>A budget line of a plan (grant and matching money in fen).</summary>
public sealed record PlanLine(BudgetCategory Category, string Item, long RequestedFen, long MatchingFen);

/// <summary>The parts of a project an agreement fixes and a revision may change: objectives, activities, indicators, period, budget.</summary>
public sealed record AgreementPlan(string Objectives, string ActivityPlan, IReadOnlyList<ProjectIndicator> Indicators, DateOnly StartOn, DateOnly EndOn, IReadOnlyList<PlanLine> Lines)
{
    public static readonly AgreementPlan Empty = new("", "", [], default, default, []);

    public long RequestedFen => Lines.Sum(l => l.RequestedFen);

    public long MatchingFen => Lines.Sum(l => l.MatchingFen);

    /// <summary>The plan of an application as submitted (and awarded).</summary>
    public static AgreementPlan Of(GrantApplication application, IReadOnlyList<ProjectIndicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new AgreementPlan(application.Objectives, application.ActivityPlan, indicators, application.StartOn ?? default, application.EndOn ?? default,
            [.. application.BudgetLines.OrderBy(l => l.Position).Select(l => new PlanLine(l.Category, l.Item, l.RequestedFen, l.MatchingFen))]);
    }
}
