using Registry.Core.Calendar;
using System.Text.Json;
using Registry.Core.Data;

namespace Registry.Grants.Domain;

/// <summary>Which report of a funded project: at the project's midpoint, or after its end.</summary>
public enum ReportKind
{
    MidTerm,
    Final,
}

/// <summary>Where a progress report stands.</summary>
public enum ReportState
{
    /// <summary>The organization is writing it (saved as a draft).</summary>
    Draft,

    /// <summary>Filed; awaits evaluation.</summary>
    Submitted,

    /// <summary>An officer sent it back for correction, with the reason; editable again.</summary>
    Returned,

    /// <summary>The outcome is recorded.</summary>
    Evaluated,
}

/// <summary>What the evaluation decided.</summary>
public enum EvaluationOutcome
{
    Pass,

    /// <summary>Passed, with conditions the organization must meet (text required).</summary>
    PassWithConditions,

    /// <summary>Failed (reason required): a failed mid-term blocks the next tranche; a failed final may require a refund.</summary>
    Fail,
}

/// <summary>An indicator of the application (target as promised) and what the organization reports it achieved.</summary>
public sealed record IndicatorAchievement(string Kind, string Name, string Target, string Actual = "");

/// <summary>An approved budget line and what was actually spent on it, in fen (null: not reported yet).</summary>
public sealed record BudgetExecution(int Position, string Item, long ApprovedFen, long? ActualFen = null)
{
    /// <summary>Spent minus approved (negative: under budget); null until reported.</summary>
    public long? VarianceFen => ActualFen - ApprovedFen;
}

/// <summary>
/// A funded project's mid-term or final progress report (one of each per agreement): narrative, each indicator's
/// actual against its target, beneficiaries reached, budget execution by approved line, evidence files; then the
/// evaluation's outcome. Indicators and approved lines are copied from the application when the report is created.
/// </summary>
public sealed class ProgressReport : IVersioned
{
    public int Id { get; set; }

    public int AgreementId { get; set; }

    public int ApplicationId { get; set; }

    public int OrganizationId { get; set; }

    public ReportKind Kind { get; set; }

    /// <summary>
    /// Where the report's deadline counts from: the mid-term report's due day itself (the project's midpoint, a calendar
    /// date); the final report's: the project's last day, <see cref="DueWorkingDays"/> working days before it is due.
    /// </summary>
    public DateOnly DueFrom { get; set; }

    /// <summary>Working days after <see cref="DueFrom"/> the report is due (0: due on <see cref="DueFrom"/>). The due date is never stored.</summary>
    public int DueWorkingDays { get; set; }

    public ReportState State { get; set; }

    public string Narrative { get; set; } = "";

    public int? BeneficiariesReached { get; set; }

    /// <summary>JSON list of <see cref="IndicatorAchievement"/>.</summary>
    public string IndicatorsJson { get; set; } = "[]";

    /// <summary>JSON list of <see cref="BudgetExecution"/>.</summary>
    public string BudgetJson { get; set; } = "[]";

    public List<ProgressEvidence> Evidence { get; set; } = [];

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Why an officer last returned it for correction.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The day the reminder before the due date went out (each is sent once).</summary>
    public DateOnly? ReminderSentOn { get; set; }

    /// <summary>The day the overdue notice went out (sent once).</summary>
    public DateOnly? OverdueSentOn { get; set; }

    public EvaluationOutcome? Outcome { get; set; }

    /// <summary>The conditions of a pass with conditions.</summary>
    public string? Conditions { get; set; }

    /// <summary>Why it failed.</summary>
    public string? FailReason { get; set; }

    /// <summary>The refund a failed final report requires (fen), if any.</summary>
    public long? RefundFen { get; set; }

    public DateTime? EvaluatedAt { get; set; }

    public string? EvaluatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<IndicatorAchievement> Indicators
    {
        get => JsonSerializer.Deserialize<List<IndicatorAchievement>>(IndicatorsJson) ?? [];
        set => IndicatorsJson = JsonSerializer.Serialize(value);
    }

