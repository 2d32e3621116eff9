using Registry.Core.Contracts;

namespace Registry.Organizations.Contracts;

/// <summary>
/// Addresses of the Organizations module's pages, for other modules, notifications and work items: the only place
/// that spells their routes and query parameters.
/// </summary>
public static class OrganizationLinks
{
    public const string Guides = "/Organizations/Guide";

    /// <summary>办件进度查询 without signing in (receipt number + contact phone or credit code).</summary>
    public const string Progress = "/Organizations/Progress";
    public const string Mine = "/Organizations/My";
    public const string AdminApplications = "/Organizations/Admin/Applications";
    public const string AdminRegister = "/Organizations/Admin/Register";
    public const string AdminClaims = "/Organizations/Admin/Claims";
    public const string AdminReminders = "/Organizations/Admin/Reminders";

    /// <summary>A supervising unit's or street office's desk: applications to answer and its organizations.</summary>
    public const string Parties = "/Organizations/Parties";

    /// <summary>The member's workspace: with no organization given, their only one (or a choice).</summary>
    public const string Workspace = "/Organizations/Workspace";

    /// <summary>An organization's public page (公示信息).</summary>
    public static string Profile(int organizationId) => "/Organizations/Org/" + LinkPath.Segment(organizationId);

    /// <summary>An organization's registration (or filing) certificate.</summary>
    public static string Certificate(int organizationId) => "/Organizations/Certificate/" + LinkPath.Segment(organizationId);

    /// <summary>The guide (办事指南) of one application kind.</summary>
    public static string Guide(string kind) => Guides + "/" + LinkPath.Segment(kind);

    /// <summary>The members of an organization, as its administrators manage them.</summary>
    public static string Members(int organizationId) => "/Organizations/Members/" + LinkPath.Segment(organizationId);

    /// <summary>The applicant's view of an application.</summary>
    public static string Application(int applicationId) => "/Organizations/Applications/" + LinkPath.Segment(applicationId);

    /// <summary>The applicant's form of a draft or returned application.</summary>
    public static string EditApplication(int applicationId) => "/Organizations/Applications/Edit/" + LinkPath.Segment(applicationId);

    /// <summary>A supervising unit's or street office's view of an application addressed to it, with its answer.</summary>
    public static string PreReviewApplication(int applicationId) => Parties + "/Application/" + LinkPath.Segment(applicationId);

    /// <summary>A supervising unit's or street office's view of one of its organizations.</summary>
    public static string PartyOrganization(int organizationId) => Parties + "/Organization/" + LinkPath.Segment(organizationId);

    /// <summary>The officers' view of an application.</summary>
    public static string AdminApplication(int applicationId) => AdminApplications + "/" + LinkPath.Segment(applicationId);

    /// <summary>
    /// The officers' list of applications filtered by kind, state (a state name, or <c>Running</c> / <c>Decided</c>),
    /// organization type, decision period, and overdue or due soon.
    /// </summary>
    public static string Applications(
        string? kind = null, string? state = null, string? type = null, DateOnly? from = null, DateOnly? to = null, bool overdue = false, bool soon = false) =>
        LinkPath.With(AdminApplications, ("kind", kind), ("state", state), ("type", type), ("from", from), ("to", to), ("overdue", overdue ? true : null), ("soon", soon ? true : null));

    /// <summary>
    /// The register filtered by type and status, by street (the empty street is the organizations without one), and
    /// as it stood at the end of <paramref name="asOf"/>.
    /// </summary>
    public static string Register(string? type = null, string? status = null, string? street = null, DateOnly? asOf = null) =>
        LinkPath.With(AdminRegister, ("street", street is null ? null : street.Length == 0 ? OrganizationCodes.NoStreet : street), ("type", type), ("status", status), ("asOf", asOf));

    /// <summary>The register's form for a new organization, or for an existing one.</summary>
    public static string EditRegister(int? organizationId = null) =>
        AdminRegister + "/Edit" + (organizationId is { } id ? "/" + LinkPath.Segment(id) : "");
}
