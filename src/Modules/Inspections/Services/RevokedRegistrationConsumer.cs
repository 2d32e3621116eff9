using System.Text.Json;
using Registry.Core.Localization;
using Registry.Core.Outbox;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>
/// Reads the register's change feed and lists every organization whose registration is revoked (吊销登记证书、撤销成立登记)
/// on the serious list (民政部令第60号 第十四条(七)), dated the day of the event. Runs on one node under the feed's lease;
/// idempotent: an organization already listed for it is not listed again.
/// </summary>
internal sealed class RevokedRegistrationConsumer(CreditListService creditLists, IOrganizationRegister register) : IOutboxBatchConsumer
{
    public string Name => "inspections.revoked-registrations";

    public bool PerNode => false;

    public bool Accepts(string topic) => topic == OrganizationEvents.Changed;

    public async Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Each organization dated by its first event not yet read, as when they were read one by one; one look at the
        // register for all of them (most changes are not revocations).
        var first = new Dictionary<int, DateTime>();
        foreach (var message in messages)
        {
            if (JsonSerializer.Deserialize<OrganizationChanged>(message.Payload) is { } changed)
            {
                first.TryAdd(changed.OrganizationId, message.OccurredAt);
            }
        }

        if (first.Count == 0)
        {
            return;
        }

        var revoked = (await register.FindManyAsync(first.Keys, cancellationToken)).Where(o => o.Status == CreditListService.OrganizationStatusRevoked).Select(o => o.Id).Order();
        foreach (var organizationId in revoked)
        {
            await creditLists.ListIfRevokedAsync(organizationId, ChinaTime.Date(first[organizationId]), cancellationToken);
        }
    }
}

/// <summary>The <see cref="IPenaltyListings"/> contract over the credit-list service (used by the supervision module's penalty feed consumer).</summary>
internal sealed class PenaltyListings(CreditListService creditLists) : IPenaltyListings
{
    public Task<bool> ListAsync(PenaltyListing listing, CancellationToken cancellationToken) => creditLists.ListForPenaltyAsync(listing, cancellationToken);
}
