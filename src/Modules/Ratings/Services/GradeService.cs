using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Jobs;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>
/// Grades held: awarding on announcement, downgrade and revocation by an officer, and the register's copy of the grade
/// valid now (kept in step on every change and by the daily job when grades start or expire).
/// </summary>
public sealed class GradeService(
    DbContext db,
    IOrganizationRegister register,
    IOrganizationNotifier organizations,
    IAuditTrail audit,
    Core.Outbox.IOutbox outbox,
    TimeProvider clock)
{
    public Task<OrganizationGrade?> CurrentEntityAsync(int organizationId, DateOnly on, CancellationToken cancellationToken) =>
        db.Set<OrganizationGrade>().HeldOn(on).Where(g => g.OrganizationId == organizationId)
            .OrderByDescending(g => g.ValidFrom).FirstOrDefaultAsync(cancellationToken);

    public Task<OrganizationGrade?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<OrganizationGrade>().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);

    /// <summary>Adds the grade an announcement awards; an earlier grade still running ends when the new one starts. The caller saves.</summary>
    internal async Task AwardAsync(RatingApplication application, RuleSet rules, DateOnly announcedOn, CancellationToken cancellationToken)
    {
        var grade = application.DecidedGrade ?? 0;
        if (grade == 0)
        {
            return;
        }

        var (from, until) = RatingRules.Validity(rules, announcedOn);
        var running = await db.Set<OrganizationGrade>().Where(g => g.OrganizationId == application.OrganizationId && g.EndedOn == null && g.ValidUntil >= from).ToListAsync(cancellationToken);
        foreach (var previous in running)
        {
            previous.EndedOn = from.AddDays(-1) < previous.ValidFrom ? previous.ValidFrom : from.AddDays(-1);
            previous.EndReason = "Rate.End.Rerated";
        }

        db.Add(new OrganizationGrade
        {
            OrganizationId = application.OrganizationId,
            OrganizationName = application.OrganizationName,
            Grade = grade,
            CampaignId = application.CampaignId,
            ApplicationId = application.Id,
            AwardedOn = announcedOn,
            ValidFrom = from,
            ValidUntil = until,
        });
        audit.Record("ratings.grade-awarded", nameof(OrganizationGrade), application.OrganizationId.ToString(CultureInfo.InvariantCulture),
            $"{application.OrganizationName}: {grade}A valid {from:yyyy-MM-dd}–{until:yyyy-MM-dd}");
        outbox.Publish(GradeAwarded.Topic, new GradeAwarded(application.Id, application.OrganizationId, application.OrganizationName, grade, announcedOn, from, until));
    }

    /// <summary>Lowers a grade (to 1–4 below the current one) or revokes it (0), from today, with a reason.</summary>
    public async Task<OperationResult> ChangeAsync(OrganizationGrade grade, int newGrade, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grade);
        var today = ChinaTime.Today(clock);
        if (!grade.IsValidOn(today))
        {
            return OperationResult.Fail("", "Rate.Error.GradeNotValid");
        }

        if (newGrade < 0 || newGrade >= grade.Grade)
        {
            return OperationResult.Fail("NewGrade", "Rate.Error.Downgrade");
        }

        if (TextLimits.Refused("Reason", "Rate.Field.Reason", reason, TextLimits.Note, out var refused))
        {
            return refused;
        }

        grade.EndedOn = today;
        grade.EndReason = reason.Trim();
        grade.ReplacedByGrade = newGrade == 0 ? null : newGrade;
        if (newGrade > 0)
        {
            db.Add(new OrganizationGrade
            {
                OrganizationId = grade.OrganizationId,
                OrganizationName = grade.OrganizationName,
                Grade = newGrade,
                CampaignId = grade.CampaignId,
                AwardedOn = today,
                ValidFrom = today,
                ValidUntil = grade.ValidUntil,
            });
        }

        audit.Record(newGrade == 0 ? "ratings.grade-revoked" : "ratings.grade-lowered", nameof(OrganizationGrade), grade.Id.ToString(CultureInfo.InvariantCulture),
            $"{grade.OrganizationName}: {grade.Grade}A → {(newGrade == 0 ? "none" : newGrade + "A")}: {reason.Trim()}");
        await organizations.NotifyAsync(grade.OrganizationId, newGrade == 0 ? "Rate.Revoked" : "Rate.Lowered",
            new Dictionary<string, string> { ["grade"] = newGrade.ToString(CultureInfo.InvariantCulture), ["reason"] = reason.Trim() },
            OrganizationLinks.Profile(grade.OrganizationId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SyncAsync([grade.OrganizationId], today, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>Brings the register's grade of these organizations in line with the grades valid on <paramref name="on"/>. The caller saves.</summary>
    internal async Task SyncAsync(IReadOnlyCollection<int> organizationIds, DateOnly on, CancellationToken cancellationToken)
    {
        var valid = await db.Set<OrganizationGrade>()
            .HeldOn(on).Where(g => organizationIds.Contains(g.OrganizationId))
            .GroupBy(g => g.OrganizationId).Select(g => new { g.Key, Grade = g.Max(x => x.Grade) })
            .ToDictionaryAsync(g => g.Key, g => g.Grade, cancellationToken);
        foreach (var organizationId in organizationIds)
        {
            var grade = valid.GetValueOrDefault(organizationId);
            // The register announces the change itself (organizations.changed), which the directory index reads.
            await register.SetGradeAsync(organizationId, grade, cancellationToken);
        }
    }

    /// <summary>
    /// The daily work: the register follows grades that start or expire, and organizations are reminded six and one
    /// month before their grade's last valid day (once each, on the day <see cref="RatingRules.ReminderDue"/> gives or
    /// the first run after it). Returns the number of reminders sent.
    /// </summary>
    public async Task<int> DailyAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // Grades that started or ran out lately (a week back, in case the job did not run for some days).
        var weekAgo = today.AddDays(-7);
        var changing = await db.Set<OrganizationGrade>().Where(g => (g.ValidFrom >= weekAgo && g.ValidFrom <= today) || (g.ValidUntil >= weekAgo.AddDays(-1) && g.ValidUntil < today))
            .Select(g => g.OrganizationId).Distinct().ToListAsync(cancellationToken);
        await SyncAsync(changing, today, cancellationToken);

        var sixMonths = RatingRules.RemindUntil(today, RatingRules.FirstReminderMonths);
        var oneMonth = RatingRules.RemindUntil(today, RatingRules.LastReminderMonths);
        var due = await db.Set<OrganizationGrade>().HeldOn(today)
            .Where(g => (!g.Reminded6Months && g.ValidUntil <= sixMonths) || (!g.Reminded1Month && g.ValidUntil <= oneMonth))
            .ToListAsync(cancellationToken);
        foreach (var grade in due)
        {
            var last = grade.ValidUntil <= oneMonth;
            grade.Reminded6Months = true;
            grade.Reminded1Month = grade.Reminded1Month || last;
            await organizations.NotifyAsync(grade.OrganizationId, last ? "Rate.Expiry1Month" : "Rate.Expiry6Months",
                new Dictionary<string, string> { ["grade"] = grade.Grade.ToString(CultureInfo.InvariantCulture), ["until"] = grade.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                RatingLinks.Public, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}

/// <summary>The grades' daily job on one node at a time.</summary>
public sealed class GradeJob(GradeService grades, IJobLeases leases, TimeProvider clock)
{
    /// <summary>Returns the reminders sent, or null when another node holds the lease.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken) =>
        await leases.TryAcquireAsync("ratings.grades", TimeSpan.FromMinutes(10), cancellationToken)
            ? await grades.DailyAsync(ChinaTime.Today(clock), cancellationToken)
            : null;
}
