using Registry.Core.Notifications;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Services;

/// <summary>Notifies every account acting for an organization (in-app and by mail).</summary>
public sealed class OrganizationNotifier(INotifier notifier, IOrganizationRegister register)
{
    public async Task NotifyAsync(int organizationId, string template, IReadOnlyDictionary<string, string> values, string link, CancellationToken cancellationToken)
    {
        foreach (var userId in await register.UsersOfOrganizationAsync(organizationId, cancellationToken))
        {
            await notifier.NotifyUserAsync(userId, template, values, link, cancellationToken);
        }
    }
}
