namespace Registry.Architecture.Tests.Fixtures.Provider.Contracts;

/// <summary>Self-check fixture: the pretend module's public contract, which others may use.</summary>
public interface IProviderStanding
{
    bool IsActive(string code);
}
