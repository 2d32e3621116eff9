namespace Registry.Organizations.Contracts;

/// <summary>Change-feed topics of the register.</summary>
public static class OrganizationEvents
{
    /// <summary>An organization was created or its particulars, status or standing changed.</summary>
    public const string Changed = "organizations.changed";
}

/// <summary>Type and status codes as they appear in summaries and listings.</summary>
public static class OrganizationCodes
{
    public const string SocialGroup = "SocialGroup";
    public const string PrivateNonEnterprise = "PrivateNonEnterprise";
    public const string Foundation = "Foundation";
    public const string Community = "Community";

    public const string Active = "Active";
    public const string Deregistered = "Deregistered";

    /// <summary>The register list's <c>street</c> value for organizations with no street recorded (an empty value means any street).</summary>
    public const string NoStreet = "-";

    public static readonly IReadOnlyList<string> Types = [SocialGroup, PrivateNonEnterprise, Foundation, Community];
}

/// <summary>Payload of <see cref="OrganizationEvents.Changed"/>.</summary>
public sealed record OrganizationChanged(int OrganizationId);

/// <summary>What other modules may know of an organization.</summary>
public sealed record OrganizationSummary(
    int Id,
    string Name,
    string TypeCode,
    string? CreditCode,
    string? FilingNumber,
    string Status,
    DateOnly FoundedOn,
    string District,
    string Street,
    IReadOnlyList<string> ServiceFields,
    CreditStanding Standing,
    int Grade);

/// <summary>Everything the public directory shows and searches of an organization, and the certificate prints (住所: <see cref="Address"/>).</summary>
public sealed record OrganizationListing(
    int Id,
    string Name,
    IReadOnlyList<string> FormerNames,
    string? EnglishName,
    string TypeCode,
    string? CreditCode,
    string? FilingNumber,
    string Status,
    DateOnly FoundedOn,
    string District,
    string Street,
    string? Community,
    IReadOnlyList<string> ServiceFields,
    string BusinessScope,
    string LegalRepresentative,
    int? HubOrganizationId,
    bool IsHub,
    CreditStanding Standing,
    int Grade,
    string Address);

/// <summary>
/// The facts the register holds of an organization that its forms in other modules ask for again (一次填报，多处复用: the
/// rating application, the venture-fund application pre-fill from it and show it as the source).
/// </summary>
public sealed record RegisterFacts(
    int OrganizationId,
    DateOnly FoundedOn,
    int IndividualMembers,
    int UnitMembers,
    long ActivityFundsFen,
    string Address,
    string LegalRepresentative);

/// <summary>Where an organization stands on the credit lists (社会组织信用信息管理办法); kept by the inspections module.</summary>
public enum CreditStanding
{
    /// <summary>On no list.</summary>
    Good,

    /// <summary>活动异常名录.</summary>
    Abnormal,

    /// <summary>严重违法失信名单 (the more serious list wins when an organization is on both).</summary>
    Serious,
}

/// <summary>The register as other modules (inspections, ratings, grants, directory) see it.</summary>
public interface IOrganizationRegister
{
    /// <summary>Streams listings (all organizations, or the given ones) without holding the register in memory.</summary>
    IAsyncEnumerable<OrganizationListing> ListingsAsync(IReadOnlyCollection<int>? organizationIds, CancellationToken cancellationToken);

    Task<OrganizationSummary?> FindAsync(int organizationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OrganizationSummary>> FindManyAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken);

    /// <summary>The register's facts of an organization for other modules' forms to pre-fill, or null when it is not on the register.</summary>
    Task<RegisterFacts?> FactsAsync(int organizationId, CancellationToken cancellationToken);

