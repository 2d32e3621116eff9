using System.Globalization;
using Registry.Core.Finance;

namespace Registry.Organizations.Domain;

/// <summary>
/// The register's editable particulars, one place for reading, writing and comparing them, so a change application's
/// diff, the revision record and the officer's correction all speak of the same fields.
/// </summary>
public static class RegisterFields
{
    private static readonly (string Key, Func<ApplicationForm, string?> Read, Action<Organization, ApplicationForm> Apply)[] Fields =
    [
        ("Name", f => f.Name, (o, f) => o.Name = f.Name),
        ("EnglishName", f => f.EnglishName, (o, f) => o.EnglishName = f.EnglishName),
        ("SupervisingUnit", f => f.SupervisingUnit, (o, f) => o.SupervisingUnit = f.SupervisingUnit),
        ("LegalRepresentative", f => f.LegalRepresentative, (o, f) => o.LegalRepresentative = f.LegalRepresentative),
        ("District", f => f.District, (o, f) => o.District = f.District),
        ("Street", f => f.Street, (o, f) => o.Street = f.Street),
        ("Community", f => f.Community, (o, f) => o.Community = f.Community),
        ("Address", f => f.Address, (o, f) => o.Address = f.Address),
        ("ServiceFields", f => string.Join(',', f.ServiceFields), (o, f) => o.ServiceFields = string.Join(',', f.ServiceFields)),
        ("BusinessScope", f => f.BusinessScope, (o, f) => o.BusinessScope = f.BusinessScope),
        ("ActivityFunds", f => new Money(f.ActivityFundsFen).Format(), (o, f) => o.ActivityFundsFen = f.ActivityFundsFen),
        ("IndividualMembers", f => f.IndividualMembers.ToString(CultureInfo.InvariantCulture), (o, f) => o.IndividualMembers = f.IndividualMembers),
        ("UnitMembers", f => f.UnitMembers.ToString(CultureInfo.InvariantCulture), (o, f) => o.UnitMembers = f.UnitMembers),
        ("ContactName", f => f.ContactName, (o, f) => o.ContactName = f.ContactName),
        ("ContactPhone", f => f.ContactPhone, (o, f) => o.ContactPhone = f.ContactPhone),
        ("ContactEmail", f => f.ContactEmail, (o, f) => o.ContactEmail = f.ContactEmail),
    ];

    /// <summary>Field-by-field differences between two versions (localization key suffixes in <see cref="FieldChange.Field"/>).</summary>
    public static IReadOnlyList<FieldChange> Diff(ApplicationForm before, ApplicationForm after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. Fields
            .Select(f => new FieldChange(f.Key, Normalize(f.Read(before)), Normalize(f.Read(after))))
            .Where(c => c.Before != c.After)];
    }

    /// <summary>Fields a change application cannot edit (the district follows the bureau, not the applicant).</summary>
    public static readonly IReadOnlySet<string> NotApplicantEditable = new HashSet<string>(StringComparer.Ordinal) { "District" };

    /// <summary>
    /// A change application's effect on the register (issue: an approved 变更登记 must apply only what the applicant
    /// changed): the fields the applicant changed against <see cref="ApplicationForm.Registered"/> (the register when the
    /// application was started; today's register for an application without it), from today's register value to the
    /// applicant's. Fields the applicant cannot edit, or did not touch, never appear, so nothing is blanked by omission.
    /// </summary>
    public static IReadOnlyList<FieldChange> RequestedChanges(ApplicationForm register, ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(form);
        var baseline = form.Registered ?? register;
        return [.. Fields
            .Where(f => !NotApplicantEditable.Contains(f.Key) && Normalize(f.Read(baseline)) != Normalize(f.Read(form)))
            .Select(f => new FieldChange(f.Key, Normalize(f.Read(register)), Normalize(f.Read(form))))
            .Where(c => c.Before != c.After)];
    }

    /// <summary>Writes exactly the changed fields onto the record.</summary>
    public static void Apply(Organization organization, ApplicationForm form, IEnumerable<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var changed = changes.Select(c => c.Field).ToHashSet();
        foreach (var field in Fields.Where(f => changed.Contains(f.Key)))
        {
            field.Apply(organization, form);
        }
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
