using Registry.Core.Data;

namespace Registry.Organizations.Domain;

/// <summary>A social organization on the register (社会组织).</summary>
public sealed class Organization : IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name without district prefix and form suffix, for clash checks.</summary>
    public string NormalizedName { get; set; } = "";

    public string? EnglishName { get; set; }

    public OrganizationType Type { get; set; }

    /// <summary>统一社会信用代码; registered types only.</summary>
    public string? CreditCode { get; set; }

    /// <summary>备案编号; community organizations only.</summary>
    public string? FilingNumber { get; set; }

    public string RegisteringAuthority { get; set; } = "";

    /// <summary>业务主管单位; optional for directly registered kinds.</summary>
    public string? SupervisingUnit { get; set; }

    /// <summary>
    /// The supervising unit of the registry (<see cref="Domain.SupervisingUnit"/>) whose name <see cref="SupervisingUnit"/>
    /// states, linked whenever the record is written; null when the unit is not in the registry or there is none.
    /// </summary>
    public int? SupervisingUnitId { get; set; }

    public string LegalRepresentative { get; set; } = "";

    public string District { get; set; } = "";

    public string Street { get; set; } = "";

    public string? Community { get; set; }

    public string Address { get; set; } = "";

    /// <summary>Service field codes, comma-separated (养老, 助残, …; the list is configurable).</summary>
    public string ServiceFields { get; set; } = "";

    /// <summary>业务范围.</summary>
    public string BusinessScope { get; set; } = "";

    public long ActivityFundsFen { get; set; }

    public int IndividualMembers { get; set; }

    public int UnitMembers { get; set; }

    public DateOnly FoundedOn { get; set; }

    public OrganizationStatus Status { get; set; }

    public DateOnly? StatusChangedOn { get; set; }

    /// <summary>Credit-list standing, kept by the inspections module through <see cref="Contracts.IOrganizationRegister.SetCreditStandingAsync"/>.</summary>
    public Contracts.CreditStanding Standing { get; set; }

    /// <summary>Grade (1–5 for 1A–5A, 0 for none) valid now, kept by the ratings module through <see cref="Contracts.IOrganizationRegister.SetGradeAsync"/>.</summary>
    public int Grade { get; set; }

    /// <summary>枢纽型社会组织 it belongs to.</summary>
    public int? HubOrganizationId { get; set; }

    public bool IsHub { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The identifier shown to the public: credit code or filing number.</summary>
    public string PublicCode => CreditCode ?? FilingNumber ?? "";

    public IReadOnlyList<string> ServiceFieldList => SplitServiceFields(ServiceFields);

    /// <summary>The stored comma-separated service fields as a list.</summary>
    public static IReadOnlyList<string> SplitServiceFields(string serviceFields) => serviceFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>An approved change to a register record: what changed, when and by which decision.</summary>
public sealed class OrganizationRevision
{
    public long Id { get; set; }

    public int OrganizationId { get; set; }

    public int Number { get; set; }

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";

    /// <summary>Localization key of the cause: establishment, change, deregistration, correction, import.</summary>
    public string Cause { get; set; } = "";

    /// <summary>The application whose approval made the change, when there was one.</summary>
    public int? ApplicationId { get; set; }

    /// <summary>JSON list of <see cref="FieldChange"/>.</summary>
    public string Changes { get; set; } = "[]";
}

/// <summary>One field's old and new display value.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Links an account to an organization it acts for.</summary>
public sealed class OrganizationMember
{
    public int OrganizationId { get; set; }

    public string UserId { get; set; } = "";

    public bool IsOrgAdmin { get; set; }

    public DateTime Since { get; set; }
}

/// <summary>An invitation by an org-admin to a colleague's email.</summary>
public sealed class OrganizationInvitation
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string Email { get; set; } = "";

    public string Token { get; set; } = "";

    public string InvitedBy { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }
}

/// <summary>Claim state.</summary>
public enum ClaimStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>An account asking to act for an organization already on the register (e.g. migrated from paper).</summary>
public sealed class OrganizationClaim : IVersioned
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string UserId { get; set; } = "";

    public string Statement { get; set; } = "";

    public Guid? EvidenceFileId { get; set; }

    public ClaimStatus Status { get; set; }

    public DateTime RequestedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    public long Version { get; set; }
}
