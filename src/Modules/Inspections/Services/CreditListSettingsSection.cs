using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Forms;
using Registry.Core.Settings;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Services;

/// <summary>
/// The credit-list periods (民政部令第60号) on the settings screen: the configured values (<c>Registry:Inspections:CreditLists</c>)
/// are the defaults, a saved setting <c>Inspections.CreditLists</c> overrides them, read per request so a save applies at once.
/// </summary>
internal sealed class CreditListSettingsSection(SettingsStore store, CreditListDefaults defaults) : ISettingsSection
{
    public const string SettingKey = "Inspections.CreditLists";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>第十三条: an entry with nothing to fulfil ends after 6 months; a locality may not keep it longer.</summary>
    public static readonly SettingsField AbnormalExpiryMonths = new(nameof(CreditListRules.AbnormalExpiryMonths), "Insp.Settings.AbnormalExpiryMonths", SettingsFieldKind.Number, 1, 6, "Insp.Settings.AbnormalExpiryMonthsHint");

    /// <summary>第十四条(一): two years on the abnormal list lead to the serious list.</summary>
    public static readonly SettingsField YearsToSerious = new(nameof(CreditListRules.YearsToSerious), "Insp.Settings.YearsToSerious", SettingsFieldKind.Number, 1, 2, "Insp.Settings.YearsToSeriousHint");

    /// <summary>第十六条: an organization may apply to leave the serious list after two years.</summary>
    public static readonly SettingsField SeriousCleanYears = new(nameof(CreditListRules.SeriousCleanYears), "Insp.Settings.SeriousCleanYears", SettingsFieldKind.Number, 1, 5, "Insp.Settings.SeriousCleanYearsHint");

    /// <summary>第十三条: a verified entry ends within 5 working days.</summary>
    public static readonly SettingsField ExitWorkingDays = new(nameof(CreditListRules.ExitWorkingDays), "Insp.Settings.ExitWorkingDays", SettingsFieldKind.Number, 1, 5, "Insp.Settings.ExitWorkingDaysHint");

    public string Id => "credit-lists";

    public string TitleKey => "Insp.Settings.Title";

    public string DescriptionKey => "Insp.Settings.Description";

    public int Order => 200;

    public IReadOnlyList<SettingsField> Fields { get; } = [AbnormalExpiryMonths, YearsToSerious, SeriousCleanYears, ExitWorkingDays];

    /// <summary>The rules in force: the configured defaults with the saved periods over them.</summary>
    public static CreditListRules Current(DbContext db, CreditListDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(defaults);
        var stored = db.Set<Setting>().AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefault();
        return Apply(defaults.Rules, stored is null ? null : JsonSerializer.Deserialize<Periods>(stored, Json));
    }

    /// <summary>The one check of the periods, for the screen and the settings-section recipe step alike.</summary>
    public static IReadOnlyList<FormError> Check(CreditListRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return
        [
            .. Bounded(AbnormalExpiryMonths, rules.AbnormalExpiryMonths),
            .. Bounded(YearsToSerious, rules.YearsToSerious),
            .. Bounded(SeriousCleanYears, rules.SeriousCleanYears),
            .. Bounded(ExitWorkingDays, rules.ExitWorkingDays),
        ];
    }

    public async Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var (value, version) = await store.ReadAsync(SettingKey, cancellationToken);
        var rules = Apply(defaults.Rules, value is null ? null : JsonSerializer.Deserialize<Periods>(value, Json));
        return new SettingsSnapshot(
            new Dictionary<string, string>
            {
                [AbnormalExpiryMonths.Name] = SettingsInput.Format(rules.AbnormalExpiryMonths),
                [YearsToSerious.Name] = SettingsInput.Format(rules.YearsToSerious),
                [SeriousCleanYears.Name] = SettingsInput.Format(rules.SeriousCleanYears),
                [ExitWorkingDays.Name] = SettingsInput.Format(rules.ExitWorkingDays),
            },
            version);
    }

    public async Task<OperationResult> SaveAsync(IReadOnlyDictionary<string, string> values, long? seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (value, _) = await store.ReadAsync(SettingKey, cancellationToken);
        var current = Apply(defaults.Rules, value is null ? null : JsonSerializer.Deserialize<Periods>(value, Json));
        var errors = new List<FormError>();
        var periods = new Periods(
            SettingsInput.Number(values, AbnormalExpiryMonths, current.AbnormalExpiryMonths, errors),
            SettingsInput.Number(values, YearsToSerious, current.YearsToSerious, errors),
            SettingsInput.Number(values, SeriousCleanYears, current.SeriousCleanYears, errors),
            SettingsInput.Number(values, ExitWorkingDays, current.ExitWorkingDays, errors));
        if (errors.Count == 0)
        {
            errors.AddRange(Check(Apply(defaults.Rules, periods)));
        }

        return errors.Count > 0
            ? new OperationResult(errors)
            : await store.WriteAsync(SettingKey, JsonSerializer.Serialize(periods, Json), seenVersion, Id, cancellationToken);
    }

    private static IEnumerable<FormError> Bounded(SettingsField field, int value) =>
        value < field.Min || value > field.Max ? [new FormError(field.Name, "Settings.Error.Number", field.Label, field.Min, field.Max)] : [];

    private static CreditListRules Apply(CreditListRules defaults, Periods? periods) => new()
    {
        AbnormalExpiryMonths = periods?.AbnormalExpiryMonths ?? defaults.AbnormalExpiryMonths,
        YearsToSerious = periods?.YearsToSerious ?? defaults.YearsToSerious,
        SeriousCleanYears = periods?.SeriousCleanYears ?? defaults.SeriousCleanYears,
        ExitWorkingDays = periods?.ExitWorkingDays ?? defaults.ExitWorkingDays,
        ExpiringCauses = [.. defaults.ExpiringCauses],
    };

    /// <summary>What is saved; a period not saved keeps its configured value.</summary>
    private sealed record Periods(int? AbnormalExpiryMonths, int? YearsToSerious, int? SeriousCleanYears, int? ExitWorkingDays);
}

/// <summary>The credit-list rules as configured at start (<c>Registry:Inspections:CreditLists</c>): the defaults the settings screen overrides.</summary>
internal sealed record CreditListDefaults(CreditListRules Rules);
