using System.Security.Claims;

namespace Registry.Core.Modularity;

/// <summary>
/// One line of the back-office to-do list (工作台): <paramref name="LabelKey"/> is the owning module's localization key
/// (formatted with <paramref name="Subject"/> when given, e.g. a round's name), <paramref name="Count"/> how many wait,
/// <paramref name="Url"/> the list filtered to exactly those.
/// </summary>
public sealed record WorkItem(string LabelKey, int Count, string Url, int Order = 0, string? Subject = null);

/// <summary>
/// A module's contribution to the to-do list of the signed-in user: only entries the user may open (by permission and,
/// for reviewers, by assignment). The dashboard composes every module's entries; modules never read each other's.
/// </summary>
public interface IWorkItemSource
{
    Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
