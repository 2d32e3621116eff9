namespace Registry.Organizations.Contracts;

/// <summary>Street offices (街道办事处) as other modules see them: the street an account acts for, and the accounts of a street.</summary>
public interface IStreetOffices
{
    /// <summary>The street (as on the register, <see cref="OrganizationSummary.Street"/>) the account acts for as a street office, or null.</summary>
    Task<string?> StreetOfAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The enabled accounts of the street's office (empty when the street has none).</summary>
    Task<IReadOnlyList<string>> AccountsOfAsync(string street, CancellationToken cancellationToken);
}
