using System.Reflection;
using Registry.Core.Modularity;

namespace Registry.Architecture.Tests;

public sealed class ModuleDiscoveryTests
{
    // The Razor SDK compiles every .cshtml into this namespace, whatever the assembly.
    private const string RazorGeneratedNamespace = "AspNetCoreGeneratedDocument";

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void ModuleAssembly_AllTypes_DeclareExactlyOneModule(string module)
    {
        // GetTypes, not GetExportedTypes: an internal second module would be ignored by discovery, not refused.
        var modules = Solution.ModuleAssembly(module).GetTypes()
            .Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => t.FullName)
            .ToList();

        modules.Count.ShouldBe(1, $"module types found: {string.Join(", ", modules)}");
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Module_Name_MatchesAssemblyName(string module) =>
        Solution.ModuleAssembly(module).GetName().Name.ShouldBe($"Registry.{module}");

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void ModuleAssembly_Types_ResideUnderModuleNamespace(string module)
    {
        // The boundary rules are generated from namespaces, so a type outside Registry.<Name> would escape them.
        var root = $"Registry.{module}";
        var strays = Solution.DeclaredTypes(Solution.ModuleAssembly(module))
            .Where(t => t.Namespace != RazorGeneratedNamespace && !ModuleBoundaries.IsWithin(t.Namespace ?? "", root))
            .Select(t => t.FullName)
            .ToList();

        strays.ShouldBeEmpty($"types of Registry.{module} outside namespace {root}");
    }

    [Fact]
    public void ModuleCatalog_RegistryAssembliesInOutput_EveryModuleTypeIsDiscovered()
    {
        // A cross-check that does not trust discovery: every Registry.*.dll shipped beside the tests is opened.
        var discovered = Solution.Catalog.Modules.Select(m => m.GetType()).ToHashSet();
        var missed = System.IO.Directory.EnumerateFiles(AppContext.BaseDirectory, "Registry.*.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && !discovered.Contains(t))
            .Select(t => $"{t.FullName} ({t.Assembly.GetName().Name}, public: {t.IsPublic})")
            .ToList();

        missed.ShouldBeEmpty("module classes the host would not load (a module class must be public, one per assembly)");
    }
}
