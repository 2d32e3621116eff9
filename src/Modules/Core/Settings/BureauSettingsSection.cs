using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Outbox;

namespace Registry.Core.Settings;

/// <summary>
/// The bureau's identity as documents, replies and mails name it (<c>Bureau.Name</c>, <c>Bureau.DivisionCode</c>,
/// <c>Bureau.District</c>), set by the "settings" recipe step or on the settings screen, checked the same way.
/// </summary>
internal sealed partial class BureauSettingsSection(DbContext db, IAuditTrail audit, IOutbox outbox) : ISettingsSection
{
    public const string NameKey = "Bureau.Name";
    public const string DivisionCodeKey = "Bureau.DivisionCode";
    public const string DistrictKey = "Bureau.District";

    private static readonly SettingsField NameField = new(NameKey, "Settings.Bureau.Name", SettingsFieldKind.Text);
    private static readonly SettingsField DivisionField = new(DivisionCodeKey, "Settings.Bureau.DivisionCode", SettingsFieldKind.Text, HintKey: "Settings.Bureau.DivisionCodeHint");
    private static readonly SettingsField DistrictField = new(DistrictKey, "Settings.Bureau.District", SettingsFieldKind.Text);

    public string Id => "bureau";

    public string TitleKey => "Settings.Bureau.Title";

    public string DescriptionKey => "Settings.Bureau.Description";

    public int Order => 0;

    public IReadOnlyList<SettingsField> Fields { get; } = [NameField, DivisionField, DistrictField];

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

    public async Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(tracked: false, cancellationToken);
        return new SettingsSnapshot(Fields.ToDictionary(f => f.Name, f => rows.GetValueOrDefault(f.Name)?.Value ?? ""), Version(rows));
    }

    public async Task<OperationResult> SaveAsync(IReadOnlyDictionary<string, string> values, long? seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = Fields.Where(f => values.ContainsKey(f.Name)).Select(f => Check(f.Name, values[f.Name])).OfType<FormError>().ToList();
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var rows = await RowsAsync(tracked: true, cancellationToken);
        // Three rows, one form: the form's version is the sum of theirs (each only grows), and each row is checked on save.
        if (seenVersion is { } seen && seen != Version(rows))
        {
            return OperationResult.Stale;
        }

        var changed = new List<string>();
        foreach (var field in Fields.Where(f => values.ContainsKey(f.Name)))
        {
            var value = values[field.Name].Trim();
            if (rows.TryGetValue(field.Name, out var row))
            {
                if (row.Value != value)
                {
                    db.ExpectVersion(row, row.Version);
                    row.Value = value;
                    changed.Add($"{field.Name}={value}");
                }
            }
            else
            {
                db.Add(new Setting { Key = field.Name, Value = value, Version = 1 });
                changed.Add($"{field.Name}={value}");
            }
        }

        if (changed.Count == 0)
        {
            return OperationResult.Ok;
        }

        audit.Record("settings.changed", "Setting", Id, string.Join("; ", changed));
        outbox.Publish(SettingsStore.Topic, new { key = Id });
        var result = await db.SaveOrConflictAsync(cancellationToken);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private static long Version(Dictionary<string, Setting> rows) => rows.Values.Sum(r => r.Version);

    private async Task<Dictionary<string, Setting>> RowsAsync(bool tracked, CancellationToken cancellationToken)
    {
        string[] keys = [NameKey, DivisionCodeKey, DistrictKey];
        var query = db.Set<Setting>().Where(s => keys.Contains(s.Key));
        return await (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(s => s.Key, cancellationToken);
    }

    [GeneratedRegex("^[1-8][0-9]{3}(?!00)[0-9]{2}$")]
    private static partial Regex DivisionCode();
}
