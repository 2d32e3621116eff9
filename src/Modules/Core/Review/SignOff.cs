using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Core.Settings;

namespace Registry.Core.Review;

/// <summary>A step of the internal sign-off (内部审批), always in this order.</summary>
public enum SignOffStep
{
    /// <summary>承办: the handling officer's proposal (拟办意见).</summary>
    Handle,

    /// <summary>审核: the section head's check (审核意见).</summary>
    Check,

    /// <summary>批准: the approving head's decision (批准意见).</summary>
    Approve,
}

/// <summary>One step taken on a case: who, when, which step and the opinion.</summary>
public sealed class SignOffEntry
{
    public long Id { get; set; }

    /// <summary>What kind of case, e.g. "RegistrationApplication"; with <see cref="SubjectId"/> it names the case.</summary>
    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public SignOffStep Step { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTime At { get; set; }

    public string Opinion { get; set; } = "";

    /// <summary>
    /// Set when the case went back (returned for correction, sent back): the step no longer counts towards the chain but
    /// stays in the history, and still binds its taker for separation of duties.
    /// </summary>
    public bool Superseded { get; set; }
}

/// <summary>
/// A sign-off chain of 1–3 steps in the order 承办 → 审核 → 批准, always ending with 批准: one step is 批准 alone, two are
/// 承办 → 批准, three all of them.
/// </summary>
public sealed record SignOffChain(IReadOnlyList<SignOffStep> Steps)
{
    public const int MinSteps = 1;

    public const int MaxSteps = 3;

    public static SignOffChain OfLength(int steps) => steps switch
    {
        1 => new([SignOffStep.Approve]),
        2 => new([SignOffStep.Handle, SignOffStep.Approve]),
        3 => new([SignOffStep.Handle, SignOffStep.Check, SignOffStep.Approve]),
        _ => throw new ArgumentOutOfRangeException(nameof(steps), steps, $"A sign-off chain has {MinSteps}–{MaxSteps} steps."),
    };

    /// <summary>A stored chain length ("1"–"3"); null for anything else.</summary>
    public static SignOffChain? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var steps) && steps is >= MinSteps and <= MaxSteps ? OfLength(steps) : null;

    public int Length => Steps.Count;

    /// <summary>The step waiting after the <paramref name="current"/> (not superseded) entries, or null when the chain is complete.</summary>
    public SignOffStep? Waiting(IEnumerable<SignOffEntry> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var done = current.Count(e => !e.Superseded);
        return done < Steps.Count ? Steps[done] : null;
    }

    /// <summary>Whether <paramref name="step"/> is the chain's last (the decision itself).</summary>
    public bool IsFinal(SignOffStep step) => step == Steps[^1];
}

/// <summary>The rules of taking a sign-off step.</summary>
public static class SignOffRules
{
    public const int MaxOpinionLength = 1000;

    /// <summary>
    /// Why <paramref name="userId"/> may not take <paramref name="step"/> now, or null when they may: the step must be the
    /// one waiting; an opinion is required, except at the final step where the decision itself is the opinion; and one person
    /// takes at most one kind of step in a case (separation of duties: whoever proposed cannot also check or approve, in any
    /// round), so a system actor (no user id) is not bound by it.
    /// </summary>
    public static FormError? Check(SignOffChain chain, IReadOnlyCollection<SignOffEntry> entries, SignOffStep step, string? userId, string? opinion)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(entries);
        if (chain.Waiting(entries) is not { } waiting)
        {
            return new FormError("", "Core.SignOff.Complete");
        }

        if (waiting != step)
        {
            return new FormError("", "Core.SignOff.NotWaiting", "Core.SignOff.Step." + step, "Core.SignOff.Step." + waiting);
        }

        if (string.IsNullOrWhiteSpace(opinion) && !chain.IsFinal(step))
        {
            return new FormError("Opinion", "Core.SignOff.OpinionRequired", "Core.SignOff.Opinion." + step);
        }

        if (opinion is not null && opinion.Trim().Length > MaxOpinionLength)
        {
            return new FormError("Opinion", "Core.SignOff.OpinionTooLong", MaxOpinionLength);
        }

        if (!string.IsNullOrEmpty(userId) && entries.FirstOrDefault(e => e.UserId == userId && e.Step != step) is { } other)
        {
            return new FormError("", "Core.SignOff.SamePerson", "Core.SignOff.Step." + other.Step, "Core.SignOff.Step." + step);
        }

