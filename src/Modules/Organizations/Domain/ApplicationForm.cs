namespace Registry.Organizations.Domain;

/// <summary>
/// What the applicant fills in; each kind uses its part (name approval: names; establishment, change and filing:
/// the organization's particulars; deregistration: the reason). Stored as JSON so a draft can be incomplete.
/// </summary>
public sealed class ApplicationForm
{
    /// <summary>Name approval: up to three names, in order of preference.</summary>
    public List<string> ProposedNames { get; set; } = [];

    public string Name { get; set; } = "";

    public string? EnglishName { get; set; }

    public OrganizationType Type { get; set; } = OrganizationType.SocialGroup;

    public string? SupervisingUnit { get; set; }

    public string LegalRepresentative { get; set; } = "";

    public string District { get; set; } = "";

    public string Street { get; set; } = "";

    public string? Community { get; set; }

    public string Address { get; set; } = "";

    public List<string> ServiceFields { get; set; } = [];

    public string BusinessScope { get; set; } = "";

    /// <summary>Activity funds in fen; for a foundation its original fund (原始基金).</summary>
    public long ActivityFundsFen { get; set; }

    /// <summary>Foundations: whether it will raise funds from the public (sets the minimum original fund).</summary>
    public FoundationKind? FoundationKind { get; set; }

    public int IndividualMembers { get; set; }

    public int UnitMembers { get; set; }

    /// <summary>Community filing: full-time staff (≥3 if fewer than 10 members).</summary>
    public int Staff { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>Change and deregistration: why.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// Change: the register's particulars when the application was started. What the applicant changed is what differs
    /// from these (<see cref="RegisterFields.RequestedChanges"/>), so a field the form does not show is never touched.
    /// </summary>
    public ApplicationForm? Registered { get; set; }

    /// <summary>The register's particulars as the form's starting point (change).</summary>
    public static ApplicationForm From(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new ApplicationForm
        {
            Name = organization.Name,
            EnglishName = organization.EnglishName,
            Type = organization.Type,
            SupervisingUnit = organization.SupervisingUnit,
            LegalRepresentative = organization.LegalRepresentative,
            District = organization.District,
            Street = organization.Street,
            Community = organization.Community,
            Address = organization.Address,
            ServiceFields = [.. organization.ServiceFieldList],
            BusinessScope = organization.BusinessScope,
            ActivityFundsFen = organization.ActivityFundsFen,
            IndividualMembers = organization.IndividualMembers,
            UnitMembers = organization.UnitMembers,
            ContactName = organization.ContactName,
            ContactPhone = organization.ContactPhone,
            ContactEmail = organization.ContactEmail,
        };
    }
}
