using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;

namespace Registry.Core.Settings;

/// <summary>
/// A settings section whose fields are one setting row each (<see cref="KeyOf"/>): checked per field, saved together with the
/// rows' versions summed as the form's version, audited.
/// </summary>
public abstract class SettingRowsSection(DbContext db, IAuditTrail audit) : ISettingsSection
{
    public abstract string Id { get; }

    public abstract string TitleKey { get; }

    public abstract string DescriptionKey { get; }

    public abstract int Order { get; }

    public abstract IReadOnlyList<SettingsField> Fields { get; }

    /// <summary>The setting row a field is stored in (its name by default).</summary>
    protected virtual string KeyOf(SettingsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Name;
    }

    /// <summary>What the form shows while the row is absent.</summary>
    protected virtual string DefaultOf(SettingsField field) => "";

    /// <summary>The stored form of a valid value.</summary>
    protected virtual string Normalize(SettingsField field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim();
    }

    /// <summary>Why <paramref name="value"/> is refused for <paramref name="field"/>, or null.</summary>
    protected abstract FormError? Check(SettingsField field, string value);

    public async Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(tracked: false, cancellationToken);
        return new SettingsSnapshot(Fields.ToDictionary(f => f.Name, f => rows.GetValueOrDefault(KeyOf(f))?.Value ?? DefaultOf(f)), Version(rows));
    }

    public async Task<OperationResult> SaveAsync(IReadOnlyDictionary<string, string> values, long? seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = Fields.Where(f => values.ContainsKey(f.Name)).Select(f => Check(f, values[f.Name])).OfType<FormError>().ToList();
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var rows = await RowsAsync(tracked: true, cancellationToken);
        // Several rows, one form: the form's version is the sum of theirs (each only grows), and each row is checked on save.
        if (seenVersion is { } seen && seen != Version(rows))
        {
            return OperationResult.Stale;
        }

        var changed = new List<string>();
        foreach (var field in Fields.Where(f => values.ContainsKey(f.Name)))
        {
            var value = Normalize(field, values[field.Name]);
            if (rows.TryGetValue(KeyOf(field), out var row))
            {
                if (row.Value != value)
                {
                    db.ExpectVersion(row, row.Version);
                    row.Value = value;
                    changed.Add($"{KeyOf(field)}={value}");
                }
            }
            else
            {
                db.Add(new Setting { Key = KeyOf(field), Value = value, Version = 1 });
                changed.Add($"{KeyOf(field)}={value}");
            }
        }

        if (changed.Count == 0)
        {
            return OperationResult.Ok;
        }

        audit.Record("settings.changed", "Setting", Id, string.Join("; ", changed));
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
        var keys = Fields.Select(KeyOf).ToList();
        var query = db.Set<Setting>().Where(s => keys.Contains(s.Key));
        return await (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(s => s.Key, cancellationToken);
    }
}