    /// <summary>Organizations by credit code or filing number (codes that match nothing are left out).</summary>
    Task<IReadOnlyList<OrganizationSummary>> FindByCodesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>Organizations the account acts for (applicants see only these).</summary>
    Task<IReadOnlyList<int>> OrganizationsOfUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Links an account to the organization it acts for (the administrator creating an applicant's account); true when
    /// linked now, false when it already was. Audited.
    /// </summary>
    Task<bool> AddMemberAsync(int organizationId, string userId, bool isOrgAdmin, CancellationToken cancellationToken);

    /// <summary>Accounts linked to an organization (conflict-of-interest checks exclude them as reviewers).</summary>
    Task<IReadOnlyList<string>> UsersOfOrganizationAsync(int organizationId, CancellationToken cancellationToken);

    /// <summary>Accounts linked to each of the organizations, in one query (an organization without accounts has an empty group).</summary>
    Task<ILookup<int, string>> UsersOfOrganizationsAsync(IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records the organization's credit standing on the register (the directory and public page show it) and announces the
    /// change on the feed. The change is tracked in the shared context: it is saved, with the caller's own changes, by the
    /// caller's next SaveChanges. Returns false when the standing was already that.
    /// </summary>
    Task<bool> SetCreditStandingAsync(int organizationId, CreditStanding standing, CancellationToken cancellationToken);

    /// <summary>Records the grade (1–5; 0 for none) the ratings module says is valid now; saved like <see cref="SetCreditStandingAsync"/>.</summary>
    Task<bool> SetGradeAsync(int organizationId, int grade, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the organization a recognised hub (枢纽型社会组织), or no longer one, as the cultivation module decides; saved like
    /// <see cref="SetCreditStandingAsync"/>. False when it already was that.
    /// </summary>
    Task<bool> SetHubAsync(int organizationId, bool isHub, CancellationToken cancellationToken);

    /// <summary>Records the hub organization the organization is a member of (null: none); saved like <see cref="SetCreditStandingAsync"/>.</summary>
    Task<bool> SetHubOrganizationAsync(int organizationId, int? hubOrganizationId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the registration revoked (撤销登记 as an administrative penalty decided by the supervision module), dated the
    /// decision's day, audited with its decision number and announced on the feed (the credit lists follow it); saved like
    /// <see cref="SetCreditStandingAsync"/>. False when the organization is not active (already revoked or deregistered).
    /// </summary>
    Task<bool> RevokeRegistrationAsync(int organizationId, DateOnly revokedOn, string decisionNumber, CancellationToken cancellationToken);
}

/// <summary>
/// A section another module adds to an organization's public page (grade, inspection history, credit lists, funded projects).
/// Register it as a scoped service; the page renders <see cref="PartialPath"/> (an absolute view path in the contributing
/// module, e.g. "/Areas/Inspections/Pages/Shared/_OrganizationInspections.cshtml") with the loaded model, in <see cref="Order"/>.
/// </summary>
public interface IOrganizationPageSection
{
    int Order { get; }

    string PartialPath { get; }

    /// <summary>The section's model, or null to leave the section out for this organization.</summary>
    Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken);
}

/// <summary>Tells every account acting for an organization (in-app and by mail), e.g. of a result or a listing.</summary>
public interface IOrganizationNotifier
{
    /// <summary>Uses the notification templates of <paramref name="templateName"/>; saved with the caller's SaveChanges.</summary>
    Task NotifyAsync(int organizationId, string templateName, IReadOnlyDictionary<string, string> values, string link, CancellationToken cancellationToken);
}

/// <summary>Approved registration procedures of one kind ("NameApproval", "Establishment", "Change", "Deregistration", "CommunityFiling") and organization type.</summary>
public sealed record RegistrationCount(string Kind, string TypeCode, int Count);

/// <summary>Approved registration procedures of one kind and organization type in one calendar year (China time).</summary>
public sealed record YearRegistrationCount(int Year, string Kind, string TypeCode, int Count);

/// <summary>Organizations on the register with one type, status and street.</summary>
public sealed record RegisterCount(string TypeCode, string Status, string Street, int Count);

/// <summary>Counts of the register and its procedures, computed in the database (for the bureau's reports).</summary>
public interface IRegistrationFigures
{
    /// <summary>Applications approved (准予) from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive), by kind and type.</summary>
    Task<IReadOnlyList<RegistrationCount>> ApprovedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Applications approved in each calendar year from <paramref name="firstYear"/> to <paramref name="lastYear"/> (China time), by kind and type.</summary>
    Task<IReadOnlyList<YearRegistrationCount>> ApprovedByYearAsync(int firstYear, int lastYear, CancellationToken cancellationToken);

    /// <summary>
    /// The register at the end of <paramref name="asOf"/>, by type, status and street: organizations founded by then,
    /// counted active when their status changed after it (deregistration and revocation end an active registration).
    /// </summary>
    Task<IReadOnlyList<RegisterCount>> RegisterAsync(DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>Applications accepted and still undecided, and how many of them have passed their statutory or promised date.</summary>
    Task<(int Running, int Overdue)> RunningAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applications decided (准予 or 不予) in the period after acceptance, and their average time from 受理 to decision in
    /// working days, not counting 补正 pauses (null when none was decided or the calendar lacks a year they span).
    /// </summary>
    Task<ProcessingTime> ProcessingTimeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

/// <summary>How many applications were decided in a period and how long they took on average, in working days.</summary>
public sealed record ProcessingTime(int Decided, double? AverageWorkingDays);

/// <summary>
/// An officer's decision on a registration application (受理 "Accept", 补正 "Return" with the deficiencies as
/// <see cref="Note"/>, 准予 "Approve", 不予 "Reject" with the reason as <see cref="Note"/>); the documents module issues
/// the written notice or decision from it. <see cref="Kind"/> is "NameApproval", "Establishment", "Change",
/// "Deregistration" or "CommunityFiling"; <see cref="OrganizationId"/> is set once the organization exists.
/// </summary>
public sealed record RegistrationDecided(
    int ApplicationId,
    string? ReceiptNumber,
    string Kind,
    string Trigger,
    string Title,
    int? OrganizationId,
    string ApplicantUserId,
    DateOnly? ReceivedOn,
    DateOnly? AcceptedOn,
    DateOnly DecidedOn,
    string? Note)
{
    /// <summary>The change-feed topic.</summary>
    public const string Topic = "organizations.registration-decided";
}

/// <summary>A supervising unit (业务主管单位) of the registry, as other modules see it.</summary>
public sealed record SupervisingUnitSummary(int Id, string Name);

/// <summary>
/// The registry of supervising units for other modules (e.g. the unit's 初审 of annual reports): who acts for which unit,
/// and which unit answers online for an organization.
/// </summary>
public interface ISupervisingUnits
{
    /// <summary>The unit the account acts for, or null.</summary>
    Task<SupervisingUnitSummary?> OfUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// The organization's supervising unit when it answers online (at least one enabled account); null for a directly
    /// registered organization, a unit outside the registry or a unit without an enabled account.
    /// </summary>
    Task<SupervisingUnitSummary?> OnlineUnitOfAsync(int organizationId, CancellationToken cancellationToken);

    /// <summary>The unit's enabled accounts (to be told something waits for it).</summary>
    Task<IReadOnlyList<string>> AccountsAsync(int unitId, CancellationToken cancellationToken);
}
