namespace Registry.Core.Auditing;

/// <summary>
/// One append-only audit record. It is inserted unsealed (no <see cref="Sequence"/>, <see cref="PreviousHash"/> or
/// <see cref="Hash"/>) with the change it records; <see cref="AuditChain.SealPendingAsync"/> then links it onto the chain.
/// Once sealed, <see cref="Hash"/> covers the fields and <see cref="PreviousHash"/>, so editing or deleting any row breaks
/// the chain from that point on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, 1-based and gap-free; null until the entry is sealed.</summary>
    public long? Sequence { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>
    /// The writer's keyed MAC over the entry's content (<see cref="AuditChain.ComputeEntryMac"/>), set when it is recorded:
    /// the sealer links only entries whose MAC holds, so a row inserted straight into the table is never sealed.
    /// </summary>
    public string? Mac { get; set; }

    /// <summary>The hash of the entry sealed just before this one (the genesis hash for the first); null until sealed.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>Null until sealed.</summary>
    public string? Hash { get; set; }
}

/// <summary>The chain's tip: one row, locked only by the sealer while it links a batch of entries.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Sequence { get; set; }

    public string Hash { get; set; } = AuditChain.GenesisHash;
}
