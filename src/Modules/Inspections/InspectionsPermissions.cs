using Registry.Core.Security;

namespace Registry.Inspections;

/// <summary>Permissions of annual inspections and the credit lists.</summary>
public static class InspectionsPermissions
{
    /// <summary>Fill in and submit annual reports and rectifications for one's own organizations.</summary>
    public const string File = "Inspections.File";

    /// <summary>Open campaigns, review reports, record results, verify rectifications, import results, publish results.</summary>
    public const string Review = "Inspections.Review";

    /// <summary>Enter organizations on the credit lists and take them off by decision.</summary>
    public const string ManageCreditLists = "Inspections.CreditLists.Manage";

    /// <summary>A supervising unit's 初审 of its own organizations' annual reports (agree or return, with an opinion).</summary>
    public const string UnitReview = "Inspections.UnitReview";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(File, "Permission.Inspections.File", RegistryRoles.Applicant),
        new(Review, "Permission.Inspections.Review", RegistryRoles.Officer),
        new(ManageCreditLists, "Permission.Inspections.CreditLists.Manage", RegistryRoles.Officer),
        new(UnitReview, "Permission.Inspections.UnitReview", RegistryRoles.SupervisingUnit),
    ];
}
