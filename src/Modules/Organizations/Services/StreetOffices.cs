using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary><see cref="IStreetOffices"/> over the street-office accounts <see cref="PartyAccess"/> already reads.</summary>
internal sealed class StreetOffices(PartyAccess parties) : IStreetOffices
{
    public async Task<string?> StreetOfAsync(string userId, CancellationToken cancellationToken) =>
        (await parties.ScopeAsync(userId, cancellationToken)).Street;

    public async Task<IReadOnlyList<string>> AccountsOfAsync(string street, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(street) ? [] : await parties.AccountsAsync(new PreReviewTarget(PreReviewParty.StreetOffice, null, street), cancellationToken);
}
