using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Outbox;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Services;

/// <summary>
/// Reads <see cref="PenaltyDecided"/> from the change feed and applies the decision's credit-list effects
/// (<see cref="PenaltyRules.EffectsOf"/>) through the inspections module's <see cref="IPenaltyListings"/> and, for 撤销登记,
/// the register's <see cref="IOrganizationRegister.RevokeRegistrationAsync"/> (whose change event lists it on the serious
/// list, 第十四条(七)). Earlier penalties are those decided before this one (same day: lower case id), so replaying the feed
/// gives the same result whenever it runs. Idempotent: both contracts ignore what is already recorded.
/// </summary>
internal sealed class PenaltyCreditConsumer(DbContext db, IPenaltyListings listings, IOrganizationRegister register) : IOutboxConsumer
{
    public string Name => "supervision.penalty-credit";

    public bool PerNode => false;

    public bool Accepts(string topic) => topic == PenaltyDecided.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (JsonSerializer.Deserialize<PenaltyDecided>(message.Payload) is not { } decided
            || await db.Set<PenaltyCase>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == decided.CaseId, cancellationToken) is not { DecidedOn: { } decidedOn } penaltyCase)
        {
            return;
        }

        var earlier = await PenaltyRecords.DecidedCases(db)
            .Where(c => c.OrganizationId == penaltyCase.OrganizationId && c.Id != penaltyCase.Id && (c.DecidedOn < decidedOn || (c.DecidedOn == decidedOn && c.Id < penaltyCase.Id)))
            .Select(c => c.DecidedOn!.Value)
            .ToListAsync(cancellationToken);
        foreach (var effect in PenaltyRules.EffectsOf(penaltyCase.Decided, decidedOn, earlier))
        {
            if (effect == CreditEffect.RegistrationRevoked)
            {
                if (await register.RevokeRegistrationAsync(penaltyCase.OrganizationId, decidedOn, penaltyCase.DecisionNumber!, cancellationToken))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                continue;
            }

            await listings.ListAsync(new PenaltyListing(penaltyCase.OrganizationId, effect.ToString(), penaltyCase.DecisionNumber!, decidedOn), cancellationToken);
        }
    }
}

/// <summary>The <see cref="IPenaltyRecords"/> contract over decided cases.</summary>
internal sealed class PenaltyRecords(DbContext db) : IPenaltyRecords
{
    /// <summary>Cases with a penalty decision (decided, being carried out, or closed).</summary>
    internal static IQueryable<PenaltyCase> DecidedCases(DbContext db) =>
        db.Set<PenaltyCase>().AsNoTracking().Where(c => c.DecisionNumber != null && c.DecidedOn != null
            && (c.State == CaseState.Decided || c.State == CaseState.Executing || c.State == CaseState.Closed));

    public async Task<IReadOnlyList<PenaltyRecord>> OfOrganizationAsync(int organizationId, CancellationToken cancellationToken)
    {
        var cases = await DecidedCases(db).Where(c => c.OrganizationId == organizationId).OrderByDescending(c => c.DecidedOn).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        return [.. cases.Select(Record)];
    }

    public Task<bool> PenalizedWithinAsync(int organizationId, int years, DateOnly asOf, CancellationToken cancellationToken)
    {
        var since = asOf.AddYears(-years);
        return DecidedCases(db).AnyAsync(c => c.OrganizationId == organizationId && c.DecidedOn >= since && c.DecidedOn <= asOf, cancellationToken);
    }

    public Task<int> DecidedBetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        DecidedCases(db).CountAsync(c => c.DecidedOn >= first && c.DecidedOn <= last, cancellationToken);

    public Task<bool> UnderInvestigationAsync(int organizationId, CancellationToken cancellationToken) =>
        db.Set<PenaltyCase>().AnyAsync(c => c.OrganizationId == organizationId
            && (c.State == CaseState.Filed || c.State == CaseState.Investigating || c.State == CaseState.Notified || c.State == CaseState.HearingRequested || c.State == CaseState.HearingHeld), cancellationToken);

    public async Task<PenaltyHistory> HistoryAsync(int organizationId, CancellationToken cancellationToken) =>
        new(await OfOrganizationAsync(organizationId, cancellationToken), await UnderInvestigationAsync(organizationId, cancellationToken));

    internal static PenaltyRecord Record(PenaltyCase c) =>
        new(c.Id, c.DecisionNumber!, c.DecidedOn!.Value, [.. c.Decided.Kinds().Select(k => k.ToString())], c.Decided.FineFen, c.Cause, c.State == CaseState.Closed);
}

/// <summary>The organization's penalty decisions on its public page (行政处罚信息公示).</summary>
internal sealed class PenaltyPageSection(IPenaltyRecords penalties) : IOrganizationPageSection
{
    public int Order => 45;

    public string PartialPath => "/Areas/Supervision/Pages/Shared/_OrganizationPenalties.cshtml";

    public async Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken) =>
        await penalties.OfOrganizationAsync(organizationId, cancellationToken) is { Count: > 0 } records ? records : null;
}
