namespace Registry.Architecture.Tests.Fixtures.Provider.Domain;

/// <summary>Self-check fixture: an internal of the pretend module, off limits to others.</summary>
public sealed class ProviderEntity
{
    public string Code { get; set; } = "";
}
