using Registry.Core.Data;

namespace Registry.Supervision.Domain;

/// <summary>A plan's stage: its draw is verifiable only because the seed is committed before the draw.</summary>
public enum PlanState
{
    /// <summary>Being prepared: filters, size, strata, pool may change.</summary>
    Draft,

    /// <summary>Population frozen, seed commitment published; nothing may change any more.</summary>
    Committed,

    /// <summary>Drawn: seed revealed, organizations and inspectors assigned.</summary>
    Drawn,
}

/// <summary>How a plan's population is divided into strata.</summary>
public enum StrataBy
{
    None,
    Type,
    Street,
    Grade,
}

/// <summary>Filter on credit standing.</summary>
public enum StandingFilter
{
    Any,
    Good,
    Abnormal,
    Serious,
}

/// <summary>A spot check's result (随机抽查结果).</summary>
public enum CheckResult
{
    /// <summary>未发现问题.</summary>
    NoProblem,

    /// <summary>责令整改.</summary>
    RectificationOrdered,

    /// <summary>移交立案: opens a penalty case.</summary>
    CaseOpened,
}

/// <summary>A 双随机、一公开 plan for a year or a quarter.</summary>
public sealed class InspectionPlan : IVersioned
{
    public const int MaxText = 2000;

    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>1–4, or null for the whole year.</summary>
    public int? Quarter { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Organization type codes (comma-separated; empty = all).</summary>
    public string Types { get; set; } = "";

    /// <summary>Streets (comma-separated; empty = all).</summary>
    public string Streets { get; set; } = "";

    /// <summary>Lowest grade (1–5), or null for any.</summary>
    public int? MinGrade { get; set; }

    public StandingFilter Standing { get; set; }

    /// <summary>Share to draw in percent (1–100), or null when <see cref="DrawCount"/> is given.</summary>
    public decimal? SharePercent { get; set; }

    public int? DrawCount { get; set; }

    public StrataBy Strata { get; set; }

    public int InspectorsPerCheck { get; set; } = 2;

    /// <summary>The check items (检查事项), one a line.</summary>
    public string Items { get; set; } = "";

    public PlanState State { get; set; }

    /// <summary>SHA-256 of the seed, published when committed.</summary>
    public string? SeedCommitment { get; set; }

    /// <summary>The seed: kept secret until the draw (never shown before <see cref="PlanState.Drawn"/>).</summary>
    public string? Seed { get; set; }

    /// <summary>SHA-256 of the published population text (<see cref="RandomDraw.PopulationText"/>).</summary>
    public string? PopulationHash { get; set; }

    public DateTime? CommittedAt { get; set; }

    public DateTime? DrawnAt { get; set; }

    public List<PlanPopulationMember> Population { get; set; } = [];

    public List<PlanInspector> Inspectors { get; set; } = [];

    public List<SpotCheck> Checks { get; set; } = [];

    public long Version { get; set; }
}

/// <summary>One organization of a committed plan's population (frozen at commitment, published).</summary>
public sealed class PlanPopulationMember
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int OrganizationId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Stratum { get; set; } = "";
}

/// <summary>A member of the plan's inspectors' pool (执法检查人员 or an outside expert).</summary>
public sealed class PlanInspector
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>Published key within the plan (e.g. "I001"), used by the draw.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The inspector's account, when they have one: linked accounts of an organization exclude them.</summary>
    public string? UserId { get; set; }

    public bool External { get; set; }
}

/// <summary>One drawn organization's check.</summary>
public sealed class SpotCheck : IVersioned
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string Code { get; set; } = "";

    public string Stratum { get; set; } = "";

    public int Rank { get; set; }

    public string RankKey { get; set; } = "";

    /// <summary>Names of the inspectors assigned, in draw order ("、"-separated keys and names are in <see cref="InspectorKeys"/>).</summary>
    public string InspectorKeys { get; set; } = "";

    /// <summary>Pool keys skipped for a link to the organization (redrawn).</summary>
    public string ExcludedKeys { get; set; } = "";

    public string? ItemsChecked { get; set; }

    public string? Findings { get; set; }

    public CheckResult? Result { get; set; }

    public DateOnly? ResultOn { get; set; }

    /// <summary>The day the result was made public (一公开); null while unpublished.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The penalty case the check led to.</summary>
    public int? CaseId { get; set; }

    public long Version { get; set; }
}
