using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Cultivation.Contracts;
using Registry.Cultivation.Domain;
using Registry.Inspections.Contracts;
using Registry.Notices.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Services;

/// <summary>One member as a hub's account sees it: the register's facts, the last inspection result and the open obligations.</summary>
public sealed record MemberStanding(
    int OrganizationId,
    string Name,
    string TypeCode,
    string Status,
    int Grade,
    CreditStanding Standing,
    int? InspectionYear,
    string? InspectionResult,
    IReadOnlyList<Obligation> Obligations,
    DateTime? LastReminderAt);

/// <summary>
/// Hub organizations (枢纽型社会组织): recognition in batches (a decision published as a notice), members linked from the
/// register, coverage, the hub account's read-only view of its members and the reminders it sends them. The register's
/// hub fields are set through <see cref="IOrganizationRegister"/>.
/// </summary>
public sealed class HubService(
    DbContext db,
    IOrganizationRegister register,
    IOrganizationStandings standings,
    IEnumerable<IObligationSource> obligationSources,
    IOrganizationNotifier notifier,
    INoticePublisher notices,
    IOutbox outbox,
    HubCoverageCache coverageCache,
    ITextCatalog catalog,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const string SourceModule = "Cultivation";

    /// <summary>A hub account may remind one member once a day (a reminder is a nudge, not a mailing list).</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromHours(20);

    private static readonly CultureInfo Bureau = CultureInfo.GetCultureInfo("zh-CN");

    public static string NoticeKey(int batchNumber) => "hub-batch-" + batchNumber.ToString(CultureInfo.InvariantCulture);

    public Task<List<HubBatch>> BatchesAsync(CancellationToken cancellationToken) =>
        db.Set<HubBatch>().AsNoTracking().Include(b => b.Hubs).ThenInclude(h => h.Members).OrderBy(b => b.Number).ToListAsync(cancellationToken);

    public Task<Hub?> FindAsync(int hubId, CancellationToken cancellationToken) =>
        db.Set<Hub>().Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == hubId, cancellationToken);

    /// <summary>Recognises a batch of hubs: validates, saves, marks the register, publishes the decision as a notice, all in one transaction.</summary>
    public async Task<(HubBatch? Batch, OperationResult Result)> RecognizeAsync(BatchInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = ChinaTime.Today(clock);
        var errors = HubRules.Validate(input, today).ToList();
        if (errors.Count == 0 && await db.Set<HubBatch>().AnyAsync(b => b.Number == input.Number, cancellationToken))
        {
            errors.Add(new FormError("Number", "Cult.Error.BatchExists", input.Number));
        }

        var organizations = errors.Count == 0
            ? (await register.FindByCodesAsync([.. input.Hubs.Select(h => h.Code).Distinct()], cancellationToken))
                .SelectMany(o => new[] { (o.CreditCode, o), (o.FilingNumber, o) }).Where(p => p.Item1 is not null).ToDictionary(p => p.Item1!, p => p.o, StringComparer.Ordinal)
            : [];
        foreach (var line in errors.Count == 0 ? input.Hubs : [])
        {
            if (!organizations.TryGetValue(line.Code, out var found))
            {
                errors.Add(new FormError("Hubs", "Cult.Error.UnknownCode", line.Code));
            }
            else if (found.Status != OrganizationCodes.Active)
            {
                errors.Add(new FormError("Hubs", "Cult.Error.NotActive", found.Name));
            }
            else if (await db.Set<Hub>().AnyAsync(h => h.OrganizationId == found.Id && h.Field == line.Field, cancellationToken))
            {
                errors.Add(new FormError("Hubs", "Cult.Error.AlreadyHub", found.Name, line.Field));
            }
        }

        if (errors.Count > 0)
        {
            return (null, new OperationResult(errors));
        }

        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        var batch = new HubBatch
        {
            Number = input.Number,
            Title = input.Title.Trim(),
            DecisionNumber = input.DecisionNumber.Trim(),
            DecidedOn = input.DecidedOn!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Hubs = [.. input.Hubs.Select(l => new Hub
            {
                OrganizationId = organizations[l.Code].Id,
                OrganizationName = organizations[l.Code].Name,
                Field = l.Field,
                Street = l.Street,
                RecognizedOn = input.DecidedOn!.Value,
            })],
        };
        db.Add(batch);
        foreach (var hub in batch.Hubs)
        {
            await register.SetHubAsync(hub.OrganizationId, true, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        batch.NoticeId = await notices.PublishAsync(NoticeFor(batch), cancellationToken);
        audit.Record("cultivation.hub-batch.recognized", nameof(HubBatch), Id(batch.Id), $"{batch.DecisionNumber} ({batch.DecidedOn:yyyy-MM-dd}): {string.Join("、", batch.Hubs.Select(h => h.OrganizationName))}");
        HubsChanged();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        coverageCache.Invalidate();
        return (batch, OperationResult.Ok);
    }

    /// <summary>The decision's notice, in the bureau's language (its fields are the officer's, encoded as Markdown text).</summary>
    private NoticeDraft NoticeFor(HubBatch batch)
    {
        var body = new StringBuilder()
            .AppendLine(Text("Cult.Notice.Intro", batch.DecisionNumber, batch.DecidedOn.ToDateTime(TimeOnly.MinValue), batch.Number, batch.Hubs.Count))
            .AppendLine()
            .AppendLine("| " + Text("Cult.Field.Organization") + " | " + Text("Cult.Field.HubField") + " | " + Text("Cult.Field.Street") + " |")
            .AppendLine("|---|---|---|");
        foreach (var hub in batch.Hubs.OrderBy(h => h.Field, StringComparer.Ordinal))
        {
            body.Append("| ").Append(Cell(hub.OrganizationName)).Append(" | ").Append(Cell(hub.Field)).Append(" | ").Append(Cell(hub.Street ?? "—")).AppendLine(" |");
        }

        return new NoticeDraft(SourceModule, NoticeKey(batch.Number), batch.Title, NoticeKind.Announcement, body.ToString());
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Links a register organization (by credit code or filing number) to the hub.</summary>
    public async Task<OperationResult> AddMemberAsync(Hub hub, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var trimmed = (code ?? "").Trim().ToUpperInvariant();
        if (trimmed.Length is 0 or > 30)
        {
            return OperationResult.Fail("Code", "Cult.Error.Required", "Cult.Field.Code");
        }

        var found = await register.FindByCodesAsync([trimmed], cancellationToken);
        if (found.Count != 1)
        {
            return OperationResult.Fail("Code", "Cult.Error.UnknownCode", trimmed);
        }

        var organization = found[0];
        var memberships = await db.Set<HubMember>().AsNoTracking().Where(m => m.OrganizationId == organization.Id).ToListAsync(cancellationToken);
        if (HubRules.CanJoin(hub, organization, memberships) is { } error)
        {
            return new OperationResult([error]);
        }

        hub.Members.Add(new HubMember { OrganizationId = organization.Id, OrganizationName = organization.Name, Field = hub.Field, JoinedOn = ChinaTime.Today(clock) });
        await register.SetHubOrganizationAsync(organization.Id, hub.OrganizationId, cancellationToken);
        audit.Record("cultivation.hub.member-added", nameof(Hub), Id(hub.Id), $"{hub.OrganizationName} ({hub.Field}): {organization.Name}");
        HubsChanged();
        await db.SaveChangesAsync(cancellationToken);
        coverageCache.Invalidate();
        return OperationResult.Ok;
    }

    /// <summary>Unlinks a member; the register keeps the member's other hub (if any) as its hub.</summary>
    public async Task<OperationResult> RemoveMemberAsync(Hub hub, int organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var member = hub.Members.SingleOrDefault(m => m.OrganizationId == organizationId);
        if (member is null)
        {
            return OperationResult.Fail("", "Cult.Error.NotMember");
        }

        hub.Members.Remove(member);
        db.Remove(member);
        var other = await db.Set<HubMember>().Where(m => m.OrganizationId == organizationId && m.HubId != hub.Id)
            .Join(db.Set<Hub>(), m => m.HubId, h => h.Id, (m, h) => (int?)h.OrganizationId).FirstOrDefaultAsync(cancellationToken);
        await register.SetHubOrganizationAsync(organizationId, other, cancellationToken);
        audit.Record("cultivation.hub.member-removed", nameof(Hub), Id(hub.Id), $"{hub.OrganizationName} ({hub.Field}): {member.OrganizationName}");
        HubsChanged();
        await db.SaveChangesAsync(cancellationToken);
        coverageCache.Invalidate();
        return OperationResult.Ok;
    }

    /// <summary>
    /// Withdraws a hub's recognition (撤销认定) with the officer's reason: through <see cref="HubWorkflow"/>, audited. The
    /// hub's accounts lose the members' view, its members are released (each keeps, on the register, another hub it belongs
    /// to, if any) and the register stops marking the organization a hub unless it still is one for another field.
    /// </summary>
    public async Task<OperationResult> WithdrawAsync(Hub hub, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        if (HubWorkflow.Next(hub.State, HubTrigger.Withdraw) is not { } next)
        {
            return OperationResult.Fail("", "Cult.Error.HubEnded");
        }

        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            return OperationResult.Fail("Reason", "Cult.Error.Required", "Cult.Field.WithdrawalReason");
        }

        if (text.Length > HubWorkflow.MaxReason)
        {
            return OperationResult.Fail("Reason", "Cult.Error.TooLong", "Cult.Field.WithdrawalReason", HubWorkflow.MaxReason);
        }

        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        hub.State = next;
        hub.EndedOn = ChinaTime.Today(clock);
        hub.WithdrawalReason = text;
        var released = hub.Members.ToList();
        foreach (var member in released)
        {
            hub.Members.Remove(member);
            db.Remove(member);
        }

        var memberIds = released.Select(m => m.OrganizationId).ToList();
        var otherHubs = await db.Set<HubMember>().AsNoTracking().Where(m => memberIds.Contains(m.OrganizationId) && m.HubId != hub.Id)
            .Join(db.Set<Hub>(), m => m.HubId, h => h.Id, (m, h) => new { m.OrganizationId, HubOrganizationId = h.OrganizationId, m.HubId })
            .ToListAsync(cancellationToken);
        foreach (var member in released)
        {
            var other = otherHubs.Where(o => o.OrganizationId == member.OrganizationId).OrderBy(o => o.HubId).Select(o => (int?)o.HubOrganizationId).FirstOrDefault();
            await register.SetHubOrganizationAsync(member.OrganizationId, other, cancellationToken);
        }

        if (!await db.Set<Hub>().AnyAsync(h => h.OrganizationId == hub.OrganizationId && h.Id != hub.Id && h.State == HubState.Recognized, cancellationToken))
        {
            await register.SetHubAsync(hub.OrganizationId, false, cancellationToken);
        }

        audit.Record("cultivation.hub.withdrawn", nameof(Hub), Id(hub.Id), $"{hub.OrganizationName} ({hub.Field}): {text}; {released.Count}: {string.Join("、", released.Select(m => m.OrganizationName))}");
        HubsChanged();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
        coverageCache.Invalidate();
        return OperationResult.Ok;
    }

    /// <summary>Tells every node's coverage cache (through the change feed) that the hubs changed.</summary>
    private void HubsChanged() => outbox.Publish(CultivationTopics.HubsChanged, new { at = clock.GetUtcNow().UtcDateTime });

    /// <summary>Coverage of the given hubs, from this node's cache of every hub's (see <see cref="HubCoverageCache"/>).</summary>
    public async Task<IReadOnlyDictionary<int, HubCoverage>> CoverageAsync(IReadOnlyCollection<Hub> hubs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hubs);
        var all = await coverageCache.GetAsync(hubs.Select(h => h.Id), async () =>
        {
            var everyHub = await db.Set<Hub>().AsNoTracking().Include(h => h.Members).ToListAsync(cancellationToken);
            return await ComputeCoverageAsync(everyHub, cancellationToken);
        });
        return hubs.ToDictionary(h => h.Id, h => all.TryGetValue(h.Id, out var coverage) ? coverage : new HubCoverage(0, 0, 0));
    }

    /// <summary>Coverage of each hub, from one pass over the register.</summary>
    private async Task<IReadOnlyDictionary<int, HubCoverage>> ComputeCoverageAsync(IReadOnlyCollection<Hub> hubs, CancellationToken cancellationToken)
    {
        var eligible = hubs.ToDictionary(h => h.Id, _ => 0);
        var covered = hubs.ToDictionary(h => h.Id, _ => 0);
        var membersOf = hubs.ToDictionary(h => h.Id, h => h.Members.Select(m => m.OrganizationId).ToHashSet());
        await foreach (var listing in register.ListingsAsync(null, cancellationToken))
        {
            foreach (var hub in hubs)
            {
                if (HubRules.InScope(hub, listing))
                {
                    eligible[hub.Id]++;
                    if (membersOf[hub.Id].Contains(listing.Id))
                    {
                        covered[hub.Id]++;
                    }
                }
            }
        }

        return hubs.ToDictionary(h => h.Id, h => new HubCoverage(h.Members.Count, covered[h.Id], eligible[h.Id]));
    }

    /// <summary>The active hubs the account acts for (through its organizations on the register).</summary>
    public async Task<List<Hub>> HubsOfUserAsync(string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return [];
        }

        var organizations = await register.OrganizationsOfUserAsync(userId, cancellationToken);
        return await db.Set<Hub>().AsNoTracking().Include(h => h.Members)
            .Where(h => organizations.Contains(h.OrganizationId) && h.State == HubState.Recognized).OrderBy(h => h.Field).ToListAsync(cancellationToken);
    }

    /// <summary>The hub, when the account acts for it; null otherwise (pages answer 404: a hub's members are no one else's business).</summary>
    public async Task<Hub?> HubOfUserAsync(int hubId, string? userId, CancellationToken cancellationToken) =>
        (await HubsOfUserAsync(userId, cancellationToken)).SingleOrDefault(h => h.Id == hubId);

    /// <summary>The members' standing and open obligations (each module's <see cref="IObligationSource"/>), by name.</summary>
    public async Task<IReadOnlyList<MemberStanding>> StandingsAsync(Hub hub, IReadOnlyCollection<int>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var ids = hub.Members.Select(m => m.OrganizationId).Where(id => only is null || only.Contains(id)).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var today = ChinaTime.Today(clock);
        var summaries = await register.FindManyAsync(ids, cancellationToken);
        var obligations = new List<Obligation>();
        foreach (var source in obligationSources)
        {
            obligations.AddRange(await source.OpenAsync(ids, today, cancellationToken));
        }

        var reminders = await db.Set<HubReminder>().AsNoTracking().Where(r => r.HubId == hub.Id && ids.Contains(r.OrganizationId))
            .GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Last = g.Max(r => r.SentAt) }).ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var standingOf = await standings.GetManyAsync(ids, cancellationToken);
        var result = new List<MemberStanding>();
        foreach (var summary in summaries.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var standing = standingOf[summary.Id];
            var last = standing.Inspections.Where(i => i.Result is not null).MaxBy(i => i.Year);
            result.Add(new MemberStanding(
                summary.Id, summary.Name, summary.TypeCode, summary.Status, summary.Grade, summary.Standing, last?.Year, last?.Result,
                [.. obligations.Where(o => o.OrganizationId == summary.Id).OrderBy(o => o.DueOn)],
                reminders.TryGetValue(summary.Id, out var at) ? at : null));
        }

        return result;
    }

    /// <summary>Sends a member a reminder from its hub (in-app and by mail to the member's accounts), at most once per <see cref="ReminderInterval"/>.</summary>
    public async Task<OperationResult> RemindAsync(Hub hub, int organizationId, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var text = (message ?? "").Trim();
        if (text.Length == 0)
        {
            return OperationResult.Fail("Message", "Cult.Error.Required", "Cult.Field.Message");
        }

        if (text.Length > HubReminder.MaxMessage)
        {
            return OperationResult.Fail("Message", "Cult.Error.TooLong", "Cult.Field.Message", HubReminder.MaxMessage);
        }

        var member = hub.Members.SingleOrDefault(m => m.OrganizationId == organizationId);
        if (member is null)
        {
            return OperationResult.Fail("", "Cult.Error.NotMember");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - ReminderInterval;
        if (await db.Set<HubReminder>().AnyAsync(r => r.HubId == hub.Id && r.OrganizationId == organizationId && r.SentAt > since, cancellationToken))
        {
            return OperationResult.Fail("Message", "Cult.Error.RemindedRecently");
        }

        db.Add(new HubReminder { HubId = hub.Id, OrganizationId = organizationId, Message = text, SentBy = actor.Name, SentAt = now });
        await notifier.NotifyAsync(organizationId, "Cult.HubReminder", new Dictionary<string, string>
        {
            ["hub"] = hub.OrganizationName,
            ["organization"] = member.OrganizationName,
            ["message"] = text,
        }, OrganizationLinks.Workspace, cancellationToken);
        audit.Record("cultivation.hub.reminded", nameof(Hub), Id(hub.Id), $"{hub.OrganizationName} → {member.OrganizationName}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    private string Text(string key, params object[] args) =>
        string.Format(new PluralFormat(Bureau), catalog.Find(key, Bureau) ?? key, args);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
