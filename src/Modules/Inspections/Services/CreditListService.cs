using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>An officer's decision to put an organization on a list (<paramref name="Year"/>: the report year a missed report or rectification belongs to).</summary>
public sealed record EntryDecision(int OrganizationId, EntryCause Cause, string? CauseDetail, string? Decision, DateOnly EnteredOn, int? Year = null);

/// <summary>
/// Entries and exits of the credit lists (社会组织信用信息管理办法, 民政部令第60号), by officers and by the rules: late reports
/// and overdue rectifications listed (第十条), verified fulfilment ended within 5 working days and expiry after 6 months
/// only for causes with nothing to fulfil (第十三条), two years on the abnormal list moved up (第十四条(一)), a revoked
/// registration listed (第十四条(七)) until deregistration (第十六条). Every change is audited, announced on the feed,
/// told to the organization and mirrored on the register's standing.
/// </summary>
public sealed class CreditListService(
    DbContext db,
    IOrganizationRegister register,
    ICalendarProvider calendars,
    CreditListRules rules,
    IOrganizationNotifier organizations,
    INotifier notifier,
    IAuditTrail audit,
    ICurrentActor actor,
    ISignOffs signOffs,
    TimeProvider clock)
{
    /// <summary>The chain key of an officer's decision to list or delist (one step, 批准, unless the administrator sets more).</summary>
    public const string SignOffChainKey = "Inspections.CreditList";

    public const int DefaultSignOffSteps = 1;

    /// <summary>The case of taking an entry off a list: the entry itself.</summary>
    public const string ExitSubject = nameof(CreditListEntry);

    /// <summary>The case of putting an organization on a list, before the entry exists: see <see cref="ListingCase"/>.</summary>
    public const string ListingSubject = "CreditListListing";

    private readonly HashSet<int> _touched = [];

    /// <summary>
    /// The case id of the <paramref name="ordinal"/>th listing of an organization for a cause ("12:Unreachable:1"): a later
    /// listing for the same cause, after an exit, is a new case with its own sign-off.
    /// </summary>
    public static string ListingCase(int organizationId, EntryCause cause, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{organizationId}:{cause}:{ordinal}");

    public Task<SignOffChain> SignOffChainAsync(CancellationToken cancellationToken) =>
        signOffs.ChainAsync(SignOffChainKey, DefaultSignOffSteps, cancellationToken);

    /// <summary>The sign-off entries of the exits of <paramref name="entryIds"/>, by entry id, oldest first.</summary>
    public async Task<ILookup<int, SignOffEntry>> ExitSignOffsAsync(IReadOnlyCollection<int> entryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entryIds);
        var ids = entryIds.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var entries = await signOffs.Current(ExitSubject).Where(e => ids.Contains(e.SubjectId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return entries.ToLookup(e => int.Parse(e.SubjectId, CultureInfo.InvariantCulture));
    }

    /// <summary>The sign-off entries of the listing decisions of <paramref name="entries"/> (officers' entries), by entry id, oldest first.</summary>
    public async Task<ILookup<int, SignOffEntry>> ListingSignOffsAsync(IReadOnlyCollection<CreditListEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var organizationIds = entries.Where(e => !e.Automatic).Select(e => e.OrganizationId).Distinct().ToList();
        var all = await db.Set<CreditListEntry>().AsNoTracking().Where(e => organizationIds.Contains(e.OrganizationId))
            .Select(e => new { e.Id, e.OrganizationId, e.Cause }).ToListAsync(cancellationToken);
        // The nth listing of an organization for a cause is the case "organization:cause:n" (see ListingCase).
        var cases = all.GroupBy(e => (e.OrganizationId, e.Cause))
            .SelectMany(g => g.OrderBy(e => e.Id).Select((e, i) => (e.Id, Case: ListingCase(e.OrganizationId, e.Cause, i + 1))))
            .Where(c => entries.Any(e => e.Id == c.Id && !e.Automatic))
            .ToDictionary(c => c.Case, c => c.Id, StringComparer.Ordinal);
        var ids = cases.Keys.ToList();
        var steps = await signOffs.Current(ListingSubject).Where(e => ids.Contains(e.SubjectId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return steps.ToLookup(e => cases[e.SubjectId]);
    }

    /// <summary>Listing cases with steps signed and no entry made yet, with their steps, oldest first.</summary>
    public async Task<IReadOnlyList<ListingProposal>> ListingProposalsAsync(CancellationToken cancellationToken)
    {
        var signed = await signOffs.Current(ListingSubject).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var proposals = new List<ListingProposal>();
        foreach (var group in signed.GroupBy(e => e.SubjectId))
        {
            var parts = group.Key.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var organizationId)
                || !Enum.TryParse<EntryCause>(parts[1], out var cause) || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
            {
                continue;
            }

            if (await db.Set<CreditListEntry>().CountAsync(e => e.OrganizationId == organizationId && e.Cause == cause, cancellationToken) < ordinal)
            {
                proposals.Add(new ListingProposal(group.Key, organizationId, cause, [.. group]));
            }
        }

        var names = (await register.FindManyAsync([.. proposals.Select(p => p.OrganizationId).Distinct()], cancellationToken)).ToDictionary(o => o.Id);
        return [.. proposals.Select(p => names.TryGetValue(p.OrganizationId, out var o) ? p with { OrganizationName = o.Name, Code = o.CreditCode ?? o.FilingNumber ?? "" } : p)];
    }

    /// <summary>
    /// An internal step (承办, 审核) before an officer lists an organization for a cause; the chain's last step (批准) is the
    /// listing itself (<see cref="EnterAsync"/>). The organization must be listable for that cause now.
    /// </summary>
    public async Task<OperationResult> SignListingAsync(int organizationId, EntryCause cause, SignOffStep step, string? opinion, CancellationToken cancellationToken)
    {
        var chain = await SignOffChainAsync(cancellationToken);
        if (!Enum.IsDefined(step) || chain.IsFinal(step))
        {
            return OperationResult.Fail("", "Insp.SignOff.IsCreditDecision");
        }

        if (await ListableAsync(organizationId, cause, cancellationToken) is { } refused)
        {
            return refused;
        }

        var ordinal = await db.Set<CreditListEntry>().CountAsync(e => e.OrganizationId == organizationId && e.Cause == cause, cancellationToken) + 1;
        var recorded = await signOffs.RecordAsync(chain, ListingSubject, ListingCase(organizationId, cause, ordinal), step, opinion, cancellationToken);
        if (!recorded.Succeeded)
        {
            return recorded;
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>
    /// An internal step (承办, 审核) before an officer takes <paramref name="entry"/> off its list; the chain's last step (批准)
    /// is the exit decision itself (<see cref="ExitAsync"/>).
    /// </summary>
    public async Task<OperationResult> SignExitAsync(CreditListEntry entry, SignOffStep step, string? opinion, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsCurrent)
        {
            return OperationResult.Fail("", "Insp.Error.AlreadyExited");
        }

        var chain = await SignOffChainAsync(cancellationToken);
        if (!Enum.IsDefined(step) || chain.IsFinal(step))
        {
            return OperationResult.Fail("", "Insp.SignOff.IsCreditDecision");
        }

        db.ExpectVersion(entry, seenVersion);
        var recorded = await signOffs.RecordAsync(chain, ExitSubject, Id(entry), step, opinion, cancellationToken);
        if (!recorded.Succeeded)
        {
            return recorded;
        }

        // Marking the entry modified bumps its version: a concurrent step on it fails instead of passing both.
        db.Entry(entry).Property(e => e.Version).IsModified = true;
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Records the decision as the chain's last step (批准), refused until the earlier steps are signed; not saved.</summary>
    private async Task<OperationResult> SignDecisionAsync(string subject, string subjectId, string decision, CancellationToken cancellationToken)
    {
        var chain = await SignOffChainAsync(cancellationToken);
        if (chain.Waiting(await signOffs.EntriesAsync(subject, subjectId, cancellationToken)) is { } waiting && !chain.IsFinal(waiting))
        {
            return OperationResult.Fail("", "Insp.SignOff.CreditNotReady", "Core.SignOff.Step." + waiting);
        }

        return await signOffs.RecordAsync(chain, subject, subjectId, chain.Steps[^1],
            decision.Length <= SignOffRules.MaxOpinionLength ? decision : decision[..SignOffRules.MaxOpinionLength], cancellationToken);
    }

    private async Task<OperationResult?> ListableAsync(int organizationId, EntryCause cause, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(cause) || CreditListCauses.Of(cause).SystemOnly)
        {
            return OperationResult.Fail("Cause", "Insp.Error.AutomaticCause");
        }

        var organization = await register.FindAsync(organizationId, cancellationToken);
        if (organization is null)
        {
            return OperationResult.Fail("OrganizationId", "Insp.Error.UnknownOrganization");
        }

        if (organization.Status == "Deregistered")
        {
            return OperationResult.Fail("OrganizationId", "Insp.Error.Deregistered");
        }

        return await db.Set<CreditListEntry>().AnyAsync(e => e.OrganizationId == organizationId && e.Cause == cause && e.ExitedOn == null, cancellationToken)
            ? OperationResult.Fail("Cause", "Insp.Error.AlreadyListed")
            : null;
    }

    public Task<List<CreditListEntry>> OfOrganizationAsync(int organizationId, CancellationToken cancellationToken) =>
        db.Set<CreditListEntry>().AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderByDescending(e => e.EnteredOn).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);

    public Task<CreditListEntry?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<CreditListEntry>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>A page of entries, newest first: current ones only unless <paramref name="includeEnded"/>.</summary>
    public Task<(IReadOnlyList<CreditListEntry> Items, int Total)> PageAsync(CreditList? list, bool includeEnded, string? name, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<CreditListEntry>().AsNoTracking();
        if (list is { } chosen)
        {
            query = query.Where(e => e.List == chosen);
        }

        if (!includeEnded)
        {
            query = query.Where(e => e.ExitedOn == null);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(e => e.OrganizationName.Contains(name.Trim()));
        }

        return PageOfAsync(query, page, pageSize, cancellationToken);
    }

    /// <summary>A page of the entries <paramref name="filter"/> selects, newest first.</summary>
    public Task<(IReadOnlyList<CreditListEntry> Items, int Total)> PageAsync(CreditListFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PageOfAsync(filter.Apply(db.Set<CreditListEntry>().AsNoTracking()), page, pageSize, cancellationToken);
    }

    private static async Task<(IReadOnlyList<CreditListEntry> Items, int Total)> PageOfAsync(IQueryable<CreditListEntry> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.EnteredOn).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Current entries whose organization applied to leave (to verify) or whose fulfilment is verified (to end within
    /// <see cref="CreditListRules.ExitWorkingDays"/> working days, 第十三条), oldest first.
    /// </summary>
    public Task<List<CreditListEntry>> AwaitingExitAsync(CancellationToken cancellationToken) =>
        db.Set<CreditListEntry>().AsNoTracking().Where(e => e.ExitedOn == null && (e.ExitRequestedOn != null || e.FulfilmentVerifiedOn != null))
            .OrderBy(e => e.FulfilmentVerifiedOn == null).ThenBy(e => e.FulfilmentVerifiedOn).ThenBy(e => e.ExitRequestedOn).ToListAsync(cancellationToken);

    /// <summary>
    /// The day by which a verified entry must end: <see cref="CreditListRules.ExitWorkingDays"/> working days after the
    /// verification (第十三条: 自查实之日起5个工作日内), derived through the calendar whenever it is read; null until verified.
    /// </summary>
    public static DueDate? ExitDue(WorkingDayCalendar calendar, CreditListRules rules, CreditListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FulfilmentVerifiedOn is { } verified ? calendar.DueAfter(verified, rules.ExitWorkingDays) : null;
    }

    /// <summary>The exit due dates of the given entries (see <see cref="ExitDue"/>), by entry id.</summary>
    public async Task<IReadOnlyDictionary<int, DueDate>> ExitDueDatesAsync(IEnumerable<CreditListEntry> entries, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        return entries.Select(e => (e.Id, Due: ExitDue(calendar, rules, e))).Where(e => e.Due is not null).ToDictionary(e => e.Id, e => e.Due!.Value);
    }

    public async Task<OperationResult> EnterAsync(EntryDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var today = ChinaTime.Today(clock);
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(decision.Decision))
        {
            errors.Add(new FormError("Decision", "Validation.Required", "Insp.Field.Decision"));
        }

        if (decision.Cause is EntryCause.OtherAbnormal or EntryCause.OtherSerious && string.IsNullOrWhiteSpace(decision.CauseDetail))
        {
            errors.Add(new FormError("CauseDetail", "Insp.Error.DetailRequired"));
        }

        if (!Enum.IsDefined(decision.Cause) || CreditListCauses.Of(decision.Cause).SystemOnly)
        {
            errors.Add(new FormError("Cause", "Insp.Error.AutomaticCause"));
        }

        if (decision.EnteredOn > today)
        {
            errors.Add(new FormError("EnteredOn", "Insp.Error.FutureDate"));
        }

        var organization = await register.FindAsync(decision.OrganizationId, cancellationToken);
        if (organization is null)
        {
            errors.Add(new FormError("OrganizationId", "Insp.Error.UnknownOrganization"));
        }
        else if (organization.Status == "Deregistered")
        {
            errors.Add(new FormError("OrganizationId", "Insp.Error.Deregistered"));
        }
        else if (await db.Set<CreditListEntry>().AnyAsync(e => e.OrganizationId == decision.OrganizationId && e.Cause == decision.Cause && e.ExitedOn == null, cancellationToken))
        {
            errors.Add(new FormError("Cause", "Insp.Error.AlreadyListed"));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var ordinal = await db.Set<CreditListEntry>().CountAsync(e => e.OrganizationId == decision.OrganizationId && e.Cause == decision.Cause, cancellationToken) + 1;
        var signed = await SignDecisionAsync(ListingSubject, ListingCase(decision.OrganizationId, decision.Cause, ordinal), decision.Decision!.Trim(), cancellationToken);
        if (!signed.Succeeded)
        {
            return signed;
        }

        Enter(decision.OrganizationId, organization!.Name, decision.Cause, decision.CauseDetail?.Trim(), decision.Year, decision.EnteredOn, decision.Decision!.Trim(), automatic: false);
        await FlushAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>
    /// An officer takes an organization off a list by decision: from the abnormal list once its obligation is fulfilled
    /// (the decision is the officer's verification, 第十三条), from the serious list on application two years after the
    /// latest listing (never for a revoked registration, which ends on deregistration, 第十六条), or from either when
    /// listed in error (更正). See <see cref="CreditListRules.RefusesExit"/>.
    /// </summary>
    public async Task<OperationResult> ExitAsync(CreditListEntry entry, ExitCause cause, string? decision, DateOnly exitedOn, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsCurrent)
        {
            return OperationResult.Fail("", "Insp.Error.AlreadyExited");
        }

        if (cause is not (ExitCause.Rectified or ExitCause.Corrected or ExitCause.CleanTwoYears))
        {
            return OperationResult.Fail("ExitCause", "Insp.Error.AutomaticCause");
        }

        var latestListing = await db.Set<CreditListEntry>().Where(e => e.OrganizationId == entry.OrganizationId).MaxAsync(e => e.EnteredOn, cancellationToken);
        if (rules.RefusesExit(entry, cause, exitedOn, latestListing) is { } refusal)
        {
            return OperationResult.Fail("ExitCause", refusal, rules.CleanOn(entry, latestListing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (string.IsNullOrWhiteSpace(decision))
        {
            return OperationResult.Fail("Decision", "Validation.Required", "Insp.Field.Decision");
        }

        if (exitedOn < entry.EnteredOn || exitedOn > ChinaTime.Today(clock))
        {
            return OperationResult.Fail("ExitedOn", "Insp.Error.ExitDate");
        }

        db.ExpectVersion(entry, seenVersion);
        var signed = await SignDecisionAsync(ExitSubject, Id(entry), decision.Trim(), cancellationToken);
        if (!signed.Succeeded)
        {
            return signed;
        }

        if (cause != ExitCause.Corrected)
        {
            entry.ExitRequestedOn ??= exitedOn;
            entry.FulfilmentVerifiedOn ??= exitedOn;
        }

        Exit(entry, cause, exitedOn, decision.Trim());
        return await ConcurrentSave.OrConflictAsync(() => FlushAsync(cancellationToken));
    }

    /// <summary>
    /// The organization did what an automatic entry asked for (filed the late report, reported its rectification): that
    /// is its application to leave (第十三条); an officer now verifies it. The caller saves.
    /// </summary>
    internal async Task RequestExitAsync(int organizationId, int year, EntryCause cause, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var entry in (await ObligedByAsync(organizationId, year, cause, cancellationToken)).Where(e => e.ExitRequestedOn is null))
        {
            entry.ExitRequestedOn = today;
            audit.Record("inspections.exit-requested", nameof(CreditListEntry), Id(entry), $"{entry.OrganizationName}: {entry.Cause} {year}");
            await notifier.NotifyPermissionHoldersAsync(InspectionsPermissions.ManageCreditLists, "Insp.ExitRequested", Values(entry), InspectionLinks.AdminCreditLists, cancellationToken);
        }
    }

    /// <summary>
    /// An officer verified (查实) that what an automatic entry asked for is done (the late report reviewed, the
    /// rectification accepted). An abnormal entry must then end within <see cref="CreditListRules.ExitWorkingDays"/>
    /// working days (第十三条): by the officer's decision, else by the scheduled job on the due day. A serious entry moved
    /// up for the same obligation keeps the verification for its application after two years (第十六条). The caller saves.
    /// </summary>
    internal async Task VerifyFulfilmentAsync(int organizationId, int year, EntryCause cause, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var entry in (await ObligedByAsync(organizationId, year, cause, cancellationToken)).Where(e => e.FulfilmentVerifiedOn is null))
        {
            entry.ExitRequestedOn ??= today;
            entry.FulfilmentVerifiedOn = today;
            audit.Record("inspections.fulfilment-verified", nameof(CreditListEntry), Id(entry), $"{entry.OrganizationName}: {entry.Cause} {year} verified {today:yyyy-MM-dd}");
        }
    }

    /// <summary>Current entries for an obligation of one year: the abnormal entry of that cause and a serious entry it moved up to.</summary>
    private async Task<List<CreditListEntry>> ObligedByAsync(int organizationId, int year, EntryCause cause, CancellationToken cancellationToken)
    {
        var ofOrganization = await db.Set<CreditListEntry>()
            .Where(e => e.OrganizationId == organizationId && (e.Year == year || e.Cause == EntryCause.ProlongedAbnormal)).ToListAsync(cancellationToken);
        var sources = ofOrganization.Where(e => e.Cause == cause && e.Year == year).Select(e => e.Id).ToHashSet();
        return [.. ofOrganization.Where(e => e.IsCurrent && ((e.Cause == cause && e.Year == year) || (e.Cause == EntryCause.ProlongedAbnormal && e.FromEntryId is { } from && sources.Contains(from))))];
    }

    /// <summary>
    /// Lists an organization whose registration the register shows revoked (吊销登记证书、撤销成立登记) on the serious list
    /// (第十四条(七)), once, and saves: an entry that only deregistration ends (第十六条). Returns whether it entered one;
    /// when another node listed it at the same moment, the unique index keeps one and this one gives way.
    /// </summary>
    internal async Task<bool> ListIfRevokedAsync(int organizationId, DateOnly on, CancellationToken cancellationToken)
    {
        if (await register.FindAsync(organizationId, cancellationToken) is not { Status: OrganizationStatusRevoked } organization)
        {
            return false;
        }

        if (await db.Set<CreditListEntry>().AnyAsync(e => e.OrganizationId == organizationId && e.Cause == EntryCause.RegistrationRevoked && e.ExitedOn == null, cancellationToken))
        {
            return false;
        }

        Enter(organizationId, organization.Name, EntryCause.RegistrationRevoked, null, null, on, "Insp.Decision.RegistrationRevoked", automatic: true);
        try
        {
            await FlushAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Listed by another node at the same moment: drop this attempt (the feed's checkpoint is saved again on its next message).
            db.ChangeTracker.Clear();
            _touched.Clear();
            if (!await db.Set<CreditListEntry>().AnyAsync(e => e.OrganizationId == organizationId && e.Cause == EntryCause.RegistrationRevoked && e.ExitedOn == null, cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>The register's status of a revoked registration (<c>OrganizationSummary.Status</c>).</summary>
    /// <summary>
    /// Lists an organization for a penalty decided by the supervision module (民政部令第60号 第十条(五), 第十四条(三)(四)(五));
    /// see <see cref="IPenaltyListings"/>.
    /// </summary>
    internal async Task<bool> ListForPenaltyAsync(PenaltyListing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (!PenaltyListingCauses.All.Contains(listing.Cause) || !Enum.TryParse<EntryCause>(listing.Cause, out var cause))
        {
            throw new ArgumentException($"Unknown penalty listing cause {listing.Cause}.", nameof(listing));
        }

        var organization = await register.FindAsync(listing.OrganizationId, cancellationToken);
        if (organization is null
            || await db.Set<CreditListEntry>().AnyAsync(e => e.OrganizationId == listing.OrganizationId && e.Cause == cause && (e.ExitedOn == null || e.EntryDecision == listing.DecisionNumber), cancellationToken))
        {
            return false;
        }

        Enter(listing.OrganizationId, organization.Name, cause, null, null, listing.DecidedOn, listing.DecisionNumber, automatic: true);
        await FlushAsync(cancellationToken);
        return true;
    }

    internal const string OrganizationStatusRevoked = "Revoked";

    /// <summary>
    /// Applies the time rules up to <paramref name="today"/>. Idempotent: what is already done is not done again, and
    /// automatic entries are unique per organization, cause and year in the database. Returns the number of changes.
    /// </summary>
    public async Task<int> ApplyRulesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var changes = 0;
        changes += await ListLateReportsAsync(today, cancellationToken);
        changes += await ListOverdueRectificationsAsync(today, cancellationToken);

        var current = await db.Set<CreditListEntry>().Where(e => e.ExitedOn == null).ToListAsync(cancellationToken);

        // 第十三条: only an entry with nothing to fulfil ends by itself after 6 months.
        foreach (var entry in current.Where(e => rules.Expires(e) && rules.ExpiresOn(e) <= today))
        {
            Exit(entry, ExitCause.Expired, rules.ExpiresOn(entry), "Insp.Decision.Expired");
            changes++;
        }

        // 第十三条: a verified abnormal entry ends within 5 working days; an officer usually decides first, else it ends on the due day.
        var calendar = await calendars.GetAsync(cancellationToken);
        foreach (var entry in current.Where(e => e.IsCurrent && e.List == CreditList.Abnormal && e.FulfilmentVerifiedOn is not null))
        {
            if (ExitDue(calendar, rules, entry) is { } due && due.Date <= today)
            {
                Exit(entry, ExitCause.Rectified, due.Date, "Insp.Decision.VerifiedExitDue");
                changes++;
            }
        }

        // 第十四条(一): two years on the abnormal list without the obligation fulfilled.
        foreach (var entry in current.Where(e => rules.MovesToSerious(e, today)).ToList())
        {
            var from = rules.SeriousFrom(entry);
            Exit(entry, ExitCause.MovedToSerious, from, "Insp.Decision.MovedToSerious");
            if (!current.Any(e => e.FromEntryId == entry.Id))
            {
                var moved = Enter(entry.OrganizationId, entry.OrganizationName, EntryCause.ProlongedAbnormal, null, null, from, "Insp.Decision.ProlongedAbnormal", automatic: true);
                moved.FromEntryId = entry.Id;
                moved.ExitRequestedOn = entry.ExitRequestedOn;
            }

            changes++;
        }

        // 第十六条: the serious list ends on application (an officer's decision) or deregistration, never by itself.
        var stillListed = current.Where(e => e.IsCurrent).Select(e => e.OrganizationId).Distinct().ToList();
        var deregistered = (await register.FindManyAsync(stillListed, cancellationToken)).Where(o => o.Status == "Deregistered").Select(o => o.Id).ToHashSet();
        foreach (var entry in current.Where(e => e.IsCurrent && deregistered.Contains(e.OrganizationId)))
        {
            Exit(entry, ExitCause.Deregistered, today, "Insp.Decision.Deregistered");
            changes++;
        }

        await FlushAsync(cancellationToken);
        return changes;
    }

    private async Task<int> ListLateReportsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // Each type by its own deadline (a foundation's is 31 March, 基金会管理条例 第三十六条); the campaign is done once the last has passed.
        var campaigns = await db.Set<InspectionCampaign>().Where(c => c.LateListedAt == null).ToListAsync(cancellationToken);
        var changes = 0;
        foreach (var campaign in campaigns.Where(c => c.Types.Append("").Any(t => c.DeadlineFor(t) < today)))
        {
            var pending = await db.Set<AnnualReport>().AsNoTracking()
                .Where(r => r.CampaignId == campaign.Id && (r.State == ReportState.NotStarted || r.State == ReportState.Draft))
                .Where(r => !db.Set<CreditListEntry>().Any(e => e.OrganizationId == r.OrganizationId && e.Cause == EntryCause.LateAnnualReport && e.Year == r.Year))
                .Select(r => new { r.OrganizationId, r.OrganizationName, r.Year, r.TypeCode })
                .ToListAsync(cancellationToken);
            foreach (var report in pending.Where(r => campaign.DeadlineFor(r.TypeCode) < today))
            {
                Enter(report.OrganizationId, report.OrganizationName, EntryCause.LateAnnualReport, null, report.Year, today, "Insp.Decision.LateAnnualReport", automatic: true);
                changes++;
            }

            if (campaign.LastDeadline < today)
            {
                campaign.LateListedAt = clock.GetUtcNow().UtcDateTime;
            }
        }

        return changes;
    }

    private async Task<int> ListOverdueRectificationsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var overdue = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.Rectification == RectificationState.Required && r.RectificationDueOn < today)
            .Where(r => !db.Set<CreditListEntry>().Any(e => e.OrganizationId == r.OrganizationId && e.Cause == EntryCause.UnfinishedRectification && e.Year == r.Year))
            .Select(r => new { r.OrganizationId, r.OrganizationName, r.Year })
            .ToListAsync(cancellationToken);
        foreach (var report in overdue)
        {
            Enter(report.OrganizationId, report.OrganizationName, EntryCause.UnfinishedRectification, null, report.Year, today, "Insp.Decision.UnfinishedRectification", automatic: true);
        }

        return overdue.Count;
    }

    private CreditListEntry Enter(int organizationId, string organizationName, EntryCause cause, string? detail, int? year, DateOnly enteredOn, string decision, bool automatic)
    {
        var entry = new CreditListEntry
        {
            OrganizationId = organizationId,
            OrganizationName = organizationName,
            List = CreditListEntry.ListOf(cause),
            Cause = cause,
            CauseDetail = detail,
            Year = year,
            EnteredOn = enteredOn,
            EntryDecision = decision,
            EnteredBy = actor.Name,
            Automatic = automatic,
        };
        db.Add(entry);
        _touched.Add(organizationId);
        audit.Record("inspections.listed", nameof(CreditListEntry), organizationId.ToString(CultureInfo.InvariantCulture),
            $"{organizationName}: {entry.List} {cause} from {enteredOn:yyyy-MM-dd}{(automatic ? " (automatic, by rule)" : "")}");
        return entry;
    }

    private void Exit(CreditListEntry entry, ExitCause cause, DateOnly exitedOn, string decision)
    {
        entry.ExitedOn = exitedOn;
        entry.ExitCause = cause;
        entry.ExitDecision = decision;
        entry.ExitedBy = actor.Name;
        _touched.Add(entry.OrganizationId);
        audit.Record("inspections.delisted", nameof(CreditListEntry), Id(entry), $"{entry.OrganizationName}: {entry.List} {entry.Cause} ended {exitedOn:yyyy-MM-dd} ({cause})");
    }

    /// <summary>
    /// Saves the pending changes (the caller's too) and, in the same transaction, brings the register's standing of every
    /// organization whose entries changed up to date, telling the organization when it changed.
    /// </summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginOwnTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var organizationId in _touched)
        {
            var lists = await db.Set<CreditListEntry>().Where(e => e.OrganizationId == organizationId && e.ExitedOn == null).Select(e => e.List).Distinct().ToListAsync(cancellationToken);
            var standing = lists.Contains(CreditList.Serious) ? CreditStanding.Serious : lists.Contains(CreditList.Abnormal) ? CreditStanding.Abnormal : CreditStanding.Good;
            if (await register.SetCreditStandingAsync(organizationId, standing, cancellationToken))
            {
                var template = standing == CreditStanding.Good ? "Insp.Delisted" : "Insp.Listed" + standing;
                await organizations.NotifyAsync(organizationId, template, new Dictionary<string, string>(), OrganizationLinks.Profile(organizationId), cancellationToken);
            }
        }

        _touched.Clear();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
    }

    private static string Id(CreditListEntry entry) => entry.Id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Values(CreditListEntry entry) => new()
    {
        ["organization"] = entry.OrganizationName,
        ["year"] = entry.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>A listing case under sign-off: the organization, the cause and the steps signed so far.</summary>
public sealed record ListingProposal(string CaseId, int OrganizationId, EntryCause Cause, IReadOnlyList<SignOffEntry> Steps)
{
    public string OrganizationName { get; init; } = "";

    /// <summary>The organization's credit code or filing number, as the listing form asks for it.</summary>
    public string Code { get; init; } = "";
}
