using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;

namespace Registry.Core.Settings;

/// <summary>How a settings field is edited and parsed.</summary>
public enum SettingsFieldKind
{
    /// <summary>A whole number within <see cref="SettingsField.Min"/>–<see cref="SettingsField.Max"/>.</summary>
    Number,

    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A list, one item per line.</summary>
    Lines,

    /// <summary>An amount of money in yuan (stored in fen), within the bounds in fen.</summary>
    Money,
}

/// <summary>One field of a settings section; <see cref="Name"/> is also the field its validator names in errors.</summary>
public sealed record SettingsField(string Name, string LabelKey, SettingsFieldKind Kind, long Min = 0, long Max = 0, string? HintKey = null, params object[] LabelArgs)
{
    /// <summary>The label with its arguments, for the page and as an argument of error messages.</summary>
    public LocalizedText Label => new(LabelKey, LabelArgs);
}

/// <summary>A section's stored values as form text, and the row version the form must send back.</summary>
public sealed record SettingsSnapshot(IReadOnlyDictionary<string, string> Values, long Version);

/// <summary>
/// A group of settings a module lets the administrator change on the settings screen (issue 19) and a recipe set through
/// the <c>settings-section</c> step: both go through <see cref="SaveAsync"/>, so both are validated the same way.
/// </summary>
public interface ISettingsSection
{
    /// <summary>Kebab-case, unique: the page address and the recipe's "section".</summary>
    string Id { get; }

    string TitleKey { get; }

    /// <summary>A sentence under the title (what the settings govern, the legal basis).</summary>
    string DescriptionKey { get; }

    int Order { get; }

    IReadOnlyList<SettingsField> Fields { get; }

    Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Parses and validates <paramref name="values"/> (fields not given keep their value) and saves, audited.
    /// <paramref name="seenVersion"/>: the version the form showed (a conflict when it moved on); null from a recipe.
    /// </summary>
    Task<OperationResult> SaveAsync(IReadOnlyDictionary<string, string> values, long? seenVersion, CancellationToken cancellationToken);
}

/// <summary>
/// Reads and writes one setting row for a section: row version checked, audited, saved at once. Nothing caches a setting
/// (<see cref="ISettings"/> reads the row), so a change announces nothing on the outbox.
/// </summary>
public sealed class SettingsStore(DbContext db, IAuditTrail audit)
{
    public async Task<(string? Value, long Version)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var setting = await db.Set<Setting>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        return (setting?.Value, setting?.Version ?? 0);
    }

    /// <summary>Writes <paramref name="value"/> as the user saw the row at <paramref name="seenVersion"/> (0: absent; null: do not check).</summary>
    public async Task<OperationResult> WriteAsync(string key, string value, long? seenVersion, string section, CancellationToken cancellationToken)
    {
        var setting = await db.Set<Setting>().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
        {
            if (seenVersion is > 0)
            {
                return OperationResult.Stale;
            }

            // Version 1, so a form that saw no row (version 0) is stale once someone created it.
            db.Add(new Setting { Key = key, Value = value, Version = 1 });
        }
        else
        {
            if (seenVersion is { } seen)
            {
                db.ExpectVersion(setting, seen);
            }

            if (setting.Value == value)
            {
                return OperationResult.Ok;
            }

            setting.Value = value;
        }

        audit.Record("settings.changed", "Setting", key, string.Create(CultureInfo.InvariantCulture, $"{section}: {Shorten(value)}"));
        var result = await db.SaveOrConflictAsync(cancellationToken);
        if (!result.Succeeded)
        {
            // Someone saved first: forget this request's edits so the page shows what is stored now.
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private static string Shorten(string value) => value.Length <= 2000 ? value : value[..2000] + "…";
}

/// <summary>Parsing of settings form text, with the same messages for every section.</summary>
public static class SettingsInput
{
    public const int MaxLineLength = 100;

    public const int MaxLines = 200;

    /// <summary>The field's number, or an error naming its label and bounds (bounded: no 9999-style values, no negatives where not allowed).</summary>
    public static int Number(IReadOnlyDictionary<string, string> values, SettingsField field, int current, List<FormError> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(errors);
        if (!values.TryGetValue(field.Name, out var text))
        {
            return current;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= field.Min && number <= field.Max)
        {
            return number;
        }

        errors.Add(new FormError(field.Name, "Settings.Error.Number", field.Label, field.Min, field.Max));
        return current;
    }

    /// <summary>An amount in yuan as typed (up to two decimals), in fen within the field's bounds.</summary>
    public static long Money(IReadOnlyDictionary<string, string> values, SettingsField field, long current, List<FormError> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(errors);
        if (!values.TryGetValue(field.Name, out var text))
        {
            return current;
        }

        if (Finance.Money.TryParse(text, out var money, out _) && money.Fen >= field.Min && money.Fen <= field.Max)
        {
            return money.Fen;
        }

        errors.Add(new FormError(field.Name, "Settings.Error.Money", field.Label, new Finance.Money(field.Min).Format(), new Finance.Money(field.Max).Format()));
        return current;
    }

    public static string Text(IReadOnlyDictionary<string, string> values, SettingsField field, string current, List<FormError> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(errors);
        if (!values.TryGetValue(field.Name, out var text))
        {
            return current;
        }

        text = text.Trim();
        if (text.Length == 0 || text.Length > MaxLineLength || text.Any(char.IsControl))
        {
            errors.Add(new FormError(field.Name, "Settings.Error.Text", field.Label, MaxLineLength));
            return current;
        }

        return text;
    }

    /// <summary>The non-empty lines, trimmed; duplicates and over-long lines are refused rather than silently dropped.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyDictionary<string, string> values, SettingsField field, IReadOnlyList<string> current, List<FormError> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(errors);
        if (!values.TryGetValue(field.Name, out var text))
        {
            return current;
        }

        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > MaxLines || lines.Any(l => l.Length > MaxLineLength || l.Any(char.IsControl)))
        {
            errors.Add(new FormError(field.Name, "Settings.Error.Lines", field.Label, MaxLines, MaxLineLength));
            return current;
        }

        if (lines.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors.Add(new FormError(field.Name, "Settings.Error.Duplicate", field.Label, duplicate.Key));
            return current;
        }

        return lines;
    }

    /// <summary>Form text of a list: one item per line.</summary>
    public static string Join(IEnumerable<string> items) => string.Join('\n', items);

    public static string Format(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Form text of an amount in fen, in yuan.</summary>
    public static string FormatMoney(long fen) => new Finance.Money(fen).ToYuanString();
}
