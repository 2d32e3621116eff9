using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;

namespace Registry.Core.Settings;

/// <summary>
/// The bureau's identity as documents, replies and mails name it (<c>Bureau.Name</c>, <c>Bureau.DivisionCode</c>,
/// <c>Bureau.District</c>), set by the "settings" recipe step or on the settings screen, checked the same way.
/// </summary>
internal sealed partial class BureauSettingsSection(DbContext db, IAuditTrail audit) : SettingRowsSection(db, audit)
{
    public const string NameKey = "Bureau.Name";
    public const string DivisionCodeKey = "Bureau.DivisionCode";
    public const string DistrictKey = "Bureau.District";

    private static readonly SettingsField NameField = new(NameKey, "Settings.Bureau.Name", SettingsFieldKind.Text);
    private static readonly SettingsField DivisionField = new(DivisionCodeKey, "Settings.Bureau.DivisionCode", SettingsFieldKind.Text, HintKey: "Settings.Bureau.DivisionCodeHint");
    private static readonly SettingsField DistrictField = new(DistrictKey, "Settings.Bureau.District", SettingsFieldKind.Text);

    public override string Id => "bureau";

    public override string TitleKey => "Settings.Bureau.Title";

    public override string DescriptionKey => "Settings.Bureau.Description";

    public override int Order => 0;

    public override IReadOnlyList<SettingsField> Fields { get; } = [NameField, DivisionField, DistrictField];

    /// <summary>The one check of a bureau setting, for the screen and the "settings" recipe step alike (null: valid or not a bureau key).</summary>
    public static FormError? Check(string key, string value)
    {
        var field = key switch
        {
            NameKey => NameField,
            DivisionCodeKey => DivisionField,
            DistrictKey => DistrictField,
            _ => null,
        };
        if (field is null)
        {
            return null;
        }

        var errors = new List<FormError>();
        var text = SettingsInput.Text(new Dictionary<string, string> { [key] = value }, field, "", errors);
        if (errors.Count > 0)
        {
            return errors[0];
        }

        // GB/T 2260: six digits, a county-level code does not end in 00.
        return key == DivisionCodeKey && !DivisionCode().IsMatch(text) ? new FormError(key, "Settings.Error.DivisionCode") : null;
    }

    protected override FormError? Check(SettingsField field, string value) => Check(field.Name, value);

    [GeneratedRegex("^[1-8][0-9]{3}(?!00)[0-9]{2}$")]
    private static partial Regex DivisionCode();
}
