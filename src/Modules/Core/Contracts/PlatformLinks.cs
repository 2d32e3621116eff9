namespace Registry.Core.Contracts;

/// <summary>
/// Addresses of the platform's own pages and endpoints (accounts, back-office home, users, calendar, audit, stored
/// files), for modules that link to them.
/// </summary>
public static class PlatformLinks
{
    public const string BackOffice = "/Admin";
    public const string Users = "/Admin/Users";
    public const string Calendar = "/Admin/Calendar";
    public const string Audit = "/Admin/Audit";
    public const string Roles = "/Admin/Roles";
    public const string Settings = "/Admin/Settings";
    public const string Register = "/Account/Register";
    public const string Notifications = "/Account/Notifications";

    /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string Login(string? returnUrl = null) => LinkPath.With("/Account/Login", ("ReturnUrl", returnUrl));

    /// <summary>A stored file (charter, evidence, signed agreement), served after an authorization check.</summary>
    public static string File(Guid id) => "/files/" + LinkPath.Segment(id);
}
