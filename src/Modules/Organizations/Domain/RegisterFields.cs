using System.Globalization;
using Registry.Core.Finance;

namespace Registry.Organizations.Domain;

/// <summary>
/// The register's editable particulars, one place for reading, writing and comparing them, so a change application's
/// diff, the revision record and the officer's correction all speak of the same fields.
/// </summary>
public static class RegisterFields
{
    /// <remarks><c>ReadRecord</c>: what <c>Read</c> gives on <see cref="ApplicationForm.From"/> of a record, read from the record itself.</remarks>
    private static readonly (string Key, Func<ApplicationForm, string?> Read, Action<Organization, ApplicationForm> Apply, Func<Organization, string?> ReadRecord)[] Fields =
    [
        ("Name", f => f.Name, (o, f) => o.Name = f.Name, o => o.Name),
        ("EnglishName", f => f.EnglishName, (o, f) => o.EnglishName = f.EnglishName, o => o.EnglishName),
        ("SupervisingUnit", f => f.SupervisingUnit, (o, f) => o.SupervisingUnit = f.SupervisingUnit, o => o.SupervisingUnit),
        ("LegalRepresentative", f => f.LegalRepresentative, (o, f) => o.LegalRepresentative = f.LegalRepresentative, o => o.LegalRepresentative),
        ("District", f => f.District, (o, f) => o.District = f.District, o => o.District),
        ("Street", f => f.Street, (o, f) => o.Street = f.Street, o => o.Street),
        ("Community", f => f.Community, (o, f) => o.Community = f.Community, o => o.Community),
        ("Address", f => f.Address, (o, f) => o.Address = f.Address, o => o.Address),
        ("ServiceFields", f => string.Join(',', f.ServiceFields), (o, f) => o.ServiceFields = string.Join(',', f.ServiceFields), o => ServiceFieldsOf(o.ServiceFields)),
        ("BusinessScope", f => f.BusinessScope, (o, f) => o.BusinessScope = f.BusinessScope, o => o.BusinessScope),
        ("ActivityFunds", f => new Money(f.ActivityFundsFen).Format(), (o, f) => o.ActivityFundsFen = f.ActivityFundsFen, o => new Money(o.ActivityFundsFen).Format()),
        ("IndividualMembers", f => f.IndividualMembers.ToString(CultureInfo.InvariantCulture), (o, f) => o.IndividualMembers = f.IndividualMembers, o => o.IndividualMembers.ToString(CultureInfo.InvariantCulture)),
        ("UnitMembers", f => f.UnitMembers.ToString(CultureInfo.InvariantCulture), (o, f) => o.UnitMembers = f.UnitMembers, o => o.UnitMembers.ToString(CultureInfo.InvariantCulture)),
        ("ContactName", f => f.ContactName, (o, f) => o.ContactName = f.ContactName, o => o.ContactName),
        ("ContactPhone", f => f.ContactPhone, (o, f) => o.ContactPhone = f.ContactPhone, o => o.ContactPhone),
        ("ContactEmail", f => f.ContactEmail, (o, f) => o.ContactEmail = f.ContactEmail, o => o.ContactEmail),
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

    /// <summary>What each field reads on an empty form (<see cref="Initial"/>'s "before"; no field reads the type).</summary>
    private static readonly string?[] EmptyValues = [.. Fields.Select(f => Normalize(f.Read(new ApplicationForm())))];

    /// <summary>
    /// <see cref="Diff"/> of an empty form of the record's type against the record's form (a new record's first revision),
    /// read straight from the record into <paramref name="changes"/> (cleared first): a bulk import builds one per row,
    /// and two forms with their lists per row were a good part of what it allocated.
    /// </summary>
    public static void Initial(Organization organization, ICollection<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(changes);
        changes.Clear();
        for (var i = 0; i < Fields.Length; i++)
        {
            var after = Normalize(Fields[i].ReadRecord(organization));
            if (after != EmptyValues[i])
            {
                changes.Add(new FieldChange(Fields[i].Key, EmptyValues[i], after));
            }
        }
    }

    /// <summary>The stored list as the form joins it back (entries trimmed, empty ones dropped); the text itself when already so.</summary>
    private static string ServiceFieldsOf(string stored)
    {
        var canonical = stored.Length == 0 || (stored[0] != ',' && stored[^1] != ',' && !char.IsWhiteSpace(stored[0]) && !char.IsWhiteSpace(stored[^1]));
        for (var i = 1; canonical && i < stored.Length; i++)
        {
            canonical = stored[i] != ',' || (stored[i - 1] != ',' && !char.IsWhiteSpace(stored[i - 1]) && (i + 1 == stored.Length || !char.IsWhiteSpace(stored[i + 1])));
        }

        return canonical ? stored : string.Join(',', Organization.SplitServiceFields(stored));
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
