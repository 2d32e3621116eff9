namespace Registry.Core.Auditing;

/// <summary>
/// One append-only audit record. <see cref="Hash"/> covers the fields and <see cref="PreviousHash"/>,
/// so editing or deleting any row breaks the chain from that point on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, 1-based and gap-free; assigned when the entry is saved.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Summary { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>The chain's tip: one row, locked while entries are appended so concurrent writers queue up.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Sequence { get; set; }

    public string Hash { get; set; } = AuditChain.GenesisHash;
}