        return null;
    }
}

/// <summary>
/// The internal sign-off of any kind of case (registration applications now; inspection results, ratings, grants and
/// credit-list entries can use the same): chains configured per chain key (setting <c>SignOff.Chain.{key}</c>, 1–3 steps),
/// steps recorded with who, when and the opinion, audited, and saved with the caller's SaveChanges so the step and the
/// case's own change commit together.
/// </summary>
public interface ISignOffs
{
    /// <summary>The chain configured for <paramref name="chainKey"/>, else one of <paramref name="defaultSteps"/> steps.</summary>
    Task<SignOffChain> ChainAsync(string chainKey, int defaultSteps, CancellationToken cancellationToken);

    /// <summary>Stores a chain length; refused (error key) outside 1–3.</summary>
    Task<FormError?> SetChainAsync(string chainKey, int steps, CancellationToken cancellationToken);

    /// <summary>All entries of a case, oldest first, superseded ones included.</summary>
    Task<IReadOnlyList<SignOffEntry>> EntriesAsync(string subjectType, string subjectId, CancellationToken cancellationToken);

    /// <summary>Checks <see cref="SignOffRules"/> for the current actor and records the step (not saved).</summary>
    Task<OperationResult> RecordAsync(SignOffChain chain, string subjectType, string subjectId, SignOffStep signOffStep, string? opinion, CancellationToken cancellationToken);

    /// <summary>Restarts the chain of a case (returned for correction or sent back): its entries are superseded (not saved).</summary>
    Task SupersedeAsync(string subjectType, string subjectId, CancellationToken cancellationToken);

    /// <summary>The not-superseded entries of a kind of case, for queries (e.g. a queue filtered by the step waiting).</summary>
    IQueryable<SignOffEntry> Current(string subjectType);
}

internal sealed class SignOffs(DbContext db, ISettings settings, IAuditTrail audit, ICurrentActor actor, TimeProvider clock) : ISignOffs
{
    public const string SettingPrefix = "SignOff.Chain.";

    public async Task<SignOffChain> ChainAsync(string chainKey, int defaultSteps, CancellationToken cancellationToken) =>
        SignOffChain.Parse(await settings.GetAsync(SettingPrefix + chainKey, cancellationToken)) ?? SignOffChain.OfLength(defaultSteps);

    public async Task<FormError?> SetChainAsync(string chainKey, int steps, CancellationToken cancellationToken)
    {
        if (steps is < SignOffChain.MinSteps or > SignOffChain.MaxSteps)
        {
            return new FormError("Steps", "Core.SignOff.ChainLength", SignOffChain.MinSteps, SignOffChain.MaxSteps);
        }

        var value = steps.ToString(CultureInfo.InvariantCulture);
        if (await settings.GetAsync(SettingPrefix + chainKey, cancellationToken) != value)
        {
            await settings.SetAsync(SettingPrefix + chainKey, value, cancellationToken);
            audit.Record("signoff.chain-set", "SignOffChain", chainKey, value);
        }

        return null;
    }

    public async Task<IReadOnlyList<SignOffEntry>> EntriesAsync(string subjectType, string subjectId, CancellationToken cancellationToken) =>
        await Tracked(subjectType, subjectId).ToListAsync(cancellationToken);

    public async Task<OperationResult> RecordAsync(SignOffChain chain, string subjectType, string subjectId, SignOffStep signOffStep, string? opinion, CancellationToken cancellationToken)
    {
        var step = signOffStep;
        ArgumentNullException.ThrowIfNull(chain);
        var entries = await Tracked(subjectType, subjectId).ToListAsync(cancellationToken);
        // Entries added in this unit of work but not yet saved count too.
        entries.AddRange(db.ChangeTracker.Entries<SignOffEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.SubjectType == subjectType && e.Entity.SubjectId == subjectId)
            .Select(e => e.Entity));
        if (SignOffRules.Check(chain, entries, step, actor.UserId, opinion) is { } error)
        {
            return new OperationResult([error]);
        }

