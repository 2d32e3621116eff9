using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Grants.Domain;

namespace Registry.Grants.Services;

/// <summary>Rounds: set-up, edits (row-versioned), copies for next year, and the lists the pages show.</summary>
public sealed class RoundService(DbContext db, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
{
    public Task<GrantRound?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<GrantRound>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<List<GrantRound>> AllAsync(CancellationToken cancellationToken) =>
        db.Set<GrantRound>().AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.OpensAt).ToListAsync(cancellationToken);

    /// <summary>Rounds whose call has opened (open or past), newest first: the public call list.</summary>
    public Task<List<GrantRound>> PublishedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<GrantRound>().AsNoTracking().Where(r => r.OpensAt <= now).OrderByDescending(r => r.ClosesAt).ToListAsync(cancellationToken);
    }

    public Task<OperationResult> CreateAsync(GrantRound round, CancellationToken cancellationToken) =>
        AddAsync(round, $"{round?.Programme} {round?.Name}", cancellationToken);

    private async Task<OperationResult> AddAsync(GrantRound round, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var errors = RoundRules.Check(round);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        round.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(round);
        audit.Record("grants.round-created", nameof(GrantRound), "new", summary);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>
    /// Saves the officer's edits of a tracked round (<paramref name="edit"/> applies them) unless someone saved in between,
    /// within <see cref="RoundRules.Check"/> and, as the call, applications and review go on, <see cref="RoundRules.CheckEdit"/>.
    /// The audit entry names the settings changed.
    /// </summary>
    public async Task<OperationResult> UpdateAsync(GrantRound round, long seenVersion, Action<GrantRound> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(edit);
        if (!IsEditable(round))
        {
            return OperationResult.Fail("", "Grant.Error.RoundClosed");
        }

        var before = round.CopyFor(0, round.Name, round.CreatedAt);
        edit(round);
        var submitted = await db.Set<GrantApplication>().AnyAsync(a => a.RoundId == round.Id && a.State != GrantState.Draft, cancellationToken);
        var reviewStarted = await db.Set<ReviewAssignment>().AnyAsync(a => a.RoundId == round.Id, cancellationToken);
        var errors = RoundRules.Check(round).Concat(RoundRules.CheckEdit(before, round, clock.GetUtcNow().UtcDateTime, submitted, reviewStarted)).ToList();
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        db.ExpectVersion(round, seenVersion);
        audit.Record("grants.round-updated", nameof(GrantRound), Id(round), $"{round.Programme} {round.Name}: {string.Join(", ", RoundRules.Changes(before, round))}");
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Next year's round with the same rules and a window a year later.</summary>
    public async Task<(OperationResult Result, GrantRound? Round)> CopyAsync(GrantRound source, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copyName = string.IsNullOrWhiteSpace(name)
            ? source.Name.Replace(source.Year.ToString(CultureInfo.InvariantCulture), (source.Year + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : name.Trim();
        var copy = source.CopyFor(1, copyName, clock.GetUtcNow().UtcDateTime);
        var result = await AddAsync(copy, $"{copy.Programme} {copy.Name}, copied from round {Id(source)}", cancellationToken);
        return (result, result.Succeeded ? copy : null);
    }

    /// <summary>A round's settings stay editable (within <see cref="RoundRules.CheckEdit"/>) until its shortlist is published.</summary>
    public static bool IsEditable(GrantRound round) => round is not null && RoundWorkflow.BeforeShortlist(round.Stage);

    /// <summary>
    /// The one way a round changes stage: through <see cref="RoundWorkflow"/> (with the call closed or not, now), recording the
    /// stage event and the audit entry on the tracked round; saved by the caller. Returns the refusal, or null when done.
    /// </summary>
    public OperationResult? Transition(GrantRound round, RoundTrigger trigger, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = round.Stage;
        if (RoundWorkflow.Next(from, trigger, RoundWorkflow.CallClosed(round, now)) is not { } to)
        {
            return trigger == RoundTrigger.PublishShortlist && !RoundWorkflow.CallClosed(round, now)
                ? OperationResult.Fail("", "Grant.Error.CallStillOpen", ChinaTime.Time(round.ClosesAt))
                : OperationResult.Fail("", "Grant.Error.StageRefused", "Grant.Stage." + from, "Grant.Trigger." + trigger);
        }

        round.Stage = to;
        db.Add(new RoundStageEvent { RoundId = round.Id, At = now, UserName = actor.Name, From = from, To = to });
        audit.Record("grants." + Kebab(trigger), nameof(GrantRound), Id(round),
            $"{round.Programme} {round.Name}: {from} → {to}{(string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim())}");
        return null;
    }

    /// <summary>The round's stage history, oldest first.</summary>
    public Task<List<RoundStageEvent>> StageEventsAsync(int roundId, CancellationToken cancellationToken) =>
        db.Set<RoundStageEvent>().AsNoTracking().Where(e => e.RoundId == roundId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);

    private static string Kebab(RoundTrigger trigger) => trigger switch
    {
        RoundTrigger.StartScreening => "screening-started",
        RoundTrigger.PublishShortlist => "shortlist-published",
        RoundTrigger.Award => "awarded",
        _ => trigger.ToString().ToLowerInvariant(),
    };

    internal static string Id(GrantRound round) => round.Id.ToString(CultureInfo.InvariantCulture);
}
