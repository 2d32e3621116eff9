using Registry.Core.Workflows;

namespace Registry.Cultivation.Domain;

/// <summary>
/// A recognition batch (认定批次) of hub organizations: one decision with its number and date, published as a notice.
/// </summary>
public sealed class HubBatch
{
    public const int MaxShort = 200;

    public int Id { get; set; }

    /// <summary>第几批 (1, 2, 3 …): unique.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The decision's document number (文号), e.g. 海民〔2013〕12号.</summary>
    public string DecisionNumber { get; set; } = "";

    public DateOnly DecidedOn { get; set; }

    /// <summary>The notice published through the notices module, once published.</summary>
    public int? NoticeId { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Hub> Hubs { get; set; } = [];
}

/// <summary>
/// A hub organization (枢纽型社会组织): an organization of the register recognised in a batch for one service field,
/// optionally limited to one street (a street's 社区社会组织联合会). Coverage counts its members against the active
/// organizations of that field (or that street).
/// </summary>
public sealed class Hub
{
    public int Id { get; set; }

    public int BatchId { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>The organization's name when recognised (the register stays the source of truth).</summary>
    public string OrganizationName { get; set; } = "";

    /// <summary>The service field the hub serves (as in the register's service fields, e.g. 养老, 社区治理).</summary>
    public string Field { get; set; } = "";

    /// <summary>With a street, the hub serves that street's organizations (coverage counts the street, not the field).</summary>
    public string? Street { get; set; }

    public DateOnly RecognizedOn { get; set; }

    public HubState State { get; set; }

    /// <summary>When the recognition was withdrawn (撤销认定); null while it stands.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>The officer's reason for withdrawing the recognition (public, as the recognition was).</summary>
    public string? WithdrawalReason { get; set; }

    public List<HubMember> Members { get; set; } = [];

    public bool IsActive => State == HubState.Recognized;
}

/// <summary>Where a hub's recognition stands. Stored by name: never rename a value.</summary>
public enum HubState
{
    /// <summary>认定: the hub serves its field or street.</summary>
    Recognized,

    /// <summary>撤销认定: no longer a hub; its members were released.</summary>
    Withdrawn,
}

/// <summary>What changes a hub's recognition.</summary>
public enum HubTrigger
{
    Withdraw,
}

/// <summary>The hub recognition's transition table (a withdrawn recognition is final: a new one comes in a new batch).</summary>
public static class HubWorkflow
{
    public const int MaxReason = 1000;

    private static readonly TransitionTable<HubState, HubTrigger> Table = new TransitionTable<HubState, HubTrigger>()
        .Permit(HubState.Recognized, HubTrigger.Withdraw, HubState.Withdrawn);

    public static HubState? Next(HubState state, HubTrigger trigger) => Table.Next(state, trigger);

    public static IReadOnlyList<HubTrigger> Permitted(HubState state) => Table.Permitted(state);
}

/// <summary>An organization of the register linked to a hub (one hub per field for each member).</summary>
public sealed class HubMember
{
    public int Id { get; set; }

    public int HubId { get; set; }

    public int OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    /// <summary>The hub's field, copied so that "one hub per field" is a unique index.</summary>
    public string Field { get; set; } = "";

    public DateOnly JoinedOn { get; set; }
}

/// <summary>A reminder a hub's account sent to a member (kept to show what was sent and to limit repeats).</summary>
public sealed class HubReminder
{
    public const int MaxMessage = 1000;

    public int Id { get; set; }

    public int HubId { get; set; }

    public int OrganizationId { get; set; }

    public string Message { get; set; } = "";

    public string SentBy { get; set; } = "";

    public DateTime SentAt { get; set; }
}