    public IReadOnlyList<BudgetExecution> Budget
    {
        get => JsonSerializer.Deserialize<List<BudgetExecution>>(BudgetJson) ?? [];
        set => BudgetJson = JsonSerializer.Serialize(value);
    }

    /// <summary>The organization may edit it (a draft, or returned for correction).</summary>
    public bool IsEditable => State is ReportState.Draft or ReportState.Returned;

    /// <summary>Passed (with or without conditions): the tranche that waits on this report may be paid.</summary>
    public bool Passed => Outcome is EvaluationOutcome.Pass or EvaluationOutcome.PassWithConditions;

    /// <summary>
    /// The due date, derived from <see cref="DueFrom"/> and <see cref="DueWorkingDays"/> through the calendar whenever it
    /// is read (provisional where a year without a published holiday notice decides it).
    /// </summary>
    public DueDate DueDate(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return DueWorkingDays == 0 ? new DueDate(DueFrom, false) : calendar.DueAfter(DueFrom, DueWorkingDays);
    }

    /// <summary>Not filed and past its due date (<paramref name="due"/>, from <see cref="DueDate"/>).</summary>
    public bool IsOverdueOn(DueDate due, DateOnly today) => IsEditable && today > due.Date;
}

/// <summary>A photo or evidence file attached to a report (bytes in Core files, outside wwwroot).</summary>
public sealed class ProgressEvidence
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    public string Caption { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}

/// <summary>The criteria progress reports of a round are evaluated against (a default until an officer sets them).</summary>
public sealed class EvaluationRubric : IVersioned
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>JSON list of <see cref="RubricCriterion"/>.</summary>
    public string CriteriaJson { get; set; } = "[]";

    public long Version { get; set; }

    public IReadOnlyList<RubricCriterion> Criteria
    {
        get => JsonSerializer.Deserialize<List<RubricCriterion>>(CriteriaJson) ?? [];
        set => CriteriaJson = JsonSerializer.Serialize(value);
    }

    /// <summary>The default rubric (100 points): targets met, beneficiaries, budget execution, management, effect.</summary>
    public static IReadOnlyList<RubricCriterion> Default { get; } =
    [
        new("E1", "目标达成", 30, "各项指标实际完成与目标的对比"),
        new("E2", "受益对象", 20, "服务人数与覆盖面"),
        new("E3", "预算执行", 20, "按批准预算支出，偏差有说明"),
        new("E4", "项目管理", 15, "过程记录、档案与佐证材料"),
        new("E5", "社会效果", 15, "服务对象反馈与社会影响"),
    ];
}

/// <summary>
/// An evaluator's seat on a report, under the review's conflict rules: declare before opening (or recuse with a
/// reason), never an account linked to the organization; a score sheet saved and then submitted (locked).
/// </summary>
public sealed class EvaluationSeat : IVersioned
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public string EvaluatorUserId { get; set; } = "";

    public string EvaluatorName { get; set; } = "";

    public DateTime AssignedAt { get; set; }

    public DateTime? DeclaredAt { get; set; }

    public bool Recused { get; set; }

    public string? RecusalReason { get; set; }

    /// <summary>JSON list of <see cref="EvaluationScore"/>.</summary>
    public string ScoresJson { get; set; } = "[]";

    public DateTime? SubmittedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<EvaluationScore> Scores
    {
        get => JsonSerializer.Deserialize<List<EvaluationScore>>(ScoresJson) ?? [];
        set => ScoresJson = JsonSerializer.Serialize(value);
    }

    public bool MayOpen => DeclaredAt is not null && !Recused;

    public decimal Total => Scores.Sum(s => s.Points);
}

/// <summary>An evaluator's points and comment on one criterion.</summary>
public sealed record EvaluationScore(string Code, decimal Points, string Comment);
