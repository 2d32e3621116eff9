using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Forms;
using Registry.Core.Settings;
using Registry.Feedback.Domain;

namespace Registry.Feedback.Services;

/// <summary>
/// The 好差评 settings on the settings screen (and the <c>settings-section</c> recipe step): rating window, follow-up period in
/// working days, the reasons to choose from. Configured values (<c>Registry:Feedback</c>) are the defaults; a saved setting
/// <c>Feedback.Rules</c> overrides them, read per request so a save applies at once.
/// </summary>
internal sealed class FeedbackSettingsSection(SettingsStore store, FeedbackDefaults defaults) : ISettingsSection
{
    public const string SettingKey = "Feedback.Rules";

    public const int MaxReasons = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly SettingsField RatingWindowDays = new(nameof(FeedbackRules.RatingWindowDays), "Fb.Settings.RatingWindowDays", SettingsFieldKind.Number, 1, 365, "Fb.Settings.RatingWindowDaysHint");

    public static readonly SettingsField FollowUpWorkingDays = new(nameof(FeedbackRules.FollowUpWorkingDays), "Fb.Settings.FollowUpWorkingDays", SettingsFieldKind.Number, 1, 60, "Fb.Settings.FollowUpWorkingDaysHint");

    public static readonly SettingsField Reasons = new(nameof(FeedbackRules.Reasons), "Fb.Settings.Reasons", SettingsFieldKind.Lines, 0, 0, "Fb.Settings.ReasonsHint");

    public string Id => "feedback";

    public string TitleKey => "Fb.Settings.Title";

    public string DescriptionKey => "Fb.Settings.Description";

    public int Order => 400;

    public IReadOnlyList<SettingsField> Fields { get; } = [RatingWindowDays, FollowUpWorkingDays, Reasons];

    /// <summary>The rules in force: the configured defaults with the saved values over them.</summary>
    public static async Task<FeedbackRules> CurrentAsync(DbContext db, FeedbackDefaults defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(defaults);
        var stored = await db.Set<Setting>().AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return Apply(defaults.Rules, Parse(stored));
    }

    public async Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var (value, version) = await store.ReadAsync(SettingKey, cancellationToken);
        var rules = Apply(defaults.Rules, Parse(value));
        return new SettingsSnapshot(
            new Dictionary<string, string>
            {
                [RatingWindowDays.Name] = SettingsInput.Format(rules.RatingWindowDays),
                [FollowUpWorkingDays.Name] = SettingsInput.Format(rules.FollowUpWorkingDays),
                [Reasons.Name] = SettingsInput.Join(rules.Reasons),
            },
            version);
    }

    public async Task<OperationResult> SaveAsync(IReadOnlyDictionary<string, string> values, long? seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (value, _) = await store.ReadAsync(SettingKey, cancellationToken);
        var current = Apply(defaults.Rules, Parse(value));
        var errors = new List<FormError>();
        var saved = new Stored(
            SettingsInput.Number(values, RatingWindowDays, current.RatingWindowDays, errors),
            SettingsInput.Number(values, FollowUpWorkingDays, current.FollowUpWorkingDays, errors),
            [.. SettingsInput.Lines(values, Reasons, current.Reasons, errors)]);
        if (errors.Count == 0 && (saved.Reasons!.Count == 0 || saved.Reasons.Count > MaxReasons))
        {
            errors.Add(new FormError(Reasons.Name, "Fb.Settings.ReasonsCount", Reasons.Label, MaxReasons));
        }

        return errors.Count > 0
            ? new OperationResult(errors)
            : await store.WriteAsync(SettingKey, JsonSerializer.Serialize(saved, Json), seenVersion, Id, cancellationToken);
    }

    private static Stored? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Stored>(value, Json);
        }
        catch (JsonException)
        {
            // A hand-edited row must not take the pages down: the defaults apply.
            return null;
        }
    }

    private static FeedbackRules Apply(FeedbackRules defaults, Stored? stored) => new()
    {
        RatingWindowDays = stored?.RatingWindowDays ?? defaults.RatingWindowDays,
        FollowUpWorkingDays = stored?.FollowUpWorkingDays ?? defaults.FollowUpWorkingDays,
        Reasons = stored?.Reasons is { Count: > 0 } reasons ? reasons : defaults.Reasons,
    };

    /// <summary>What is saved; a value not saved keeps its configured one.</summary>
    private sealed record Stored(int? RatingWindowDays, int? FollowUpWorkingDays, List<string>? Reasons);
}

/// <summary>The rules as configured at start (<c>Registry:Feedback</c>): the defaults the settings screen overrides.</summary>
public sealed record FeedbackDefaults(FeedbackRules Rules);
