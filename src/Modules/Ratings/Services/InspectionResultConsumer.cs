using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Core.Auditing;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Inspections.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Contracts;

namespace Registry.Ratings.Services;

/// <summary>
/// Turns the inspections module's "result recorded" events into proposals for the officers (2010 measures: lower or
/// cancel the grade after 不合格 or 基本合格 two years running; 2026 revision: a check evaluation). Read from the change feed
/// under its own checkpoint; idempotent: one proposal per organization and inspection year, so a replayed message (a
/// crash between the work and the checkpoint) or a repeated event adds nothing.
/// </summary>
internal sealed class InspectionResultConsumer(
    DbContext db,
    IOrganizationStandings standings,
    INotifier notifier,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<InspectionResultConsumer> logger) : IOutboxConsumer
{
    /// <summary>The inspections module's topic (its contract is not referenced: the payload is read by its JSON shape).</summary>
    public const string Topic = "inspections.result-recorded";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "ratings.grade-proposals";

    public bool PerNode => false;

    public bool Accepts(string topic) => topic == Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ResultRecorded? payload;
        try
        {
            payload = JsonSerializer.Deserialize<ResultRecorded>(message.Payload, Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable {Topic} message {Id}; skipped", Topic, message.Id);
            return;
        }

        if (payload is not { OrganizationId: > 0, Result: { Length: > 0 } result })
        {
            logger.LogWarning("Incomplete {Topic} message {Id}; skipped", Topic, message.Id);
            return;
        }

        var existing = await db.Set<GradeProposal>().SingleOrDefaultAsync(p => p.OrganizationId == payload.OrganizationId && p.InspectionYear == payload.Year, cancellationToken);
        if (existing is not null && existing.State != ProposalState.Open)
        {
            return;
        }

        var today = ChinaTime.Today(clock);
        var grade = await db.Set<OrganizationGrade>().HeldOn(today).Where(g => g.OrganizationId == payload.OrganizationId)
            .OrderByDescending(g => g.Grade).FirstOrDefaultAsync(cancellationToken);
        if (grade is null)
        {
            return;
        }

        var campaignRules = grade.CampaignId is { } campaignId
            ? await db.Set<RatingCampaign>().Where(c => c.Id == campaignId).Select(c => (RuleSet?)c.RuleSet).SingleOrDefaultAsync(cancellationToken)
            : null;
        var previous = result == "BasicallyQualified" ? (await standings.GetAsync(payload.OrganizationId, cancellationToken)).ResultOf(payload.Year - 1) : null;
        var proposal = ProposalRules.For(ProposalRules.RulesOf(campaignRules, grade.AwardedOn), result, previous, grade.Grade);
        if (proposal is not { } p)
        {
            return;
        }

        if (existing is not null)
        {
            // The same year's result recorded again (corrected): the open proposal follows the latest result.
            if ((existing.Kind, existing.Cause, existing.ProposedGrade) != (p.Kind, p.Cause, p.ProposedGrade))
            {
                (existing.Kind, existing.Cause, existing.ProposedGrade, existing.SourceMessageId) = (p.Kind, p.Cause, p.ProposedGrade, message.Id);
                audit.Record("ratings.proposal-updated", nameof(GradeProposal), existing.Id.ToString(CultureInfo.InvariantCulture), $"{existing.OrganizationName}: {p.Kind} ({p.Cause}, {payload.Year})");
            }

            return;
        }

        db.Add(new GradeProposal
        {
            OrganizationId = payload.OrganizationId,
            OrganizationName = grade.OrganizationName,
            InspectionYear = payload.Year,
            Cause = p.Cause,
            Kind = p.Kind,
            GradeId = grade.Id,
            CurrentGrade = grade.Grade,
            ProposedGrade = p.ProposedGrade,
            State = ProposalState.Open,
            SourceMessageId = message.Id,
            ProposedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record("ratings.proposal-raised", nameof(GradeProposal), grade.OrganizationId.ToString(CultureInfo.InvariantCulture),
            $"{grade.OrganizationName}: {p.Kind} ({p.Cause}, {payload.Year}), {grade.Grade}A → {p.ProposedGrade}");
        await notifier.NotifyPermissionHoldersAsync(RatingsPermissions.Manage, "Rate.ProposalRaised",
            new Dictionary<string, string> { ["organization"] = grade.OrganizationName, ["year"] = payload.Year.ToString(CultureInfo.InvariantCulture) },
            RatingLinks.AdminProposals, cancellationToken);
    }

    /// <summary>The event's JSON shape (<c>{"organizationId", "year", "result"}</c>, result Qualified | BasicallyQualified | Unqualified).</summary>
    private sealed record ResultRecorded(int OrganizationId, int Year, string? Result);
}
