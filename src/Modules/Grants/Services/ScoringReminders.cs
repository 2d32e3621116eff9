using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Calendar;
using Registry.Core.Jobs;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;

namespace Registry.Grants.Services;

/// <summary>Reminders of unfinished score sheets (section <c>Registry:Grants:Scoring</c>).</summary>
public sealed class ScoringReminderOptions
{
    public const string Section = "Registry:Grants:Scoring";

    /// <summary>Working days before a round's scoring deadline on which reviewers with unfinished sheets are reminded.</summary>
    public int ReminderWorkingDays { get; set; } = 2;
}

/// <summary>
/// Reminds every reviewer who still has an unsubmitted sheet in a round, <see cref="ScoringReminderOptions.ReminderWorkingDays"/>
/// working days before the round's scoring deadline (in-app and by mail), once per reviewer and round, on one node at a
/// time (database lease). The reminder day is derived through the calendar on each run.
/// </summary>
public sealed class ScoringReminders(DbContext db, ICalendarProvider calendars, IOptions<ScoringReminderOptions> options, INotifier notifier, IJobLeases leases, TimeProvider clock, ILogger<ScoringReminders> logger)
{
    public const string LeaseName = "grants.scoring-reminders";

    /// <summary>How many reviewers were reminded, or null when another node holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(10), cancellationToken))
        {
            return null;
        }

        var today = ChinaTime.Today(clock);
        var calendar = await calendars.GetAsync(cancellationToken);
        RoundStage[] scoring = [RoundStage.Open, RoundStage.Screening];
        var rounds = await db.Set<GrantRound>().AsNoTracking().Where(r => r.ScoringDueOn != null && r.ScoringDueOn >= today && scoring.Contains(r.Stage)).ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var round in rounds)
        {
            var due = round.ScoringDueOn!.Value;
            DateOnly remindOn;
            try
            {
                remindOn = ScoringReminderRules.RemindOn(calendar, due, options.Value.ReminderWorkingDays);
            }
            catch (CalendarYearMissingException ex)
            {
                logger.LogWarning(ex, "No calendar for the scoring deadline of round {Round}", round.Id);
                continue;
            }

            if (!ScoringReminderRules.IsDue(today, remindOn, due))
            {
                continue;
            }

            var unfinished = await db.Set<ReviewAssignment>().AsNoTracking().Where(s => s.RoundId == round.Id && !s.Recused && s.SubmittedAt == null)
                .GroupBy(s => s.ReviewerUserId).Select(g => new { UserId = g.Key, Sheets = g.Count() }).ToListAsync(cancellationToken);
            var sent = (await db.Set<ScoringReminder>().Where(r => r.RoundId == round.Id).Select(r => r.ReviewerUserId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var reviewer in unfinished.Where(r => !sent.Contains(r.UserId)).OrderBy(r => r.UserId, StringComparer.Ordinal))
            {
                db.Add(new ScoringReminder { RoundId = round.Id, ReviewerUserId = reviewer.UserId, SentOn = today });
                await notifier.NotifyUserAsync(reviewer.UserId, "Grant.ScoringDue", new Dictionary<string, string>
                {
                    ["round"] = round.Name,
                    ["due"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["count"] = reviewer.Sheets.ToString(CultureInfo.InvariantCulture),
                }, GrantLinks.Review, cancellationToken);
                reminded++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return reminded;
    }
}

/// <summary>Runs <see cref="ScoringReminders"/> every hour (off with <c>Registry:Grants:ScoringReminders=false</c>, where a test drives it).</summary>
internal sealed class ScoringReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ScoringReminderService> logger)
    : RecurringJobService(scopes, clock, configuration, logger)
{
    protected override string EnabledKey => "Registry:Grants:ScoringReminders";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ScoringReminders>().RunOnceAsync(cancellationToken);
}
