using Registry.Core.Data;

namespace Registry.Supervision.Domain;

/// <summary>Where a case came from (行政处罚法 第五十四条: 发现、投诉、举报).</summary>
public enum CaseSource
{
    /// <summary>A spot check's finding (双随机 check result 移交立案).</summary>
    Check,

    /// <summary>A complaint or tip (投诉举报).</summary>
    Complaint,

    /// <summary>Found by an officer (依职权发现).</summary>
    Officer,
}

/// <summary>
/// The measures of one penalty (社会团体登记管理条例 第三十条–第三十三条, 民办非企业单位登记管理暂行条例 第二十四条–第二十六条,
/// 基金会管理条例 第四十条–第四十二条; kinds in 行政处罚法 第九条). Amounts in fen. Proposed at the notice and decided at
/// the decision; a decision may not be heavier than the notice because of the party's 陈述、申辩 (第四十五条第二款).
/// </summary>
public sealed class PenaltyMeasures
{
    /// <summary>警告.</summary>
    public bool Warning { get; set; }

    /// <summary>罚款, in fen (0 = none).</summary>
    public long FineFen { get; set; }

    /// <summary>没收违法所得, in fen (0 = none).</summary>
    public long ConfiscatedIncomeFen { get; set; }

    /// <summary>没收非法财产: its description.</summary>
    public string? ConfiscatedProperty { get; set; }

    /// <summary>没收非法财产: its value in fen (0 = none).</summary>
    public long ConfiscatedPropertyFen { get; set; }

    /// <summary>限期停止活动: months (0 = none).</summary>
    public int SuspensionMonths { get; set; }

    /// <summary>撤销登记 (吊销登记证书).</summary>
    public bool RevokeRegistration { get; set; }

    public bool IsEmpty => !Warning && FineFen == 0 && ConfiscatedIncomeFen == 0 && ConfiscatedPropertyFen == 0 && string.IsNullOrWhiteSpace(ConfiscatedProperty) && SuspensionMonths == 0 && !RevokeRegistration;

    /// <summary>The measure kinds present, in statutory order.</summary>
    public IReadOnlyList<PenaltyMeasure> Kinds()
    {
        var kinds = new List<PenaltyMeasure>();
        if (Warning)
        {
            kinds.Add(PenaltyMeasure.Warning);
        }

        if (FineFen > 0)
        {
            kinds.Add(PenaltyMeasure.Fine);
        }

        if (ConfiscatedIncomeFen > 0)
        {
            kinds.Add(PenaltyMeasure.ConfiscateIncome);
        }

        if (ConfiscatedPropertyFen > 0 || !string.IsNullOrWhiteSpace(ConfiscatedProperty))
        {
            kinds.Add(PenaltyMeasure.ConfiscateProperty);
        }

        if (SuspensionMonths > 0)
        {
            kinds.Add(PenaltyMeasure.SuspendActivities);
        }

        if (RevokeRegistration)
        {
            kinds.Add(PenaltyMeasure.RevokeRegistration);
        }

        return kinds;
    }

    public PenaltyMeasures Copy() => (PenaltyMeasures)MemberwiseClone();
}

/// <summary>Kinds of measure, for display and statistics.</summary>
public enum PenaltyMeasure
{
    Warning,
    Fine,
    ConfiscateIncome,
    ConfiscateProperty,
    SuspendActivities,
    RevokeRegistration,
}

/// <summary>What happened in a case, dated: the inputs its deadlines are derived from.</summary>
public enum CaseEventKind
{
    Filed,
    Investigate,
    Notify,
    RequestHearing,
    HoldHearing,
    Reinvestigate,
    Decide,
    Deliver,
    Close,
    Dismiss,
    Extend,
}

/// <summary>One step of a case.</summary>
public sealed class CaseEvent
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public CaseEventKind Kind { get; set; }

    /// <summary>The day it took effect (Beijing).</summary>
    public DateOnly On { get; set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    /// <summary>For an extension: the days added.</summary>
    public int? Days { get; set; }

    /// <summary>For an extension: who approved it (负责人批准).</summary>
    public string? ApprovedBy { get; set; }

    public string? Note { get; set; }
}

/// <summary>An administrative penalty case against a registered organization (行政处罚法, 民政部令第68号).</summary>
public sealed class PenaltyCase : IVersioned
{
    public const int MaxText = 4000;
    public const int MaxShort = 200;

    public int Id { get; set; }

    /// <summary>Case number (案号), drawn from a per-year sequence when filed.</summary>
    public string CaseNumber { get; set; } = "";

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string? CreditCode { get; set; }

    public CaseSource Source { get; set; }

    /// <summary>The complaint or spot check it came from.</summary>
    public int? SourceId { get; set; }

    /// <summary>The suspected violation (案由).</summary>
    public string Cause { get; set; } = "";

    /// <summary>The legal provision breached and applied (违法依据 / 处罚依据).</summary>
    public string? LegalBasis { get; set; }

    public string? Facts { get; set; }

    public CaseState State { get; set; }

    /// <summary>立案 day: the decision period runs from it (第六十条).</summary>
    public DateOnly FiledOn { get; set; }

    public PenaltyMeasures Proposed { get; set; } = new();

    public PenaltyMeasures Decided { get; set; } = new();

    /// <summary>The party waived the hearing it was told of (so the decision need not wait for the 5-working-day window).</summary>
    public bool HearingWaived { get; set; }

    /// <summary>Decision document number (决定书文号), drawn when decided.</summary>
    public string? DecisionNumber { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecisionReasoning { get; set; }

    public string? Officer { get; set; }

    public List<CaseEvent> Events { get; set; } = [];

    public long Version { get; set; }

    public DateOnly? NotifiedOn => LastOn(CaseEventKind.Notify);

    public DateOnly? DeliveredOn => LastOn(CaseEventKind.Deliver);

    public bool IsPenalty => State is CaseState.Decided or CaseState.Executing or CaseState.Closed && DecisionNumber is not null;

    private DateOnly? LastOn(CaseEventKind kind) => Events.Where(e => e.Kind == kind).OrderBy(e => e.At).LastOrDefault()?.On;
}
