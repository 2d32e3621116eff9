using Registry.Core.Security;

namespace Registry.Disclosure;

/// <summary>Permissions of government information disclosure (政府信息公开).</summary>
public static class DisclosurePermissions
{
    /// <summary>See the requests for disclosure and their clocks, without the applicants' identity details.</summary>
    public const string ViewRequests = "Disclosure.ViewRequests";

    /// <summary>
    /// Handle requests for disclosure (依申请公开): see the applicant's identity details, send 补正 notices, record
    /// consultations and approved extensions, answer. Only the disclosure office's staff hold it by default.
    /// </summary>
    public const string HandleRequests = "Disclosure.HandleRequests";

    /// <summary>Write and publish the annual disclosure report (政府信息公开工作年度报告, 条例 第四十九条).</summary>
    public const string ManageAnnualReport = "Disclosure.ManageAnnualReport";

    /// <summary>
    /// Turn the year-end figures (/Reports/Summary) into a draft 计划总结 item. The draft is a site article its maker writes
    /// and submits, so officers (who hold the articles' permissions) get it by default.
    /// </summary>
    public const string DraftItems = Contracts.IDisclosureDrafts.Permission;

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ViewRequests, "Permission.Disclosure.ViewRequests", RegistryRoles.Officer, RegistryRoles.DisclosureOfficer),
        new(HandleRequests, "Permission.Disclosure.HandleRequests", RegistryRoles.DisclosureOfficer),
        new(ManageAnnualReport, "Permission.Disclosure.ManageAnnualReport", RegistryRoles.DisclosureOfficer),
        new(DraftItems, "Permission.Disclosure.DraftItems", RegistryRoles.Officer),
    ];
}
