using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>An officer's decision to put an organization on a list.</summary>
public sealed record EntryDecision(int OrganizationId, EntryCause Cause, string? CauseDetail, string? Decision, DateOnly EnteredOn);

/// <summary>
/// Entries and exits of the credit lists, by officers and by the rules (late reports, overdue rectifications, expiry,
/// two years on the abnormal list, two clean years, deregistration). Every change is audited, announced on the feed,
/// told to the organization and mirrored on the register's standing.
/// </summary>
public sealed class CreditListService(
    DbContext db,
    IOrganizationRegister register,
    ICalendarProvider calendars,
    CreditListRules rules,
    IOrganizationNotifier organizations,
    INotifier notifier,
    IOutbox outbox,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    private readonly HashSet<int> touched = [];

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

    /// <summary>Entries whose organization has done what was asked and that an officer must now verify (the 5-working-day queue).</summary>
    public Task<List<CreditListEntry>> AwaitingExitAsync(CancellationToken cancellationToken) =>
        db.Set<CreditListEntry>().AsNoTracking().Where(e => e.ExitedOn == null && e.ExitRequestedOn != null)
            .OrderBy(e => e.ExitDueOn).ToListAsync(cancellationToken);

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

        if (decision.Cause is EntryCause.ProlongedAbnormal)
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

        Enter(decision.OrganizationId, organization!.Name, decision.Cause, decision.CauseDetail?.Trim(), null, decision.EnteredOn, decision.Decision!.Trim(), automatic: false);
        await FlushAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>An officer takes an organization off a list: rectified, or listed in error.</summary>
    public async Task<OperationResult> ExitAsync(CreditListEntry entry, ExitCause cause, string? decision, DateOnly exitedOn, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsCurrent)
        {
            return OperationResult.Fail("", "Insp.Error.AlreadyExited");
        }

        if (cause is not (ExitCause.Rectified or ExitCause.Corrected))
        {
            return OperationResult.Fail("ExitCause", "Insp.Error.AutomaticCause");
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
        Exit(entry, cause, exitedOn, decision.Trim());
        try
        {
            await FlushAsync(cancellationToken);
            return OperationResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Stale;
        }
    }

    /// <summary>The organization did what an automatic entry asked for: officers have <see cref="CreditListRules.ExitWorkingDays"/> working days to verify. The caller saves.</summary>
    internal async Task RequestExitAsync(int organizationId, int year, EntryCause cause, DateOnly today, CancellationToken cancellationToken)
    {
        var entries = await db.Set<CreditListEntry>()
            .Where(e => e.OrganizationId == organizationId && e.Cause == cause && e.Year == year && e.ExitedOn == null && e.ExitRequestedOn == null)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }

        DateOnly? due;
        try
        {
            due = (await calendars.GetAsync(cancellationToken)).AddWorkingDays(today, rules.ExitWorkingDays);
        }
        catch (CalendarYearMissingException)
        {
            // No calendar data for the coming days: the queue shows the request without a due date rather than a guessed one.
            due = null;
        }

        foreach (var entry in entries)
        {
            entry.ExitRequestedOn = today;
            entry.ExitDueOn = due;
            audit.Record("inspections.exit-requested", nameof(CreditListEntry), Id(entry), $"{entry.OrganizationName}: {entry.Cause}, due {due:yyyy-MM-dd}");
            await notifier.NotifyPermissionHoldersAsync(InspectionsPermissions.ManageCreditLists, "Insp.ExitRequested", Values(entry), "/Inspections/Admin/CreditLists", cancellationToken);
        }
    }

    /// <summary>An officer verified what an automatic entry asked for: the organization leaves the list. The caller saves with <see cref="FlushAsync"/>.</summary>
    internal async Task ExitForAsync(int organizationId, int year, EntryCause cause, string decisionKey, DateOnly today, CancellationToken cancellationToken)
    {
        var entries = await db.Set<CreditListEntry>()
            .Where(e => e.OrganizationId == organizationId && e.Cause == cause && e.Year == year && e.ExitedOn == null)
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            Exit(entry, ExitCause.Rectified, today, decisionKey);
        }
    }

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
        foreach (var entry in current.Where(e => rules.Expires(e) && rules.ExpiresOn(e) <= today))
        {
            Exit(entry, ExitCause.Expired, rules.ExpiresOn(entry), "Insp.Decision.Expired");
            changes++;
        }

        foreach (var entry in current.Where(e => e.IsCurrent && e.List == CreditList.Abnormal && rules.SeriousFrom(e) <= today))
        {
            var from = rules.SeriousFrom(entry);
            Exit(entry, ExitCause.MovedToSerious, from, "Insp.Decision.MovedToSerious");
            if (!current.Any(e => e.FromEntryId == entry.Id))
            {
                Enter(entry.OrganizationId, entry.OrganizationName, EntryCause.ProlongedAbnormal, null, null, from, "Insp.Decision.ProlongedAbnormal", automatic: true).FromEntryId = entry.Id;
            }

            changes++;
        }

        var seriousOrganizations = current.Where(e => e.IsCurrent && e.List == CreditList.Serious).Select(e => e.OrganizationId).Distinct().ToList();
        var latestEntry = await db.Set<CreditListEntry>().Where(e => seriousOrganizations.Contains(e.OrganizationId))
            .GroupBy(e => e.OrganizationId).Select(g => new { g.Key, Latest = g.Max(e => e.EnteredOn) })
            .ToDictionaryAsync(g => g.Key, g => g.Latest, cancellationToken);
        foreach (var entry in current.Where(e => e.IsCurrent && e.List == CreditList.Serious))
        {
            // Two clean years: counted from the latest listing of the organization, so a new offence restarts the clock.
            var since = latestEntry[entry.OrganizationId] > entry.EnteredOn ? latestEntry[entry.OrganizationId] : entry.EnteredOn;
            var cleanOn = since.AddYears(rules.SeriousCleanYears);
            if (cleanOn <= today)
            {
                Exit(entry, ExitCause.CleanTwoYears, cleanOn, "Insp.Decision.CleanTwoYears");
                changes++;
            }
        }

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
        var campaigns = await db.Set<InspectionCampaign>().Where(c => c.LateListedAt == null && c.Deadline < today).ToListAsync(cancellationToken);
        var changes = 0;
        foreach (var campaign in campaigns)
        {
            var late = await db.Set<AnnualReport>().AsNoTracking()
                .Where(r => r.CampaignId == campaign.Id && (r.State == ReportState.NotStarted || r.State == ReportState.Draft))
                .Where(r => !db.Set<CreditListEntry>().Any(e => e.OrganizationId == r.OrganizationId && e.Cause == EntryCause.LateAnnualReport && e.Year == r.Year))
                .Select(r => new { r.OrganizationId, r.OrganizationName, r.Year })
                .ToListAsync(cancellationToken);
            foreach (var report in late)
            {
                Enter(report.OrganizationId, report.OrganizationName, EntryCause.LateAnnualReport, null, report.Year, today, "Insp.Decision.LateAnnualReport", automatic: true);
            }

            campaign.LateListedAt = clock.GetUtcNow().UtcDateTime;
            changes += late.Count;
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
        touched.Add(organizationId);
        audit.Record("inspections.listed", nameof(CreditListEntry), organizationId.ToString(CultureInfo.InvariantCulture), $"{organizationName}: {entry.List} {cause} from {enteredOn:yyyy-MM-dd}");
        return entry;
    }

    private void Exit(CreditListEntry entry, ExitCause cause, DateOnly exitedOn, string decision)
    {
        entry.ExitedOn = exitedOn;
        entry.ExitCause = cause;
        entry.ExitDecision = decision;
        entry.ExitedBy = actor.Name;
        touched.Add(entry.OrganizationId);
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
        foreach (var organizationId in touched)
        {
            var lists = await db.Set<CreditListEntry>().Where(e => e.OrganizationId == organizationId && e.ExitedOn == null).Select(e => e.List).Distinct().ToListAsync(cancellationToken);
            var standing = lists.Contains(CreditList.Serious) ? CreditStanding.Serious : lists.Contains(CreditList.Abnormal) ? CreditStanding.Abnormal : CreditStanding.Good;
            if (await register.SetCreditStandingAsync(organizationId, standing, cancellationToken))
            {
                var template = standing == CreditStanding.Good ? "Insp.Delisted" : "Insp.Listed" + standing;
                await organizations.NotifyAsync(organizationId, template, new Dictionary<string, string>(), $"/Organizations/Org/{organizationId}", cancellationToken);
                outbox.Publish(InspectionEvents.CreditListChanged, new CreditListChanged(organizationId, standing.ToString()));
            }
        }

        touched.Clear();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitOwnAsync(cancellationToken);
    }

    private static string Id(CreditListEntry entry) => entry.Id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Values(CreditListEntry entry) => new()
    {
        ["organization"] = entry.OrganizationName,
        ["due"] = entry.ExitDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    };
}
