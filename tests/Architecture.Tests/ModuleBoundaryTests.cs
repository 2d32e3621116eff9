using Registry.Architecture.Tests.Fixtures.Consumer;
using Registry.Core.Auditing;
using Registry.Web.Data;

namespace Registry.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    private const string FixtureProvider = "Registry.Architecture.Tests.Fixtures.Provider";
    private const string FixtureConsumer = "Registry.Architecture.Tests.Fixtures.Consumer";

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Module_DependenciesOnOtherModules_OnlyThroughTheirContracts(string module)
    {
        var forbidden = ModuleBoundaries.ForbiddenFor(module, Solution.Catalog.Modules.Select(m => (m.Name, m.GetType().Assembly)));

        var violations = ModuleBoundaries.Violations(Solution.ModuleAssembly(module), forbidden);

        violations.ShouldBeEmpty($"Registry.{module} uses another module's internals (only Registry.<Other>.Contracts and Registry.Core are allowed); forbidden: {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Module_ReferencedAssemblies_ExcludeHost(string module) =>
        Solution.ModuleAssembly(module).GetReferencedAssemblies().Select(a => a.Name)
            .ShouldNotContain(Solution.Host.GetName().Name, $"Registry.{module} references the host; modules stand on Core only");

    // Self-checks: the same functions on pairings that must fail, so a rule that silently tests nothing is caught.
    [Fact]
    public void BoundaryRule_HostWithCoreTreatedAsOrdinaryModule_ReportsDependencyOnAuditing()
    {
        var forbidden = ModuleBoundaries.ForbiddenFor("Web", [("Web", Solution.Host), ("Core", typeof(AuditEntry).Assembly)]);
        forbidden.ShouldBeEmpty("Core is the kernel, never forbidden");

        var asIfCoreWereAModule = ModuleBoundaries.ForbiddenNames("Registry.Core", Solution.DeclaredTypes(typeof(AuditEntry).Assembly), contractsAllowed: true);
        asIfCoreWereAModule.ShouldContain(typeof(AuditEntry).Namespace!);

        ModuleBoundaries.Violations(Solution.Host, asIfCoreWereAModule).ShouldContain(typeof(RegistryDbContext).FullName!);
    }

    [Fact]
    public void BoundaryRule_ProviderFixture_SparesContractsOnly()
    {
        var forbidden = ModuleBoundaries.ForbiddenNames(FixtureProvider, typeof(UsesContract).Assembly.GetTypes(), contractsAllowed: true);

        forbidden.ShouldBe([$"{FixtureProvider}.Domain", $"{FixtureProvider}.ProviderModuleFixture"], ignoreOrder: true);
    }

    [Fact]
    public void BoundaryRule_ConsumerFixture_ReportsInternalsButNotContracts()
    {
        var assembly = typeof(UsesContract).Assembly;
        var forbidden = ModuleBoundaries.ForbiddenNames(FixtureProvider, assembly.GetTypes(), contractsAllowed: true);

        var violations = ModuleBoundaries.Violations(assembly, forbidden, FixtureConsumer);

        violations.ShouldBe([typeof(UsesDomain).FullName, typeof(UsesModuleRoot).FullName], ignoreOrder: true);
    }

    [Fact]
    public void BoundaryRule_KernelConsumerFixture_ReportsContractsToo()
    {
        var assembly = typeof(UsesContract).Assembly;
        var forbidden = ModuleBoundaries.ForbiddenNames(FixtureProvider, assembly.GetTypes(), contractsAllowed: false);

        var violations = ModuleBoundaries.Violations(assembly, forbidden, FixtureConsumer);

        violations.ShouldBe([typeof(UsesContract).FullName, typeof(UsesDomain).FullName, typeof(UsesModuleRoot).FullName], ignoreOrder: true);
    }
}