        var entry = new SignOffEntry
        {
            SubjectType = subjectType,
            SubjectId = subjectId,
            Step = step,
            UserId = actor.UserId ?? "",
            UserName = actor.Name,
            At = clock.GetUtcNow().UtcDateTime,
            Opinion = opinion?.Trim() ?? "",
        };
        db.Add(entry);
        audit.Record("signoff." + step.ToString().ToLowerInvariant(), subjectType, subjectId, string.IsNullOrEmpty(entry.Opinion) ? $"{step}" : $"{step}: {entry.Opinion}");
        return OperationResult.Ok;
    }

    public async Task SupersedeAsync(string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        var current = await Tracked(subjectType, subjectId).Where(e => !e.Superseded).ToListAsync(cancellationToken);
        foreach (var entry in current)
        {
            entry.Superseded = true;
        }

        if (current.Count > 0)
        {
            audit.Record("signoff.restarted", subjectType, subjectId, string.Join(", ", current.Select(e => e.Step)));
        }
    }

    public IQueryable<SignOffEntry> Current(string subjectType) =>
        db.Set<SignOffEntry>().AsNoTracking().Where(e => e.SubjectType == subjectType && !e.Superseded);

    private IQueryable<SignOffEntry> Tracked(string subjectType, string subjectId) =>
        db.Set<SignOffEntry>().Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId).OrderBy(e => e.At).ThenBy(e => e.Id);
}

/// <summary>"sign-off-chains": sets chain lengths, e.g. <c>{ "chains": { "Organizations.Establishment": 3 } }</c>.</summary>
internal sealed class SignOffChainsRecipeStep(ISignOffs signOffs) : IRecipeStep
{
    public string Name => "sign-off-chains";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty("chains", out var chains) || chains.ValueKind != JsonValueKind.Object)
        {
            context.Error("'chains' object is required");
            return;
        }

        foreach (var chain in chains.EnumerateObject())
        {
            if (chain.Value.ValueKind != JsonValueKind.Number || !chain.Value.TryGetInt32(out var steps)
                || await signOffs.SetChainAsync(chain.Name, steps, cancellationToken) is not null)
            {
                context.Error($"chain '{chain.Name}' must have {SignOffChain.MinSteps}–{SignOffChain.MaxSteps} steps");
            }
        }
    }
}

/// <summary>
/// A kind of case whose internal sign-off the administrator may lengthen: a module declares each of its chains (e.g. in its
/// module class, <c>services.AddSingleton(new SignOffChainDeclaration(...))</c>) and the settings screen lists them.
/// </summary>
/// <param name="Key">The chain key (after <c>SignOff.Chain.</c>), e.g. <c>Organizations.Establishment</c>.</param>
/// <param name="LabelKey">A catalog key naming the kind of case, e.g. <c>Org.Kind.Establishment</c>.</param>
/// <param name="DefaultSteps">The chain's length while none is set.</param>
public sealed record SignOffChainDeclaration(string Key, string LabelKey, int DefaultSteps);

/// <summary>
/// "sign-off-chains" on the settings screen: the length (1–3 steps) of every declared chain, in one form, stored in the same
/// setting rows the <see cref="ISignOffs"/> read and the recipe step writes.
/// </summary>
internal sealed class SignOffChainsSection(IEnumerable<SignOffChainDeclaration> chains, DbContext db, IAuditTrail audit)
    : SettingRowsSection(db, audit)
{
    private readonly Dictionary<string, SignOffChainDeclaration> _chains = chains.DistinctBy(c => c.Key).ToDictionary(c => c.Key, StringComparer.Ordinal);

    public override string Id => "sign-off-chains";

    public override string TitleKey => "Settings.SignOff.Title";

    public override string DescriptionKey => "Settings.SignOff.Description";

    public override int Order => 5;

    public override IReadOnlyList<SettingsField> Fields =>
        [.. _chains.Values.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new SettingsField(c.Key, c.LabelKey, SettingsFieldKind.Number, SignOffChain.MinSteps, SignOffChain.MaxSteps, "Settings.SignOff.Hint"))];

    protected override string KeyOf(SettingsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return SignOffs.SettingPrefix + field.Name;
    }

    protected override string DefaultOf(SettingsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return _chains[field.Name].DefaultSteps.ToString(CultureInfo.InvariantCulture);
    }

    protected override string Normalize(SettingsField field, string value) =>
        int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    protected override FormError? Check(SettingsField field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var errors = new List<FormError>();
        SettingsInput.Number(new Dictionary<string, string> { [field.Name] = value ?? "" }, field, 0, errors);
        return errors.FirstOrDefault();
    }
}
