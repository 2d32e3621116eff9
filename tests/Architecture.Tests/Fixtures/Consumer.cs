using Registry.Architecture.Tests.Fixtures.Provider;
using Registry.Architecture.Tests.Fixtures.Provider.Contracts;
using Registry.Architecture.Tests.Fixtures.Provider.Domain;

namespace Registry.Architecture.Tests.Fixtures.Consumer;

/// <summary>Self-check fixture: uses the provider through its contract only (allowed).</summary>
public sealed class UsesContract(IProviderStanding standing)
{
    public bool Check(string code) => standing.IsActive(code);
}

/// <summary>Self-check fixture: reaches into the provider's domain (must be reported).</summary>
public sealed class UsesDomain
{
    public ProviderEntity? Entity { get; set; }
}

/// <summary>Self-check fixture: uses a type in the provider's root namespace (must be reported).</summary>
public sealed class UsesModuleRoot
{
    public ProviderModuleFixture? Module { get; set; }
}
