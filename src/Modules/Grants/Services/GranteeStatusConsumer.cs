using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Finance;
using Registry.Core.Localization;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;
using Registry.Grants.Contracts;

namespace Registry.Grants.Services;

/// <summary>
/// Learns from the register's change feed (<see cref="OrganizationEvents.Changed"/>, through the register's contract, never
/// its tables) that a grantee whose project still runs (its agreement not closed) is no longer active — deregistered or its
/// registration revoked: each such agreement is flagged once (<see cref="GrantAgreement.GranteeGoneOn"/>), audited, and the
/// officers are told with the money still unpaid. Idempotent: a flagged agreement is not flagged or announced again.
/// </summary>
internal sealed class GranteeStatusConsumer(DbContext db, IOrganizationRegister register, INotifier notifier, IAuditTrail audit, TimeProvider clock) : IOutboxBatchConsumer
{
    public string Name => "grants.grantee-status";

    public bool PerNode => false;

    public bool Accepts(string topic) => topic == OrganizationEvents.Changed;

    public async Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var changed = messages.Select(m => JsonSerializer.Deserialize<OrganizationChanged>(m.Payload)?.OrganizationId).OfType<int>().ToHashSet();
        if (changed.Count == 0)
        {
            return;
        }

        // One query for the whole batch: few of the changed organizations have a project running.
        var running = await db.Set<GrantAgreement>().Include(a => a.Tranches).ThenInclude(t => t.Payments)
            .Where(a => changed.Contains(a.OrganizationId) && a.State != AgreementState.Closed && a.GranteeGoneOn == null)
            .ToListAsync(cancellationToken);
        if (running.Count == 0)
        {
            return;
        }

        var gone = (await register.FindManyAsync([.. running.Select(a => a.OrganizationId).Distinct()], cancellationToken))
            .Where(o => o.Status != OrganizationCodes.Active).ToDictionary(o => o.Id);
        var today = ChinaTime.Today(clock);
        foreach (var agreement in running.Where(a => gone.ContainsKey(a.OrganizationId)).OrderBy(a => a.Id))
        {
            var organization = gone[agreement.OrganizationId];
            agreement.GranteeGoneOn = today;
            agreement.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            var unpaid = new Money(agreement.AgreedFen - agreement.PaidFen).Format();
            audit.Record("grants.grantee-gone", nameof(GrantAgreement), agreement.Id.ToString(CultureInfo.InvariantCulture),
                $"{agreement.OrganizationName} {organization.Status}: {agreement.Title}, {unpaid} unpaid");
            var values = new Dictionary<string, string> { ["organization"] = agreement.OrganizationName, ["title"] = agreement.Title, ["unpaid"] = unpaid };
            await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.Project.GranteeGone", values, GrantLinks.AdminAgreement(agreement.Id), cancellationToken);
        }
    }
}
