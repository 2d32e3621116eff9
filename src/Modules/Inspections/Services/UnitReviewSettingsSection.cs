using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Forms;
using Registry.Core.Settings;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Services;

/// <summary>The configured terms of the unit's 初审 (<c>Registry:Inspections:UnitReview</c>), as the settings screen's defaults.</summary>
public sealed class UnitReviewOptions
{
    /// <summary>The fixed day, <c>MM-dd</c> in the year after the report year.</summary>
    public string Deadline { get; set; } = UnitReviewTerms.Default.DeadlineText;

    public int MinimumWorkingDays { get; set; } = UnitReviewTerms.Default.MinimumWorkingDays;

    /// <summary>The terms, or an exception at start naming the bad value.</summary>
    public UnitReviewTerms ToTerms()
    {
        var day = UnitReviewRules.ParseDeadline(Deadline) ?? throw new InvalidOperationException($"Registry:Inspections:UnitReview:Deadline '{Deadline}' is not a day MM-dd");
        return MinimumWorkingDays is < 1 or > UnitReviewRules.MaxMinimumWorkingDays
            ? throw new InvalidOperationException($"Registry:Inspections:UnitReview:MinimumWorkingDays must be 1–{UnitReviewRules.MaxMinimumWorkingDays}")
            : new UnitReviewTerms(day.Month, day.Day, MinimumWorkingDays);
    }
}

/// <summary>The configured terms: the defaults the settings screen overrides.</summary>
internal sealed record UnitReviewDefaults(UnitReviewTerms Terms);

/// <summary>
/// The supervising unit's 初审 deadline on the settings screen (and the <c>settings-section</c> recipe step): a saved setting
/// <c>Inspections.UnitReview</c> overrides the configured terms, read per request so a save applies at once.
/// </summary>
internal sealed class UnitReviewSettingsSection(SettingsStore store, UnitReviewDefaults defaults) : ISettingsSection
{
    public const string SettingKey = "Inspections.UnitReview";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly SettingsField Deadline = new(nameof(UnitReviewOptions.Deadline), "Insp.UnitSettings.Deadline", SettingsFieldKind.Text, HintKey: "Insp.UnitSettings.DeadlineHint");

    public static readonly SettingsField MinimumWorkingDays = new(nameof(UnitReviewOptions.MinimumWorkingDays), "Insp.UnitSettings.MinimumWorkingDays", SettingsFieldKind.Number, 1, UnitReviewRules.MaxMinimumWorkingDays, "Insp.UnitSettings.MinimumWorkingDaysHint");

    public string Id => "unit-review";

    public string TitleKey => "Insp.UnitSettings.Title";

    public string DescriptionKey => "Insp.UnitSettings.Description";

    public int Order => 210;

    public IReadOnlyList<SettingsField> Fields { get; } = [Deadline, MinimumWorkingDays];

    /// <summary>The terms in force: the configured ones with the saved values over them.</summary>
    public static UnitReviewTerms Current(DbContext db, UnitReviewDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(defaults);
        var stored = db.Set<Setting>().AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefault();
        return Apply(defaults.Terms, Read(stored));
    }

    public async Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var (value, version) = await store.ReadAsync(SettingKey, cancellationToken);
        var terms = Apply(defaults.Terms, Read(value));
        return new SettingsSnapshot(
            new Dictionary<string, string> { [Deadline.Name] = terms.DeadlineText, [MinimumWorkingDays.Name] = SettingsInput.Format(terms.MinimumWorkingDays) },
            version);
    }

    public async Task<OperationResult> SaveAsync(IReadOnlyDictionary<string, string> values, long? seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (value, _) = await store.ReadAsync(SettingKey, cancellationToken);
        var current = Apply(defaults.Terms, Read(value));
        var errors = new List<FormError>();
        var text = SettingsInput.Text(values, Deadline, current.DeadlineText, errors);
        var day = UnitReviewRules.ParseDeadline(text);
        if (errors.Count == 0 && day is null)
        {
            errors.Add(new FormError(Deadline.Name, "Insp.UnitSettings.Error.Deadline", Deadline.Label));
        }

        var minimum = SettingsInput.Number(values, MinimumWorkingDays, current.MinimumWorkingDays, errors);

        return errors.Count > 0
            ? new OperationResult(errors)
            : await store.WriteAsync(SettingKey, JsonSerializer.Serialize(new Saved(text, minimum), Json), seenVersion, Id, cancellationToken);
    }

    private static Saved? Read(string? stored) => stored is null ? null : JsonSerializer.Deserialize<Saved>(stored, Json);

    private static UnitReviewTerms Apply(UnitReviewTerms defaults, Saved? saved) =>
        UnitReviewRules.ParseDeadline(saved?.Deadline) is { } day
            ? new UnitReviewTerms(day.Month, day.Day, saved?.MinimumWorkingDays ?? defaults.MinimumWorkingDays)
            : defaults with { MinimumWorkingDays = saved?.MinimumWorkingDays ?? defaults.MinimumWorkingDays };

    /// <summary>What is saved; a value not saved keeps its configured one.</summary>
    private sealed record Saved(string? Deadline, int? MinimumWorkingDays);
}
