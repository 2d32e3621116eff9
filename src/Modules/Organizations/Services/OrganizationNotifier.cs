using Registry.Core.Notifications;
using Registry.Organizations.Contracts;

namespace Registry.Organizations.Services;

internal sealed class OrganizationNotifier(INotifier notifier, IOrganizationRegister register) : IOrganizationNotifier
{
    public async Task NotifyAsync(int organizationId, string templateName, IReadOnlyDictionary<string, string> values, string link, CancellationToken cancellationToken)
    {
        foreach (var userId in await register.UsersOfOrganizationAsync(organizationId, cancellationToken))
        {
            await notifier.NotifyUserAsync(userId, templateName, values, link, cancellationToken);
        }
    }
}
