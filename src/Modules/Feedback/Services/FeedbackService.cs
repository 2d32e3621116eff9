using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Calendar;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Feedback.Contracts;
using Registry.Feedback.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Feedback.Services;

/// <summary>What a change-feed event says was completed, for whom.</summary>
public sealed record CompletedServiceInput(string SourceKey, ServiceKind Kind, int? OrganizationId, string? ApplicantUserId, string Subject, DateOnly CompletedOn);

/// <summary>A completed service as its rater sees it: whether it may still be rated, and until when.</summary>
public sealed record MyService(CompletedService Service, DateOnly WindowEnd, bool MayRate);

/// <summary>
/// The 好差评 of completed services: recording them (from the change feed or a recipe), the applicant's one rating, the
/// follow-up of a 差评 through <see cref="FollowUpWorkflow"/>, notices both ways, audit of every decision.
/// </summary>
public sealed class FeedbackService(
    DbContext db,
    IOrganizationRegister register,
    INotifier notifier,
    IAuditTrail audit,
    ICurrentActor actor,
    ICalendarProvider calendars,
    FeedbackDefaults defaults,
    UserManager<RegistryUser> users,
    ITextCatalog catalog,
    TimeProvider clock)
{
    public Task<FeedbackRules> RulesAsync(CancellationToken cancellationToken) => FeedbackSettingsSection.CurrentAsync(db, defaults, cancellationToken);

    /// <summary>
    /// Records the service once per source key (a replayed event finds it) and tells who may rate it, in the app only (the
    /// decision itself was mailed by its module). Saved with the caller's SaveChanges; returns null when it was known.
    /// </summary>
    public async Task<CompletedService?> RecordAsync(CompletedServiceInput input, bool notify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await db.Set<CompletedService>().AnyAsync(s => s.SourceKey == input.SourceKey, cancellationToken)
            || db.ChangeTracker.Entries<CompletedService>().Any(e => e.Entity.SourceKey == input.SourceKey))
        {
            return null;
        }

        var organization = input.OrganizationId is { } id ? await register.FindAsync(id, cancellationToken) : null;
        var service = new CompletedService
        {
            SourceKey = input.SourceKey,
            Kind = input.Kind,
            OrganizationId = organization?.Id,
            OrganizationName = organization?.Name,
            ApplicantUserId = input.ApplicantUserId,
            Subject = input.Subject.Length > CompletedService.MaxSubject ? input.Subject[..CompletedService.MaxSubject] : input.Subject,
            CompletedOn = input.CompletedOn,
        };
        db.Add(service);
        if (notify)
        {
            foreach (var userId in await RatersAsync(service, cancellationToken))
            {
                await NoticeAsync(userId, "Fb.ServiceCompleted", new Dictionary<string, string>
                {
                    ["kindText"] = $"Fb.Kind.{service.Kind}",
                    ["subject"] = service.Subject,
                }, FeedbackLinks.My, cancellationToken);
            }
        }

        return service;
    }

    /// <summary>The accounts that may rate the service: the applicant's account and every member of the organization.</summary>
    public async Task<IReadOnlyList<string>> RatersAsync(CompletedService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var raters = new SortedSet<string>(StringComparer.Ordinal);
        if (service.ApplicantUserId is { } applicant)
        {
            raters.Add(applicant);
        }

        if (service.OrganizationId is { } organizationId)
        {
            raters.UnionWith(await register.UsersOfOrganizationAsync(organizationId, cancellationToken));
        }

        return [.. raters];
    }

    /// <summary>The services the account may see: its own applications and its organizations', newest first.</summary>
    public async Task<(IReadOnlyList<MyService> Rows, int Total)> MineAsync(string userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = await VisibleToAsync(userId, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var loaded = await query.Include(s => s.Rating).OrderByDescending(s => s.CompletedOn).ThenByDescending(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var rules = await RulesAsync(cancellationToken);
        return ([.. loaded.Select(s => View(s, rules))], total);
    }

    /// <summary>The service when the account may see it (otherwise null: the page answers 404).</summary>
    public async Task<MyService?> FindForAsync(int serviceId, string userId, CancellationToken cancellationToken)
    {
        var query = await VisibleToAsync(userId, cancellationToken);
        var service = await query.Include(s => s.Rating).SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        return service is null ? null : View(service, await RulesAsync(cancellationToken));
    }

    /// <summary>How many services the account may still rate (for the prompt on the organization's pages).</summary>
    public async Task<int> ToRateCountAsync(string userId, int? organizationId, CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(cancellationToken);
        var earliest = ChinaTime.Today(clock).AddDays(-rules.RatingWindowDays);
        var query = (await VisibleToAsync(userId, cancellationToken)).Where(s => s.Rating == null && s.CompletedOn >= earliest);
        return organizationId is { } id ? await query.CountAsync(s => s.OrganizationId == id, cancellationToken) : await query.CountAsync(cancellationToken);
    }

    /// <summary>Rates the service once, within the window; a 差评 opens a follow-up for the officers (in-app and mail). Audited.</summary>
    public async Task<OperationResult> RateAsync(MyService mine, string userId, SatisfactionLevel? level, IReadOnlyCollection<string> reasons, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(reasons);
        var service = mine.Service;
        if (service.Rating is not null)
        {
            return OperationResult.Fail("", "Fb.Error.AlreadyRated");
        }

        if (!mine.MayRate)
        {
            return OperationResult.Fail("", "Fb.Error.WindowClosed", mine.WindowEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var rules = await RulesAsync(cancellationToken);
        var errors = new List<FormError>();
        if (level is not { } chosen || !Enum.IsDefined(chosen))
        {
            errors.Add(new FormError("Level", "Validation.Required", "Fb.Field.Level"));
            chosen = SatisfactionLevel.Satisfied;
        }

        var picked = reasons.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (picked.Any(r => !rules.Reasons.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add(new FormError("Reasons", "Fb.Error.UnknownReason"));
        }
        else if (FeedbackCalculations.IsBad(chosen) && picked.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FormError("Reasons", "Fb.Error.ReasonRequired"));
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (comment is not null && (comment.Length > ServiceRating.MaxComment || comment.Any(c => char.IsControl(c) && c != '\n')))
        {
            errors.Add(new FormError("Comment", "Fb.Error.Comment", ServiceRating.MaxComment));
        }

        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Date(now);
        var rating = new ServiceRating
        {
            ServiceId = service.Id,
            Kind = service.Kind,
            Level = chosen,
            Reasons = string.Join('\n', rules.Reasons.Where(picked.Contains)),
            Comment = comment,
            RatedByUserId = userId,
            RatedAt = now,
            RatedOn = today,
        };
        if (FeedbackCalculations.IsBad(chosen))
        {
            rating.FollowUp = FollowUpState.Open;
            rating.FollowUpStartedOn = today;
            rating.FollowUpWorkingDays = rules.FollowUpWorkingDays;
        }

        db.Add(rating);
        audit.Record("feedback.rated", "ServiceRating", service.Id.ToString(CultureInfo.InvariantCulture),
            $"{service.Kind} {service.Subject} ({service.OrganizationName}): {(int)chosen}★ {string.Join("、", picked)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another member rated it a moment earlier: the unique index on the service keeps the first.
            db.ChangeTracker.Clear();
            return OperationResult.Fail("", "Fb.Error.AlreadyRated");
        }

        if (rating.FollowUp is not null)
        {
            await NotifyOfficersAsync("Fb.FollowUpOpened", service, rating, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return OperationResult.Ok;
    }

    /// <summary>
    /// One step of a 差评's follow-up: the officer answers (text required) or closes after the 回访; the applicant accepts
    /// (closes) or reopens with a new period. Refused when the table does not allow it or the actor may not take it.
    /// </summary>
    public async Task<OperationResult> StepAsync(CompletedService service, FollowUpTrigger trigger, bool asOfficer, string? text, long seenVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var rating = service.Rating;
        if (rating?.FollowUp is not { } state)
        {
            return OperationResult.Fail("", "Fb.Error.NoFollowUp");
        }

        if (!Enum.IsDefined(trigger) || FollowUpWorkflow.Next(state, trigger) is not { } next)
        {
            return OperationResult.Fail("", "Fb.Error.NotAllowed", Enum.IsDefined(trigger) ? $"Fb.FollowUpTrigger.{trigger}" : "?", $"Fb.FollowUpState.{state}");
        }

        // The officer answers; only the applicant reopens; both may close.
        if ((trigger == FollowUpTrigger.Answer && !asOfficer) || (trigger == FollowUpTrigger.Reopen && asOfficer))
        {
            return OperationResult.Fail("", "Fb.Error.NotAllowed", $"Fb.FollowUpTrigger.{trigger}", $"Fb.FollowUpState.{state}");
        }

        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (trigger == FollowUpTrigger.Answer && text is null)
        {
            return OperationResult.Fail("Answer", "Validation.Required", "Fb.Field.Answer");
        }

        if (text is not null && (text.Length > ServiceRating.MaxAnswer || text.Any(c => char.IsControl(c) && c != '\n')))
        {
            return OperationResult.Fail("Answer", "Fb.Error.Answer", ServiceRating.MaxAnswer);
        }

        db.ExpectVersion(rating, seenVersion);
        var now = clock.GetUtcNow().UtcDateTime;
        rating.FollowUp = next;
        switch (trigger)
        {
            case FollowUpTrigger.Answer:
                rating.Answer = text;
                rating.AnsweredBy = actor.Name;
                rating.AnsweredAt = now;
                break;
            case FollowUpTrigger.Reopen:
                rating.FollowUpStartedOn = ChinaTime.Date(now);
                rating.FollowUpWorkingDays = (await RulesAsync(cancellationToken)).FollowUpWorkingDays;
                break;
            default:
                rating.ClosedAt = now;
                break;
        }

        audit.Record($"feedback.follow-up.{trigger.ToString().ToLowerInvariant()}", "ServiceRating", service.Id.ToString(CultureInfo.InvariantCulture),
            $"{service.Kind} {service.Subject} ({service.OrganizationName}): {state} → {next}{(text is null ? "" : ": " + text)}");
        if (trigger == FollowUpTrigger.Answer)
        {
            await notifier.NotifyUserAsync(rating.RatedByUserId, "Fb.FollowUpAnswered", Values(service, rating), FeedbackLinks.Service(service.Id), cancellationToken);
        }
        else if (trigger == FollowUpTrigger.Reopen)
        {
            await NotifyOfficersAsync("Fb.FollowUpReopened", service, rating, cancellationToken);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The ratings of the officers' list, filtered as a dashboard figure links to them.</summary>
    public static IQueryable<ServiceRating> Filter(IQueryable<ServiceRating> ratings, ServiceKind? kind, SatisfactionLevel? level, bool bad, FollowUpState? followUp, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (kind is { } k)
        {
            ratings = ratings.Where(r => r.Kind == k);
        }

        if (level is { } l)
        {
            ratings = ratings.Where(r => r.Level == l);
        }

        if (bad)
        {
            ratings = ratings.Where(r => r.FollowUp != null);
        }

        if (followUp is { } f)
        {
            ratings = ratings.Where(r => r.FollowUp == f);
        }

        if (from is { } first)
        {
            ratings = ratings.Where(r => r.RatedOn >= first);
        }

        if (to is { } last)
        {
            ratings = ratings.Where(r => r.RatedOn <= last);
        }

        return ratings;
    }

    /// <summary>Counts per kind and level of the ratings given from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public async Task<IReadOnlyDictionary<ServiceKind, SatisfactionCounts>> StatisticsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ServiceRating>().AsNoTracking().Where(r => r.RatedOn >= first && r.RatedOn <= last)
            .GroupBy(r => new { r.Kind, r.Level }).Select(g => new { g.Key.Kind, g.Key.Level, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<ServiceKind>().ToDictionary(k => k, k => new SatisfactionCounts(rows.Where(r => r.Kind == k).ToDictionary(r => r.Level, r => r.Count)));
    }

    /// <summary>The years from the first rating to this one (this year alone when there is none).</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken)
    {
        var thisYear = ChinaTime.Today(clock).Year;
        var first = await db.Set<ServiceRating>().AsNoTracking().OrderBy(r => r.RatedOn).Select(r => (DateOnly?)r.RatedOn).FirstOrDefaultAsync(cancellationToken);
        var from = Math.Min(first?.Year ?? thisYear, thisYear);
        return [.. Enumerable.Range(from, thisYear - from + 1).Reverse()];
    }

    public Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken) => calendars.GetAsync(cancellationToken);

    private async Task<IQueryable<CompletedService>> VisibleToAsync(string userId, CancellationToken cancellationToken)
    {
        var organizations = (await register.OrganizationsOfUserAsync(userId, cancellationToken)).ToList();
        return db.Set<CompletedService>().Where(s => s.ApplicantUserId == userId || (s.OrganizationId != null && organizations.Contains(s.OrganizationId.Value)));
    }

    private MyService View(CompletedService service, FeedbackRules rules) =>
        new(service, FeedbackCalculations.RatingWindowEnd(service.CompletedOn, rules.RatingWindowDays),
            service.Rating is null && FeedbackCalculations.MayStillRate(service.CompletedOn, rules.RatingWindowDays, ChinaTime.Today(clock)));

    private static Dictionary<string, string> Values(CompletedService service, ServiceRating rating) => new()
    {
        ["kindText"] = $"Fb.Kind.{service.Kind}",
        ["levelText"] = $"Fb.Level.{rating.Level}",
        ["subject"] = service.Subject,
        ["organization"] = service.OrganizationName ?? "",
    };

    /// <summary>Every officer who handles follow-ups, in the app and by mail (a 差评 has a deadline).</summary>
    private async Task NotifyOfficersAsync(string template, CompletedService service, ServiceRating rating, CancellationToken cancellationToken)
    {
        foreach (var officer in await PermissionHolders.EnabledAsync(db, [FeedbackPermissions.HandleFollowUps], includeAdministrators: false, cancellationToken))
        {
            await notifier.NotifyUserAsync(officer.Id, template, Values(service, rating), FeedbackLinks.AdminRating(rating.Id), cancellationToken);
        }
    }

    /// <summary>An in-app notice only, in the recipient's language (the prompt to rate needs no mail of its own).</summary>
    private async Task NoticeAsync(string userId, string template, IReadOnlyDictionary<string, string> values, string link, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(user.PreferredCulture);
        var localized = catalog.LocalizeTextValues(values, culture);
        string Fill(string text) => localized.Aggregate(text, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
        db.Add(new Notification
        {
            UserId = user.Id,
            Title = Fill(catalog.Find($"Notify.{template}.Title", culture) ?? template),
            Body = Fill(catalog.Find($"Notify.{template}.Body", culture) ?? ""),
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }
}
