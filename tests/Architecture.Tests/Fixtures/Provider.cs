namespace Registry.Architecture.Tests.Fixtures.Provider;

/// <summary>Self-check fixture: a type in a pretend module's root namespace (like its *Module class), off limits to others.</summary>
public sealed class ProviderModuleFixture
{
    public string Name { get; set; } = "Provider";
}
